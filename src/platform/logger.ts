import { pino, type Logger, type DestinationStream } from 'pino';

export type { Logger };

/**
 * The root logger. Event names are stable snake_case strings passed as `event`
 * (`source_refreshed`, `job_failed`), and keys are snake_case (`source_id`, `job_id`),
 * so operators can alert on them. Children carry the per-request or per-job context.
 */
export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'newsdesk' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ dest: 2, sync: false }),
  );
}
