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

export function createCliContext(env: Record<string, string | undefined>, output: Output): CliContext {
  let loaded: ReturnType<typeof loadConfig> | undefined;
  let logger: Logger | undefined;
  let app: Promise<App> | undefined;
  let failed = false;
  const load = () => (loaded ??= loadConfig(env));
  const context: CliContext = {
    output,
    config: () => load().config,
    configOrigins: () => load().origins,
    logger: () => (logger ??= createLogger({ level: load().config.logLevel })),
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
