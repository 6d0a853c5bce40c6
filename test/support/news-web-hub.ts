import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface HubSubscription {
  topic: string;
  callback: string;
  secret: string | null;
  leaseSeconds: number;
}

/**
 * A WebSub hub (W3C WebSub §5–§7) for the local news web: accepts subscription requests,
 * verifies the subscriber's intent with a challenge, and delivers what a test publishes to
 * verified subscribers, signed with `X-Hub-Signature: sha256=…` when a secret was given.
 * Callbacks must be on 127.0.0.1 or localhost: the hub never calls anywhere else.
 */
export class WebSubHub {
  private readonly subscriptions = new Map<string, HubSubscription>();
  private readonly waiters: Array<{ topic: string; resolve: (s: HubSubscription) => void }> = [];

  constructor(readonly url: string) {}

  /** Verified subscriptions, optionally for one topic. */
  subscribers(topic?: string): HubSubscription[] {
    return [...this.subscriptions.values()].filter((s) => topic === undefined || s.topic === topic);
  }

  /** Resolves when a subscription to `topic` has been verified. */
  subscribed(topic: string): Promise<HubSubscription> {
    const existing = this.subscribers(topic)[0];
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve) => this.waiters.push({ topic, resolve }));
  }

  /** Delivers new content of `topic` to its subscribers; answers each callback's HTTP status. */
  async publish(topic: string, body: string, contentType = 'application/rss+xml'): Promise<number[]> {
    return Promise.all(
      this.subscribers(topic).map(async (s) => {
        const headers: Record<string, string> = {
          'content-type': contentType,
          link: `<${this.url}>; rel="hub", <${topic}>; rel="self"`,
        };
        if (s.secret)
          headers['x-hub-signature'] = `sha256=${createHmac('sha256', s.secret).update(body).digest('hex')}`;
        const response = await fetch(s.callback, { method: 'POST', headers, body });
        return response.status;
      }),
    );
  }

  /** Handles `POST /websub/hub` (form-encoded subscribe or unsubscribe). */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (req.method !== 'POST' || url.pathname !== '/websub/hub') return void res.writeHead(405).end();
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      const form = new URLSearchParams(text);
      const mode = form.get('hub.mode');
      const topic = form.get('hub.topic');
      const callback = form.get('hub.callback');
      if ((mode !== 'subscribe' && mode !== 'unsubscribe') || !topic || !callback || !isLocal(callback)) {
        return void res
          .writeHead(400, { 'content-type': 'text/plain' })
          .end('hub.mode, hub.topic and a local hub.callback are required');
      }
      res.writeHead(202).end();
      const subscription = {
        topic,
        callback,
        secret: form.get('hub.secret'),
        leaseSeconds: Number(form.get('hub.lease_seconds') ?? 86_400),
      };
      void this.verify(mode, subscription);
    });
  }

  private async verify(mode: 'subscribe' | 'unsubscribe', s: HubSubscription): Promise<void> {
    const challenge = randomBytes(12).toString('hex');
    const check = new URL(s.callback);
    check.searchParams.set('hub.mode', mode);
    check.searchParams.set('hub.topic', s.topic);
    check.searchParams.set('hub.challenge', challenge);
    if (mode === 'subscribe') check.searchParams.set('hub.lease_seconds', String(s.leaseSeconds));
    const response = await fetch(check).catch(() => null);
    if (!response?.ok || (await response.text()) !== challenge) return;
    const key = `${s.topic} ${s.callback}`;
    if (mode === 'unsubscribe') return void this.subscriptions.delete(key);
    this.subscriptions.set(key, s);
    for (const waiter of this.waiters.filter((w) => w.topic === s.topic)) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(s);
    }
  }
}

function isLocal(callback: string): boolean {
  try {
    const host = new URL(callback).hostname;
    return host === '127.0.0.1' || host === 'localhost';
  } catch {
    return false;
  }
}
