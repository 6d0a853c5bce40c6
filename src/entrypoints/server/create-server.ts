import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { App } from '../../app/create-app.js';
import { NewsdeskError } from '../../platform/errors.js';
import { adminRoutes } from './plugins/admin.js';
import { healthRoutes } from './plugins/health.js';
import { siteRoutes } from './plugins/site.js';
import { storyRoutes } from './plugins/stories.js';
import { webSubRoutes } from './plugins/websub.js';

// Resolved from the project root, so the compiled build (dist/) serves the same files as the sources.
const staticRoot = fileURLToPath(new URL('../../../src/publish/static/', import.meta.url));

/**
 * The web server: each surface is its own plugin (health, public site, admin) with its
 * own hooks. Errors become the catalogue's status and a `{code, message}` body (or a
 * short page for browsers); unexpected ones are logged with the request id.
 */
export async function createServer(app: App): Promise<FastifyInstance> {
  const server = Fastify({
    // Fastify's logger type is narrower than pino's; the instance is the same pino logger.
    loggerInstance: app.logger.child({ component: 'web' }) as FastifyBaseLogger,
    // Fastify's own per-request lines are replaced by one `request_completed` event below.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'request_id' }),
    trustProxy: false,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
  });

  server.addHook('onResponse', async (request, reply) => {
    // Probes and assets would drown the log at info level.
    const quiet = request.url.startsWith('/static/') || request.url === '/healthz' || request.url === '/readyz';
    request.log[quiet ? 'debug' : 'info']({
      event: 'request_completed',
      method: request.method,
      url: request.url,
      status_code: reply.statusCode,
      duration_ms: Math.round(reply.elapsedTime * 10) / 10,
    });
  });

  server.setErrorHandler((error, request, reply) => {
    const { status, body } = errorResponse(error);
    if (status >= 500) request.log.error({ event: 'request_failed', err: error, url: request.url });
    void reply.status(status).send(body);
  });

  await server.register(fastifyStatic, { root: staticRoot, prefix: '/static/', maxAge: 3_600_000 });
  await server.register(healthRoutes, { app });
  await server.register(siteRoutes, { app });
  await server.register(storyRoutes, { app });
  await server.register(adminRoutes, { app });
  await server.register(webSubRoutes, { app });
  return server;
}

/** Our errors keep their code; Fastify's client errors (bad body, too large) say what was wrong; the rest is hidden. */
function errorResponse(error: unknown): { status: number; body: { code: string; message: string } } {
  if (error instanceof NewsdeskError) return { status: error.status, body: { code: error.code, message: error.message } };
  const statusCode = (error as { statusCode?: number }).statusCode;
  if (statusCode && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode, body: { code: 'INPUT_INVALID', message: (error as Error).message } };
  }
  return { status: 500, body: { code: 'INTERNAL', message: 'An unexpected error; the log has the details.' } };
}
