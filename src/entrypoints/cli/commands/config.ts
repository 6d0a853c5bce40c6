import { describeConfig } from '../../../platform/config/config.js';
import type { RegisterCommand } from './index.js';

/** `newsdesk config`: the effective configuration, where each value came from, secrets masked. */
export const registerConfig: RegisterCommand = (program, context) => {
  program
    .command('config')
    .description('print the effective configuration (secrets masked)')
    .option('--json', 'print JSON instead of a table')
    .action((options: { json?: boolean }) => {
      const rows = describeConfig(context.config(), context.configOrigins());
      if (options.json) return context.output.json(Object.fromEntries(rows.map((r) => [r.env, r.value])));
      const width = Math.max(...rows.map((r) => r.env.length));
      for (const row of rows) context.output.line(`${row.env.padEnd(width)}  ${row.value || '(unset)'}  [${row.origin}]`);
    });
};
