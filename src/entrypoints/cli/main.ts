import { Command, CommanderError } from 'commander';
import { NewsdeskError } from '../../platform/errors.js';
import { commands } from './commands/index.js';
import { createCliContext } from './context.js';
import { stdoutOutput } from './io.js';

/** Exit statuses: 0 success, 1 failure, 2 wrong usage (including bad configuration). */
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

async function main(argv: string[]): Promise<number> {
  const context = createCliContext(process.env, stdoutOutput, { quiet: argv[2] !== 'serve' });
  const program = new Command('newsdesk')
    .description('Newsdesk: news aggregation and republishing.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  for (const register of commands) register(program, context);
  for (const sub of program.commands) sub.exitOverride().showHelpAfterError();

  try {
    await program.parseAsync(argv);
    return context.exitCode();
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; anything else commander rejects is wrong usage.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof NewsdeskError) {
      process.stderr.write(`newsdesk: ${error.message}\n  (${error.code}) ${error.hint}\n`);
      return error.code === 'USAGE' || error.code === 'CONFIG_INVALID' ? EXIT_USAGE : EXIT_FAILURE;
    }
    process.stderr.write(`newsdesk: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT_FAILURE;
  } finally {
    await context.close();
  }
}

// A reader that stops early (`newsdesk source list | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv);
