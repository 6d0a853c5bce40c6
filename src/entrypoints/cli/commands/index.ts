import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** A command registers itself on the program; it gets what it needs from the context. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

/** Every command of the `newsdesk` binary, in the order `--help` lists them. */
export const commands: RegisterCommand[] = [];
