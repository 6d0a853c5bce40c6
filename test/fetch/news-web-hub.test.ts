import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNewsWeb, type NewsWeb } from '../support/news-web.js';

// The news web's WebSub hub, exercised by a subscriber on 127.0.0.1 speaking the protocol by hand.
let web: NewsWeb;
let subscriber: Server;
let callback: string;
const deliveries: { headers: IncomingMessage['headers']; body: string }[] = [];
let echoChallenge = true;

beforeAll(async () => {
  web = await startNewsWeb();
  subscriber = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://subscriber');
    if (req.method === 'GET')
      return res.writeHead(200).end(echoChallenge ? url.searchParams.get('hub.challenge') : 'no');
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => subscriber.listen(0, '127.0.0.1', r));
  callback = `http://127.0.0.1:${(subscriber.address() as AddressInfo).port}/push/1`;
});
afterAll(async () => {
  await web.close();
  subscriber.closeAllConnections();
  subscriber.close();
});

const subscribe = (form: Record<string, string>) =>
  fetch(web.hub.url, { method: 'POST', body: new URLSearchParams(form) });

describe('the news web WebSub hub', () => {
  it('verifies a subscription, then delivers published content signed with the secret', async () => {
    const topic = web.url('/feed.rss');
    const response = await subscribe({
      'hub.mode': 'subscribe',
      'hub.topic': topic,
      'hub.callback': callback,
      'hub.secret': 's3cret',
    });
    expect(response.status).toBe(202);
    await web.hub.subscribed(topic);
    const statuses = await web.hub.publish(topic, '<rss><channel><title>new</title></channel></rss>');
    expect(statuses).toEqual([204]);
    const delivery = deliveries.at(-1)!;
    expect(delivery.body).toContain('<title>new</title>');
    const signature = createHmac('sha256', 's3cret').update(delivery.body).digest('hex');
    expect(delivery.headers['x-hub-signature']).toBe(`sha256=${signature}`);
    expect(delivery.headers['link']).toContain(`<${topic}>; rel="self"`);
  });

  it('does not subscribe a callback that fails the challenge, nor one off this machine', async () => {
    echoChallenge = false;
    const topic = web.url('/other.rss');
    await subscribe({ 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.callback': callback });
    await new Promise((r) => setTimeout(r, 100));
    expect(web.hub.subscribers(topic)).toEqual([]);
    echoChallenge = true;
    const remote = await subscribe({
      'hub.mode': 'subscribe',
      'hub.topic': topic,
      'hub.callback': 'http://example.com/cb',
    });
    expect(remote.status).toBe(400);
  });
});
