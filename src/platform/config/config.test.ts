import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeConfig, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('gives defaults: SQLite under ./data, port 8080, frozen', () => {
    const { config } = loadConfig({});
    expect(config.database).toEqual({ kind: 'sqlite', path: expect.stringMatching(/data[\\/]newsdesk\.db$/) });
    expect(config.port).toBe(8080);
    expect(config.allowPrivateNetworks).toBe(false);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL says so', () => {
    const { config } = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/news' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u:p@db:5432/news' });
  });

  it('names the variable, the value and what is allowed when a value is wrong', () => {
    expect(() => loadConfig({ NEWSDESK_PORT: 'eighty' })).toThrow(
      'NEWSDESK_PORT="eighty" is not allowed: expected an integer from 0 to 65535.',
    );
    expect(() => loadConfig({ NEWSDESK_ALLOW_PRIVATE_NETWORKS: 'maybe' })).toThrow(/NEWSDESK_ALLOW_PRIVATE_NETWORKS="maybe".*true or false/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL=\(hidden\) is not allowed/);
  });

  it('reads a JSON config file, overridden by the environment, and rejects unknown keys', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-config-'));
    const file = join(dir, 'newsdesk.json');
    writeFileSync(file, JSON.stringify({ NEWSDESK_PORT: 9000, NEWSDESK_SITE_TITLE: 'Desk' }));
    const { config, origins } = loadConfig({ NEWSDESK_CONFIG: file, NEWSDESK_SITE_TITLE: 'From env' });
    expect(config.port).toBe(9000);
    expect(config.siteTitle).toBe('From env');
    expect(origins.port).toBe('file');
    expect(origins.siteTitle).toBe('environment');
    writeFileSync(file, JSON.stringify({ NEWSDESK_PROT: 9000 }));
    expect(() => loadConfig({ NEWSDESK_CONFIG: file })).toThrow(/unknown key "NEWSDESK_PROT"/);
    writeFileSync(file, '{not json');
    expect(() => loadConfig({ NEWSDESK_CONFIG: file })).toThrow(/not valid JSON/);
  });

  it('masks secrets when described', () => {
    const { config, origins } = loadConfig({ DATABASE_URL: 'postgres://news:hunter2@db/news' });
    const row = describeConfig(config, origins).find((r) => r.env === 'DATABASE_URL');
    expect(row?.value).toBe('postgres://news:****@db/news');
    expect(JSON.stringify(describeConfig(config, origins))).not.toContain('hunter2');
  });
});
