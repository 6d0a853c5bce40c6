import { Option } from 'commander';
import { NewsdeskError } from '../../../platform/errors.js';
import { runServe, type Role } from '../../serve.js';
import type { RegisterCommand } from './index.js';

/** `newsdesk serve`: the web server and a worker in one process, or either alone for scale-out. */
export const registerServe: RegisterCommand = (program, context) => {
  program
    .command('serve')
    .description('run the web server and a worker (one process by default)')
    .addOption(new Option('--role <role>', 'what this process runs').choices(['all', 'web', 'worker']).default('all'))
    .option('--port <port>', 'port to listen on (default NEWSDESK_PORT)')
    .action(async (options: { role: Role; port?: string }) => {
      const port = options.port === undefined ? context.config().port : parsePort(options.port);
      const app = await context.app();
      await runServe(app, { role: options.role, port });
    });
};

function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new NewsdeskError('USAGE', `--port ${text} is not a port number (0 to 65535).`);
  return port;
}
