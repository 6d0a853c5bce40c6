import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { asNewsdeskError, NewsdeskError } from '../../../platform/errors.js';
import { renderAdminErrorPage } from '../../../publish/admin/error-page.js';

/** Browsers ask for HTML; scripts and tests that do not get `{code, message}` JSON. */
export function wantsHtml(request: FastifyRequest): boolean {
  return request.headers.accept?.includes('text/html') ?? false;
}

/**
 * Errors on admin routes: the catalogue's status, a Retry-After when rate-limited, and
 * either a short page with a way back or the JSON body the rest of the server uses.
 */
export function adminErrorHandler(siteTitle: string) {
  return function handleAdminError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
    const failure = toNewsdeskError(error);
    if (failure.status >= 500) request.log.error({ event: 'request_failed', err: error, url: request.url });
    const retryAfter = failure.context?.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    const message = failure.status >= 500 ? 'An unexpected error; the log has the details.' : failure.message;
    void reply.status(failure.status);
    if (!wantsHtml(request)) return reply.send({ code: failure.code, message });
    const viewer = request.viewer ? { email: request.viewer.user.email, csrfToken: request.viewer.csrfToken } : undefined;
    return reply
      .type('text/html; charset=utf-8')
      .send(renderAdminErrorPage({ siteTitle, status: failure.status, message, hint: failure.hint, viewer }));
  };
}

function toNewsdeskError(error: unknown): NewsdeskError {
  if (error instanceof NewsdeskError) return error;
  const statusCode = (error as { statusCode?: number }).statusCode;
  if (statusCode && statusCode >= 400 && statusCode < 500) return new NewsdeskError('INPUT_INVALID', (error as Error).message);
  return asNewsdeskError(error);
}
