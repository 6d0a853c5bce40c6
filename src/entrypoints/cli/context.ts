import { loadConfig, type Config, type ConfigOrigin } from '../../platform/config/config.js';
import type { SettingName } from '../../platform/config/settings.js';
import { createLogger, type Logger } from '../../platform/logger.js';
import { createApp, type App } from '../../app/create-app.js';
import type { Output } from './io.js';

/**
 * What commands share: the configuration, loaded once on first use; the application,
 * built once on first use (commands that need no database never open one); the output.
 */
export interface CliContext {
  readonly output: Output;
  config(): Config;
  configOrigins(): Record<SettingName, ConfigOrigin>;
  logger(): Logger;
  app(options?: { migrate?: boolean }): Promise<App>;
  /** Lets a command report failure (exit 1) after writing its output, e.g. a batch with failed lines. */
  fail(): void;
  exitCode(): number;
  close(): Promise<void>;
}

/**
 * `quiet`: commands other than `serve` print their own results, so their logs default to
 * warnings only unless NEWSDESK_LOG_LEVEL asks for more.
 */
export function createCliContext(env: Record<string, string | undefined>, output: Output, options: { quiet: boolean }): CliContext {
  let loaded: ReturnType<typeof loadConfig> | undefined;
  let logger: Logger | undefined;
  let app: Promise<App> | undefined;
  let failed = false;
  const load = () => (loaded ??= loadConfig(env));
  const context: CliContext = {
    output,
    config: () => load().config,
    configOrigins: () => load().origins,
    logger: () => {
      const { config, origins } = load();
      const level = options.quiet && origins.logLevel === 'default' ? 'warn' : config.logLevel;
      return (logger ??= createLogger({ level }));
    },
    app(options = {}) {
      app ??= createApp(context.config(), context.logger(), { migrate: options.migrate ?? true });
      return app;
    },
    fail: () => {
      failed = true;
    },
    exitCode: () => (failed ? 1 : 0),
    async close() {
      if (app) await (await app.catch(() => undefined))?.close();
      logger?.flush();
    },
  };
  return context;
}
