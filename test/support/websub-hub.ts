import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A subscription the hub verified. */
export interface VerifiedSubscription {
  topic: string;
  callback: string;
  secret: string | null;
  leaseSeconds: number;
}

/** One intent verification the hub made, and what the subscriber answered. */
export interface Verification {
  mode: string;
  topic: string;
  callback: string;
  status: number;
  confirmed: boolean;
}

/** How the hub answers subscription requests: accept (202), refuse with an HTTP error, or accept then deny (§5.2). */
export type HubBehaviour = 'accept' | 'refuse' | 'deny';

/**
 * A WebSub hub on 127.0.0.1 for tests (hub side of W3C WebSub §5–§8), with a publisher
 * beside it: `serveFeed` publishes a topic that advertises the hub, `publish` delivers
 * new content to verified subscribers, signed with their secret. Subscription requests
 * are answered 202, then intent is verified by a GET on the callback with a challenge;
 * only callbacks on 127.0.0.1 or localhost are ever called.
 */
export interface WebSubHub {
  readonly origin: string;
  /** The hub's endpoint. */
  readonly hubUrl: string;
  url(path: string): string;
  /** Serves a feed; `links` chooses where the hub is advertised (default: in the feed only). */
  serveFeed(path: string, xml: string, options?: { linkHeader?: string }): void;
  behaviour: HubBehaviour;
  /** Lease granted to subscribers, whatever they ask (null: what they ask). */
  grantLeaseSeconds: number | null;
  readonly subscriptions: readonly VerifiedSubscription[];
  readonly verifications: readonly Verification[];
  /** Subscription requests received (form fields). */
  readonly requests: readonly Record<string, string>[];
  /** Resolves once `count` verifications have been made. */
  verificationsReached(count: number, timeoutMs?: number): Promise<void>;
  /** Delivers content; `signature` forges or drops the signature. Returns each callback's status. */
  publish(topic: string, body: string, options?: { signature?: 'valid' | 'wrong' | 'none'; contentType?: string }): Promise<number[]>;
  /** Sends an intent verification of the hub's own choosing (for a topic nobody asked for). */
  verify(callback: string, mode: string, topic: string): Promise<Verification>;
  close(): Promise<void>;
}

export async function startWebSubHub(): Promise<WebSubHub> {
  const feeds = new Map<string, { xml: string; linkHeader?: string }>();
  const subscriptions = new Map<string, VerifiedSubscription>();
  const verifications: Verification[] = [];
  const requests: Record<string, string>[] = [];
  const pending = new Set<Promise<unknown>>();
  let origin = '';

  const verify = async (callback: string, mode: string, topic: string, extra: Record<string, string> = {}): Promise<Verification> => {
    const challenge = randomBytes(16).toString('hex');
    const check = new URL(callback);
    for (const [k, v] of Object.entries({ 'hub.mode': mode, 'hub.topic': topic, 'hub.challenge': challenge, ...extra })) check.searchParams.set(k, v);
    if (!isLocal(check)) throw new Error(`The test hub calls only local callbacks, not ${callback}.`);
    const response = await fetch(check);
    const text = await response.text();
    const result = { mode, topic, callback, status: response.status, confirmed: response.ok && text === challenge };
    verifications.push(result);
    return result;
  };

  const onSubscriptionRequest = (form: Record<string, string>, res: ServerResponse) => {
    requests.push(form);
    const mode = form['hub.mode'];
    const topic = form['hub.topic'];
    const callback = form['hub.callback'];
    if ((mode !== 'subscribe' && mode !== 'unsubscribe') || !topic || !callback) return void res.writeHead(400).end('hub.mode, hub.topic and hub.callback are required');
    if (hub.behaviour === 'refuse') return void res.writeHead(403).end('this hub does not serve that topic');
    res.writeHead(202).end();
    const key = `${topic} ${callback}`;
    const work = (async () => {
      if (hub.behaviour === 'deny') return verify(callback, 'denied', topic, { 'hub.reason': 'not allowed' });
      const lease = hub.grantLeaseSeconds ?? Number(form['hub.lease_seconds'] ?? 86_400);
      const result = await verify(callback, mode, topic, mode === 'subscribe' ? { 'hub.lease_seconds': String(lease) } : {});
      if (!result.confirmed) return;
      if (mode === 'unsubscribe') subscriptions.delete(key);
      else subscriptions.set(key, { topic, callback, secret: form['hub.secret'] ?? null, leaseSeconds: lease });
    })();
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    if (req.method === 'POST' && path === '/hub') {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (text += chunk));
      req.on('end', () => onSubscriptionRequest(Object.fromEntries(new URLSearchParams(text)), res));
      return;
    }
    const feed = feeds.get(path);
    if (req.method !== 'GET' || !feed) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', ...(feed.linkHeader ? { link: feed.linkHeader } : {}) }).end(feed.xml);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const hub: WebSubHub = {
    origin,
    hubUrl: `${origin}/hub`,
    url: (path) => new URL(path, origin).href,
    serveFeed: (path, xml, options = {}) => void feeds.set(path, { xml, ...(options.linkHeader ? { linkHeader: options.linkHeader } : {}) }),
    behaviour: 'accept',
    grantLeaseSeconds: null,
    get subscriptions() {
      return [...subscriptions.values()];
    },
    verifications,
    requests,
    async verificationsReached(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (verifications.length < count) {
        if (Date.now() > deadline) throw new Error(`Only ${verifications.length} of ${count} verifications within ${timeoutMs} ms.`);
        await Promise.all(pending);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async publish(topic, body, options = {}) {
      const targets = [...subscriptions.values()].filter((s) => s.topic === topic);
      return Promise.all(
        targets.map(async (s) => {
          const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/rss+xml', link: `<${hub.hubUrl}>; rel="hub", <${topic}>; rel="self"` };
          const signature = options.signature ?? 'valid';
          if (s.secret && signature !== 'none') {
            const key = signature === 'wrong' ? `${s.secret}-forged` : s.secret;
            headers['x-hub-signature'] = `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;
          }
          const response = await fetch(s.callback, { method: 'POST', headers, body });
          return response.status;
        }),
      );
    },
    verify: (callback, mode, topic) => verify(callback, mode, topic),
    async close() {
      await Promise.allSettled(pending);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return hub;
}

function isLocal(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost';
}
