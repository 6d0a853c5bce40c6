import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { App } from '../../../app/create-app.js';
import type { Viewer } from '../../../app/auth/auth-service.js';
import { tokensEqual } from '../../../app/auth/tokens.js';
import { NewsdeskError } from '../../../platform/errors.js';
import { isSameOrigin } from './same-origin.js';
import type { SessionCookie } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user behind an admin request, or null; set by `loadViewer`. */
    viewer: Viewer | null;
  }
}

export const SIGN_IN_PATH = '/admin/sign-in';

/** Admin pages are private and never framed: no caching anywhere, no clickjacking. */
export async function securityHeaders(_request: FastifyRequest, reply: FastifyReply): Promise<void> {
  void reply.headers({
    'cache-control': 'no-store',
    'x-frame-options': 'DENY',
    'content-security-policy': "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
  });
}

/** Finds the session named by the cookie; an unknown or expired one is cleared from the browser. */
export function loadViewer(app: App, cookie: SessionCookie): preHandlerAsyncHookHandler {
  return async function loadViewer(request, reply) {
    const token = cookie.read(request);
    request.viewer = token ? ((await app.auth.viewerFor(token)) ?? null) : null;
    if (token && !request.viewer) cookie.clear(reply);
  };
}

/**
 * Lets only signed-in users through (administrators unless `admin: false`). A page
 * request without a session is sent to the sign-in form; anything else is refused.
 */
export function requireViewer(options: { admin: boolean }): preHandlerAsyncHookHandler {
  return async function requireViewer(request, reply) {
    if (!request.viewer) {
      if (request.method === 'GET' || request.method === 'HEAD') return reply.redirect(SIGN_IN_PATH, 303);
      throw new NewsdeskError('AUTH_REQUIRED', 'Sign in first.');
    }
    if (options.admin && !request.viewer.user.isAdmin) {
      throw new NewsdeskError('ADMIN_REQUIRED', `${request.viewer.user.email} is not an administrator.`);
    }
  };
}

/**
 * Refuses a state-changing request unless it carries the session's CSRF token in the
 * `_csrf` field and, when the browser says where it comes from, comes from our own pages.
 */
export function verifyCsrf(publicUrl: string | undefined): preHandlerAsyncHookHandler {
  return async function verifyCsrf(request) {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    if (!isSameOrigin(request, publicUrl)) throw new NewsdeskError('CSRF_INVALID', 'The form was sent from another site.');
    const sent = formField(request, '_csrf');
    if (!request.viewer || !sent || !tokensEqual(sent, request.viewer.csrfToken)) {
      throw new NewsdeskError('CSRF_INVALID', 'The form is missing its security token or the token is out of date.');
    }
  };
}

/** A string field of a urlencoded form body, or undefined. */
export function formField(request: FastifyRequest, name: string): string | undefined {
  const body = request.body;
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}
