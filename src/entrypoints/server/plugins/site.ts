import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../../app/create-app.js';
import { renderHomePage } from '../../../publish/site/home-page.js';

const HOME_PAGE_SIZE = 50;

/** The public site: readable by anyone, no session needed. */
export const siteRoutes: FastifyPluginAsync<{ app: App }> = async (server, { app }) => {
  server.get('/', async (_request, reply) => {
    const articles = await app.articles.newest(HOME_PAGE_SIZE);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'public, max-age=30')
      .send(renderHomePage({ siteTitle: app.config.siteTitle, articles, now: app.clock.now() }));
  });
};
