import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerReextract } from './reextract.js';
import { registerCluster } from './cluster.js';
import { registerConfig } from './config.js';
import { registerExtract } from './extract.js';
import { registerMigrate } from './migrate.js';
import { registerOpml } from './opml.js';
import { registerParseFeed } from './parse-feed.js';
import { registerRecluster } from './recluster.js';
import { registerRefresh } from './refresh.js';
import { registerSample } from './sample.js';
import { registerServe } from './serve.js';
import { registerSource } from './source.js';
import { registerStory } from './story.js';
import { registerUser } from './user.js';

/** A command registers itself on the program; it gets what it needs from the context. */
export type RegisterCommand = (program: Command, context: CliContext) => void;

/** Every command of the `newsdesk` binary, in the order `--help` lists them. */
export const commands: RegisterCommand[] = [
  registerServe,
  registerMigrate,
  registerConfig,
  registerSource,
  registerOpml,
  registerUser,
  registerRefresh,
  registerSample,
  registerParseFeed,
  registerExtract,
  registerReextract,
  registerCluster,
  registerStory,
  registerRecluster,
];
