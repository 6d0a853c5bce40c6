import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isPrivateAddress } from '../../src/pipeline/fetch/address-guard.js';
import { fetchUrl, type FetchOptions } from '../../src/pipeline/fetch/fetch-url.js';
import { startNewsWeb, type NewsWeb } from '../support/news-web.js';

// Private networks are refused here, as in production; only the news web's own address is
// let through, so that it can send redirects into private space.
let web: NewsWeb;
let port: number;
const strict: FetchOptions = {
  userAgent: 'Newsdesk-test',
  timeoutMs: 3000,
  maxBytes: 64 * 1024,
  allowPrivateNetworks: false,
};
const newsWebOnly: FetchOptions = { ...strict, allowAddresses: ['127.0.0.1'] };

beforeAll(async () => {
  web = await startNewsWeb();
  port = Number(new URL(web.origin).port);
});
afterAll(() => web.close());
afterEach(() => vi.restoreAllMocks());

/**
 * Hosts that sockets tried to connect to while `run` ran. A connection to anything but
 * 127.0.0.1 goes to a closed local port instead, so even a broken guard sends nothing off this machine.
 */
async function connectionsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const hosts: string[] = [];
  const connect = net.Socket.prototype.connect;
  vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (
    this: net.Socket,
    ...args: unknown[]
  ) {
    const first = args[0];
    const target = Array.isArray(first) ? first[0] : first;
    const host =
      target && typeof target === 'object' && 'host' in target
        ? String((target as { host: unknown }).host)
        : '';
    hosts.push(host);
    // Sent to a closed local port instead: refused at once, and nothing leaves the machine.
    const redirected =
      host === '127.0.0.1' ? args : [{ ...(target as object), host: '127.0.0.1', port: 1 }, ...args.slice(1)];
    return (connect as (...a: unknown[]) => net.Socket).apply(this, redirected);
  });
  await run();
  return hosts;
}

describe('the SSRF guard', () => {
  it('refuses loopback by address, by name after DNS, and in disguise', async () => {
    await expect(fetchUrl(`${web.origin}/feed.rss`, strict)).rejects.toMatchObject({ code: 'FETCH_BLOCKED' });
    await expect(fetchUrl(`http://localhost:${port}/feed.rss`, strict)).rejects.toMatchObject({
      code: 'FETCH_BLOCKED',
    });
    // 2130706433 and 0x7f.1 are 127.0.0.1 written another way.
    await expect(fetchUrl(`http://2130706433:${port}/feed.rss`, strict)).rejects.toMatchObject({
      code: 'FETCH_BLOCKED',
    });
    await expect(fetchUrl(`http://0x7f.1:${port}/feed.rss`, strict)).rejects.toMatchObject({
      code: 'FETCH_BLOCKED',
    });
    expect(web.hits('/feed.rss')).toBe(0);
  });

  it('lets an allowed address through and fetches from it', async () => {
    const feed = await fetchUrl(`${web.origin}/feed.rss`, newsWebOnly);
    expect(feed.status).toBe(200);
  });

  for (const target of [
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://192.168.1.1/admin',
    'http://[::ffff:169.254.169.254]/latest/meta-data/',
    'http://[fd00:ec2::254]/latest/meta-data/',
  ]) {
    it(`refuses a redirect to ${target} before connecting to it`, async () => {
      let error: unknown;
      const hosts = await connectionsDuring(() =>
        fetchUrl(web.url(`/redirect?to=${encodeURIComponent(target)}`), newsWebOnly).catch((e: unknown) => {
          error = e;
        }),
      );
      expect(error).toMatchObject({ code: 'FETCH_BLOCKED' });
      expect(hosts.filter((h) => h !== '127.0.0.1')).toEqual([]);
    });
  }
});

describe('isPrivateAddress', () => {
  it('knows private, loopback, link-local, metadata and mapped addresses from public ones', () => {
    const privateOnes = [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.100.100.200',
      '0.0.0.0',
      '224.0.0.1',
    ];
    const privateV6 = [
      '::1',
      '::',
      'fd00::1',
      'fd00:ec2::254',
      'fe80::1',
      'ff02::1',
      '::ffff:10.0.0.1',
      '::ffff:a9fe:a9fe',
    ];
    for (const a of [...privateOnes, ...privateV6]) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(a), a).toBe(false);
  });
});
