import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import type { FastifyPluginAsync } from 'fastify';
import type { App } from '../../../app/create-app.js';
import type { Viewer } from '../../../app/auth/auth-service.js';
import { NewsdeskError } from '../../../platform/errors.js';
import { parseHttpUrl } from '../../../pipeline/fetch/fetch-url.js';
import { renderSourcesPage } from '../../../publish/admin/sources-page.js';
import { formField, loadViewer, requireViewer, securityHeaders, verifyCsrf } from '../auth/admin-hooks.js';
import { adminErrorHandler } from '../auth/admin-errors.js';
import { SessionCookie } from '../auth/session-cookie.js';
import { authRoutes } from './auth.js';

/** Messages shown after a form's redirect; the query names one, so no text comes from outside. */
const notices = {
  added: 'The source was added; it will be checked shortly.',
  removed: 'The source and its articles were removed.',
  'samples-removed': 'The sample sources were removed.',
  refreshed: 'The source was refreshed.',
  'not-modified': 'The source was checked: nothing changed since the last check.',
  'refresh-failed': 'The source could not be refreshed; its last error is shown below.',
  paused: 'The source is paused: it is not checked until resumed.',
  resumed: 'The source was resumed; it is checked at the next scheduler run.',
} as const;

/**
 * The admin surface, `/admin/*`. Hooks run in this order on every route: security headers
 * (onRequest) → cookies parsed (onRequest) → body parsed → `loadViewer` (preHandler) →
 * then on protected routes `requireViewer` (administrator) → `verifyCsrf` for POSTs.
 * GET never changes anything.
 */
export const adminRoutes: FastifyPluginAsync<{ app: App }> = async (server, { app }) => {
  if (!server.hasRequestDecorator('cookies')) await server.register(fastifyCookie);
  if (!server.hasContentTypeParser('application/x-www-form-urlencoded')) await server.register(fastifyFormbody, { bodyLimit: 64 * 1024 });
  const cookie = new SessionCookie(app.config);
  server.decorateRequest('viewer', null);
  server.addHook('onRequest', securityHeaders);
  server.addHook('preHandler', loadViewer(app, cookie));
  server.setErrorHandler(adminErrorHandler(app.config.siteTitle));

  await server.register(authRoutes, { app, cookie });
  await server.register(async (admin) => {
    admin.addHook('preHandler', requireViewer({ admin: true }));
    admin.addHook('preHandler', verifyCsrf(app.config.publicUrl));

    admin.get<{ Querystring: { notice?: string } }>('/admin', async (request, reply) => {
      const notice = request.query.notice;
      const page = renderSourcesPage({
        siteTitle: app.config.siteTitle,
        viewer: shownViewer(request.viewer),
        sources: await app.sources.listHealth(app.clock.now()),
        now: app.clock.now(),
        notice: notice && notice in notices ? notices[notice as keyof typeof notices] : undefined,
      });
      return reply.type('text/html; charset=utf-8').send(page);
    });

    admin.post('/admin/sources', async (request, reply) => {
      const url = webFeedUrl(formField(request, 'url'));
      await app.sources.add({ url }, app.clock.now());
      return reply.redirect('/admin?notice=added', 303);
    });

    admin.post<{ Params: { id: string } }>('/admin/sources/:id/remove', async (request, reply) => {
      await app.sources.remove(sourceId(request.params.id));
      return reply.redirect('/admin?notice=removed', 303);
    });

    admin.post<{ Params: { id: string } }>('/admin/sources/:id/refresh', async (request, reply) => {
      const outcome = await app.refreshSource(sourceId(request.params.id));
      const notice = outcome.status === 'updated' ? 'refreshed' : outcome.status === 'not-modified' ? 'not-modified' : 'refresh-failed';
      return reply.redirect(`/admin?notice=${notice}`, 303);
    });

    admin.post<{ Params: { id: string } }>('/admin/sources/:id/pause', async (request, reply) => {
      await app.sources.pause(sourceId(request.params.id), 'paused by an administrator', app.clock.now());
      return reply.redirect('/admin?notice=paused', 303);
    });

    admin.post<{ Params: { id: string } }>('/admin/sources/:id/resume', async (request, reply) => {
      await app.sources.resume(sourceId(request.params.id), app.clock.now());
      return reply.redirect('/admin?notice=resumed', 303);
    });

    admin.post('/admin/sources/remove-samples', async (_request, reply) => {
      await app.sources.removeSamples();
      return reply.redirect('/admin?notice=samples-removed', 303);
    });
  });
};

function shownViewer(viewer: Viewer | null): { email: string; csrfToken: string } {
  // requireViewer has run: a missing viewer here is a wiring mistake, not a user error.
  if (!viewer) throw new Error('admin page reached without a viewer');
  return { email: viewer.user.email, csrfToken: viewer.csrfToken };
}

/** Sources added from the web are http(s) feeds only: a local path would let a browser read the server's files. */
function webFeedUrl(raw: string | undefined): string {
  const url = parseHttpUrl((raw ?? '').trim().slice(0, 2048));
  if (url.username || url.password) throw new NewsdeskError('URL_INVALID', 'The address must not contain a user name or password.');
  return url.href;
}

function sourceId(raw: string): number {
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id < 1) throw new NewsdeskError('SOURCE_NOT_FOUND', `There is no source ${JSON.stringify(raw)}.`);
  return id;
}
