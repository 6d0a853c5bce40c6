import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../../app/create-app.js';

/**
 * `/healthz`: the process is up. `/readyz`: the database answers and every migration this
 * version knows is applied — a load balancer sends traffic only then.
 */
export const healthRoutes: FastifyPluginAsync<{ app: App }> = async (server, { app }) => {
  server.get('/healthz', async () => ({ status: 'ok' }));

  let migrationsCurrent = false;
  server.get('/readyz', async (_request, reply) => {
    try {
      await app.store.ping();
      if (!migrationsCurrent) {
        const pending = await app.pendingMigrations();
        if (pending.length) return reply.status(503).send({ status: 'not-ready', reason: `pending migrations: ${pending.join(', ')}` });
        // Migrations never un-apply while the process runs: checking once is enough.
        migrationsCurrent = true;
      }
      return { status: 'ready' };
    } catch (error) {
      return reply.status(503).send({ status: 'not-ready', reason: (error as Error).message });
    }
  });
};
