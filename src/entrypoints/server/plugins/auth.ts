import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../../../app/create-app.js';
import { newToken, tokensEqual } from '../../../app/auth/tokens.js';
import { NewsdeskError } from '../../../platform/errors.js';
import { renderSignInPage } from '../../../publish/admin/sign-in-page.js';
import { formField, requireViewer, SIGN_IN_PATH, verifyCsrf } from '../auth/admin-hooks.js';
import { wantsHtml } from '../auth/admin-errors.js';
import { isSameOrigin } from '../auth/same-origin.js';
import type { SessionCookie } from '../auth/session-cookie.js';

/**
 * Before there is a session, the sign-in form is protected by a double-submit token: the
 * same random value in a strict cookie and in the form, so another site cannot sign a
 * browser into an account of its choosing.
 */
const SIGN_IN_COOKIE = 'newsdesk_sign_in';
const signInCookieOptions = { path: SIGN_IN_PATH, httpOnly: true, sameSite: 'strict', maxAge: 24 * 3600 } as const;

/** Sign-in (a form anyone may see) and sign-out (a signed-in user's form). */
export const authRoutes: FastifyPluginAsync<{ app: App; cookie: SessionCookie }> = async (server, { app, cookie }) => {
  const siteTitle = app.config.siteTitle;
  const secure = app.config.publicUrl?.startsWith('https:') ?? false;

  const signInForm = (request: FastifyRequest, reply: FastifyReply, status: number, extra: { email?: string; error?: string } = {}) => {
    const csrfToken = request.cookies[SIGN_IN_COOKIE] || newToken();
    return reply
      .status(status)
      .setCookie(SIGN_IN_COOKIE, csrfToken, { ...signInCookieOptions, secure })
      .type('text/html; charset=utf-8')
      .send(renderSignInPage({ siteTitle, csrfToken, ...extra }));
  };

  server.get(SIGN_IN_PATH, async (request, reply) => {
    if (request.viewer?.user.isAdmin) return reply.redirect('/admin', 303);
    return signInForm(request, reply, 200);
  });

  server.post(SIGN_IN_PATH, async (request, reply) => {
    const email = formField(request, 'email') ?? '';
    try {
      const expected = request.cookies[SIGN_IN_COOKIE];
      const sent = formField(request, '_csrf');
      if (!isSameOrigin(request, app.config.publicUrl) || !expected || !sent || !tokensEqual(sent, expected)) {
        throw new NewsdeskError('CSRF_INVALID', 'The sign-in form is out of date.');
      }
      const signedIn = await app.auth.signIn({
        email,
        password: formField(request, 'password') ?? '',
        clientAddress: request.ip,
        previousToken: cookie.read(request),
      });
      cookie.set(reply, signedIn.token, signedIn.expiresAt, app.clock.now());
      return reply.clearCookie(SIGN_IN_COOKIE, { path: SIGN_IN_PATH }).redirect('/admin', 303);
    } catch (error) {
      if (!(error instanceof NewsdeskError) || !wantsHtml(request)) throw error;
      const retryAfter = error.context?.retryAfterSeconds;
      if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
      return signInForm(request, reply, error.status, { email: email.slice(0, 254), error: error.message });
    }
  });

  server.post('/admin/sign-out', { preHandler: [requireViewer({ admin: false }), verifyCsrf(app.config.publicUrl)] }, async (request, reply) => {
    const token = cookie.read(request);
    if (token) await app.auth.signOut(token);
    cookie.clear(reply);
    return reply.redirect(SIGN_IN_PATH, 303);
  });
};
