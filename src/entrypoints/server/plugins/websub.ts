import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../../app/create-app.js';

interface CallbackParams {
  id: string;
  token: string;
}

/**
 * The WebSub callback (`/websub/callback/:id/:token`): hubs verify our intent with a GET
 * and deliver content with a POST. Bodies of any type are read raw, because the signature
 * is over the exact bytes the hub sent. Without NEWSDESK_PUBLIC_URL there are no
 * subscriptions and every callback answers 404.
 */
export const webSubRoutes: FastifyPluginAsync<{ app: App }> = async (server, { app }) => {
  // This plugin's own parsers: the raw bytes for every content type, up to the fetch limit.
  server.removeAllContentTypeParsers();
  server.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: app.config.fetchMaxBytes }, (_request, body, done) => done(null, body));

  server.get<{ Params: CallbackParams; Querystring: Record<string, string | undefined> }>('/websub/callback/:id/:token', async (request, reply) => {
    if (!app.webSub) return reply.status(404).send();
    const query = Object.fromEntries(Object.entries(request.query).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]));
    const answer = await app.webSub.verifyIntent({ id: Number(request.params.id), token: request.params.token, query });
    return reply
      .status(answer.status)
      .header('content-type', 'text/plain; charset=utf-8')
      .send(answer.body ?? '');
  });

  server.post<{ Params: CallbackParams }>('/websub/callback/:id/:token', async (request, reply) => {
    if (!app.webSub) return reply.status(404).send();
    const contentType = request.headers['content-type'] ?? null;
    const answer = await app.webSub.receiveContent({
      id: Number(request.params.id),
      token: request.params.token,
      body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      contentType,
      signature: request.headers['x-hub-signature'],
    });
    return reply.status(answer.status).send();
  });
};
