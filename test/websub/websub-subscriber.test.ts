import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/create-app.js';
import { createServer } from '../../src/entrypoints/server/create-server.js';
import { WebSubRepository } from '../../src/store/repositories/websub.js';
import { createTestApp } from '../support/app.js';
import { testDialects } from '../support/databases.js';
import { startWebSubHub, type WebSubHub } from '../support/websub-hub.js';
import { runJob, runQueuedJobs } from './run-jobs.js';

/** A small RSS feed; `hub` and `self` become atom:link elements when given. */
function rss(items: string[], links: { hub?: string; self?: string } = {}): string {
  const atom = [links.hub && `<atom:link rel="hub" href="${links.hub}"/>`, links.self && `<atom:link rel="self" href="${links.self}"/>`].filter(Boolean).join('');
  const entries = items.map((t) => `<item><title>${t}</title><link>https://news.example/${encodeURIComponent(t)}</link><guid>${t}</guid></item>`).join('');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>World</title><link>https://news.example/</link>${atom}${entries}</channel></rss>`;
}

async function freePort(): Promise<number> {
  const probe = createTcpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe.each(testDialects)('WebSub subscriber against a local hub, on %s', (dialect) => {
  let hub: WebSubHub;
  let app: App;
  let server: FastifyInstance;
  let subscriptions: WebSubRepository;
  let closeApp: () => Promise<void>;
  let advance: (ms: number) => void;
  let publicUrl: string;

  beforeEach(async () => {
    hub = await startWebSubHub();
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    const t = await createTestApp(dialect, { NEWSDESK_PUBLIC_URL: publicUrl, NEWSDESK_ALLOW_PRIVATE_NETWORKS: 'true', NEWSDESK_LOG_LEVEL: 'silent' });
    app = t.app;
    closeApp = t.close;
    advance = (ms) => t.clock.advance(ms);
    subscriptions = new WebSubRepository(t.database.store.db);
    server = await createServer(app);
    await server.listen({ port, host: '127.0.0.1' });
  });
  afterEach(async () => {
    await server.close();
    await hub.close();
    await closeApp();
  });

  const topic = () => hub.url('/world.xml');
  const titles = async () => (await app.articles.newest(100)).map((a) => a.title).sort();

  /** Adds a source served by the hub's publisher and runs the periodic check and its jobs. */
  async function subscribedSource(feed = rss(['First'], { hub: hub.hubUrl, self: topic() })) {
    hub.serveFeed('/world.xml', feed);
    const source = await app.sources.add({ url: topic() }, app.clock.now());
    await runJob(app, 'websub.renew', {});
    expect(await runQueuedJobs(app)).toEqual(['websub.subscribe']);
    await hub.verificationsReached(1);
    return source;
  }

  it('discovers the hub, subscribes with an unguessable callback and a secret, and confirms the verification', async () => {
    const source = await subscribedSource();
    const [request] = hub.requests;
    expect(request).toMatchObject({ 'hub.mode': 'subscribe', 'hub.topic': topic(), 'hub.lease_seconds': '864000' });
    const row = await subscriptions.forSource(source.id);
    expect(request!['hub.callback']).toBe(`${publicUrl}/websub/callback/${row!.id}/${row!.callbackToken}`);
    expect(row!.callbackToken.length).toBeGreaterThanOrEqual(32);
    expect(request!['hub.secret']).toBe(row!.secret);
    expect(hub.verifications).toEqual([expect.objectContaining({ mode: 'subscribe', status: 200, confirmed: true })]);
    expect(row).toMatchObject({ state: 'active', leaseSeconds: 864000, expiresAt: app.clock.now() + 864000_000 });
  });

  it('polls a source whose content is pushed only at the longest interval, as a safety net', async () => {
    const source = await subscribedSource();
    expect((await app.refreshSource(source.id)).status).toBe('updated');
    expect((await app.sources.get(source.id)).nextCheckAt).toBe(app.clock.now() + app.config.refreshMaxMinutes * 60_000);
    // Without a hub the same feed is polled on its usual schedule.
    await app.sources.remove(source.id);
    hub.serveFeed('/plain.xml', rss(['First']));
    const plain = await app.sources.add({ url: hub.url('/plain.xml') }, app.clock.now());
    await app.refreshSource(plain.id);
    expect((await app.sources.get(plain.id)).nextCheckAt).toBeLessThan(app.clock.now() + app.config.refreshMaxMinutes * 60_000);
  });

  it('prefers the hub named in the Link header over the one in the feed', async () => {
    hub.serveFeed('/world.xml', rss(['First'], { hub: 'http://127.0.0.1:9/not-a-hub' }), { linkHeader: `<${hub.hubUrl}>; rel="hub", <${topic()}>; rel="self"` });
    const source = await app.sources.add({ url: topic() }, app.clock.now());
    await runJob(app, 'websub.subscribe', { sourceId: source.id });
    await hub.verificationsReached(1);
    expect((await subscriptions.forSource(source.id))?.state).toBe('active');
  });

  it('stores signed content like a fetched feed, and ignores content with a forged or missing signature', async () => {
    await subscribedSource();
    expect(await hub.publish(topic(), rss(['Forged story']), { signature: 'wrong' })).toEqual([202]);
    expect(await hub.publish(topic(), rss(['Unsigned story']), { signature: 'none' })).toEqual([202]);
    expect(await titles()).toEqual([]);
    expect(await hub.publish(topic(), rss(['Pushed one', 'Pushed two']))).toEqual([202]);
    expect(await titles()).toEqual(['Pushed one', 'Pushed two']);
    // The same item pushed again is stored once.
    await hub.publish(topic(), rss(['Pushed one']));
    expect(await titles()).toEqual(['Pushed one', 'Pushed two']);
  });

  it('refuses verification of a topic or mode it did not ask for, and of an unknown callback', async () => {
    const source = await subscribedSource();
    const row = (await subscriptions.forSource(source.id))!;
    const callback = `${publicUrl}/websub/callback/${row.id}/${row.callbackToken}`;
    expect((await hub.verify(callback, 'subscribe', hub.url('/other.xml'))).status).toBe(404);
    expect((await hub.verify(callback, 'unsubscribe', topic())).status).toBe(404);
    expect((await hub.verify(`${publicUrl}/websub/callback/${row.id}/wrong-token`, 'subscribe', topic())).status).toBe(404);
    expect((await hub.verify(`${publicUrl}/websub/callback/999999/${row.callbackToken}`, 'subscribe', topic())).status).toBe(404);
    expect((await subscriptions.get(row.id))?.state).toBe('active');
    const stray = await fetch(`${publicUrl}/websub/callback/${row.id}/wrong-token`, { method: 'POST', headers: { 'content-type': 'application/rss+xml' }, body: rss(['Stray']) });
    expect(stray.status).toBe(404);
  });

  it('renews the lease before it ends, and not sooner', async () => {
    hub.grantLeaseSeconds = 3600;
    const source = await subscribedSource();
    const first = (await subscriptions.forSource(source.id))!;
    expect(first.expiresAt).toBe(app.clock.now() + 3600_000);
    advance(40 * 60_000);
    await runJob(app, 'websub.renew', {});
    expect(await runQueuedJobs(app)).toEqual([]);
    advance(15 * 60_000);
    await runJob(app, 'websub.renew', {});
    expect(await runQueuedJobs(app)).toEqual(['websub.subscribe']);
    await hub.verificationsReached(2);
    expect((await subscriptions.forSource(source.id))?.expiresAt).toBe(app.clock.now() + 3600_000);
  });

  it('falls back to polling when the hub is gone at renewal time', async () => {
    // The publisher serves the feed on its own; only its hub goes away.
    const publisher = await startWebSubHub();
    try {
      const feedUrl = publisher.url('/world.xml');
      publisher.serveFeed('/world.xml', rss(['First'], { hub: hub.hubUrl, self: feedUrl }));
      const source = await app.sources.add({ url: feedUrl }, app.clock.now());
      await runJob(app, 'websub.subscribe', { sourceId: source.id });
      await hub.verificationsReached(1);
      await hub.close();
      advance(9.5 * 24 * 3_600_000);
      await runJob(app, 'websub.renew', {});
      expect(await runQueuedJobs(app)).toEqual(['websub.subscribe']);
      const row = (await subscriptions.forSource(source.id))!;
      expect(row).toMatchObject({ state: 'failed', failures: 1, retryAt: app.clock.now() + 3_600_000 });
      expect(row.lastError).toContain(hub.hubUrl);
      // Polling goes on as before: the source is refreshed from its feed.
      expect((await app.refreshSource(source.id)).status).toBe('updated');
      expect(await titles()).toEqual(['First']);
    } finally {
      await publisher.close();
    }
  });

  it('records a refusing hub, retries later, and polling carries on', async () => {
    hub.behaviour = 'refuse';
    hub.serveFeed('/world.xml', rss(['Polled story'], { hub: hub.hubUrl, self: topic() }));
    const source = await app.sources.add({ url: topic() }, app.clock.now());
    await runJob(app, 'websub.subscribe', { sourceId: source.id });
    expect(await subscriptions.forSource(source.id)).toMatchObject({ state: 'failed', lastError: expect.stringContaining('HTTP 403') });
    expect((await app.refreshSource(source.id)).status).toBe('updated');
    expect(await titles()).toEqual(['Polled story']);
    await runJob(app, 'websub.renew', {});
    expect(await runQueuedJobs(app)).toEqual([]);
    hub.behaviour = 'accept';
    advance(61 * 60_000);
    await runJob(app, 'websub.renew', {});
    expect(await runQueuedJobs(app)).toEqual(['websub.subscribe']);
    await hub.verificationsReached(1);
    expect((await subscriptions.forSource(source.id))?.state).toBe('active');
  });

  it('records a denial sent by the hub after accepting the request', async () => {
    hub.behaviour = 'deny';
    hub.serveFeed('/world.xml', rss(['First'], { hub: hub.hubUrl, self: topic() }));
    const source = await app.sources.add({ url: topic() }, app.clock.now());
    await runJob(app, 'websub.subscribe', { sourceId: source.id });
    await hub.verificationsReached(1);
    expect(await subscriptions.forSource(source.id)).toMatchObject({ state: 'failed', lastError: 'denied by the hub: not allowed' });
  });

  it('unsubscribes at the hub when the source is removed', async () => {
    const source = await subscribedSource();
    expect(hub.subscriptions).toHaveLength(1);
    await app.sources.remove(source.id);
    await runJob(app, 'websub.renew', {});
    expect(await runQueuedJobs(app)).toEqual(['websub.unsubscribe']);
    await hub.verificationsReached(2);
    expect(hub.requests.at(-1)).toMatchObject({ 'hub.mode': 'unsubscribe', 'hub.topic': topic() });
    expect(hub.verifications.at(-1)).toMatchObject({ mode: 'unsubscribe', confirmed: true });
    expect(hub.subscriptions).toHaveLength(0);
    expect(await subscriptions.forSource(source.id)).toBeNull();
  });

  it('marks a source without a hub and leaves it to polling', async () => {
    hub.serveFeed('/world.xml', rss(['First']));
    const source = await app.sources.add({ url: topic() }, app.clock.now());
    expect(await runJob(app, 'websub.subscribe', { sourceId: source.id })).toEqual({ skipped: 'the source advertises no hub' });
    expect(await subscriptions.forSource(source.id)).toMatchObject({ state: 'no-hub', hub: null });
    expect(hub.requests).toEqual([]);
    // A document that is no feed at all has no hub either, and is looked at again only weekly.
    hub.serveFeed('/page.html', '<html><body><p>Not a feed</p></body></html>');
    const page = await app.sources.add({ url: hub.url('/page.html') }, app.clock.now());
    await runJob(app, 'websub.subscribe', { sourceId: page.id });
    expect(await subscriptions.forSource(page.id)).toMatchObject({ state: 'no-hub', retryAt: app.clock.now() + 7 * 24 * 3_600_000 });
  });
});
