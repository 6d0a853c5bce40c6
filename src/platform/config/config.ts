import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NewsdeskError } from '../errors.js';
import { settings, type SettingName } from './settings.js';
import type { z } from 'zod';

type Settings = typeof settings;
type Values = { [K in SettingName]: z.output<Settings[K]['schema']> };

/** The validated, frozen configuration passed down from the composition root. */
export type Config = Readonly<
  Values & {
    /** The resolved database location: an SQLite file path or a PostgreSQL URL. */
    database: { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };
  }
>;

/** Where a setting's value came from, for `newsdesk config`. */
export type ConfigOrigin = 'default' | 'file' | 'environment';

/**
 * Reads the settings from an optional JSON config file (`NEWSDESK_CONFIG`, keys are the
 * environment variable names) overlaid by the environment, validates each once and
 * freezes the result. A wrong value throws CONFIG_INVALID naming the variable, the value
 * and what is allowed.
 */
export function loadConfig(env: Record<string, string | undefined>): { config: Config; origins: Record<SettingName, ConfigOrigin> } {
  const file = env.NEWSDESK_CONFIG ? readConfigFile(env.NEWSDESK_CONFIG) : {};
  const values: Record<string, unknown> = {};
  const origins = {} as Record<SettingName, ConfigOrigin>;
  for (const [name, setting] of Object.entries(settings) as [SettingName, Settings[SettingName]][]) {
    const fromEnv = env[setting.env];
    const fromFile = file[setting.env];
    const raw = fromEnv !== undefined && fromEnv !== '' ? fromEnv : fromFile;
    origins[name] = raw === undefined ? 'default' : fromEnv !== undefined && fromEnv !== '' ? 'environment' : 'file';
    const parsed = setting.schema.safeParse(raw === undefined ? undefined : String(raw));
    if (!parsed.success) {
      const shown = 'secret' in setting && setting.secret ? '(hidden)' : JSON.stringify(raw);
      throw new NewsdeskError(
        'CONFIG_INVALID',
        `${setting.env}=${shown} is not allowed: expected ${setting.allowed}.`,
        { context: { setting: setting.env } },
      );
    }
    values[name] = parsed.data;
  }
  const v = values as Values;
  const database = resolveDatabase(v.databaseUrl, v.dataDir);
  return { config: Object.freeze({ ...v, database }), origins };
}

function resolveDatabase(url: string | undefined, dataDir: string): Config['database'] {
  if (url === undefined) return { kind: 'sqlite', path: resolve(dataDir, 'newsdesk.db') };
  if (url.startsWith('sqlite:')) return { kind: 'sqlite', path: resolve(url.slice('sqlite:'.length)) };
  return { kind: 'postgres', url };
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new NewsdeskError('CONFIG_INVALID', `NEWSDESK_CONFIG=${JSON.stringify(path)} cannot be read.`, { cause });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new NewsdeskError('CONFIG_INVALID', `NEWSDESK_CONFIG=${JSON.stringify(path)} is not valid JSON.`, { cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new NewsdeskError('CONFIG_INVALID', `NEWSDESK_CONFIG=${JSON.stringify(path)} must hold a JSON object.`);
  }
  const known = new Set(Object.values(settings).map((s) => s.env));
  for (const key of Object.keys(parsed)) {
    if (!known.has(key)) {
      throw new NewsdeskError('CONFIG_INVALID', `NEWSDESK_CONFIG has an unknown key ${JSON.stringify(key)}.`);
    }
  }
  return parsed as Record<string, unknown>;
}

/** The effective configuration as printable rows, secrets masked. */
export function describeConfig(
  config: Config,
  origins: Record<SettingName, ConfigOrigin>,
): { env: string; value: string; origin: ConfigOrigin }[] {
  return (Object.entries(settings) as [SettingName, Settings[SettingName]][]).map(([name, setting]) => {
    const value = config[name];
    const shown =
      value === undefined ? '' : 'secret' in setting && setting.secret ? maskSecret(String(value)) : String(value);
    return { env: setting.env, value: shown, origin: origins[name] };
  });
}

/** Keeps a URL's scheme and host visible and hides credentials. */
function maskSecret(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '****';
    return url.toString();
  } catch {
    return '****';
  }
}
