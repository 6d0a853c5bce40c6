import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { runCli } from '../support/cli.js';

describe('newsdesk user add', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-user-'));
    env = { NEWSDESK_DATA_DIR: dir, NEWSDESK_LOAD_SAMPLE: 'false' };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds an administrator whose piped password signs in', async () => {
    const result = await runCli(['user', 'add', '--admin', 'Ada@Example.org'], { env, input: 'a passphrase with spaces \n' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Added administrator ada@example.org (user 1).\n');

    const { config } = loadConfig(env);
    const app = await createApp(config, pino({ level: 'silent' }), { migrate: false });
    try {
      const row = await app.store.db.selectFrom('users').select(['password_hash', 'is_admin']).executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(row.is_admin).toBe(1);
      const signedIn = await app.auth.signIn({ email: 'ada@example.org', password: 'a passphrase with spaces ', clientAddress: '127.0.0.1' });
      expect(signedIn.user.isAdmin).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('answers USER_EXISTS (exit 1) for a taken email', async () => {
    await runCli(['user', 'add', 'ada@example.org'], { env, input: 'first long password\n' });
    const again = await runCli(['user', 'add', '--admin', 'ADA@example.org'], { env, input: 'second long password\n' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('USER_EXISTS');
  });

  it('exits 2 for a short password, a malformed email or a missing argument', async () => {
    const short = await runCli(['user', 'add', 'ada@example.org'], { env, input: 'too short\n' });
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('at least 12 characters');
    const malformed = await runCli(['user', 'add', 'ada-at-example.org'], { env, input: 'a long enough password\n' });
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('is not an email address');
    expect((await runCli(['user', 'add'], { env })).status).toBe(2);
  });
});
