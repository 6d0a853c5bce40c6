import type { FastifyRequest } from 'fastify';

/**
 * Whether a state-changing request comes from our own pages, judged by Origin, else by
 * Referer. Browsers send at least one on cross-site form posts; when neither is present
 * (privacy settings, scripts) the CSRF token alone decides. Our origins are the public
 * address when configured and the address the request was sent to.
 */
export function isSameOrigin(request: FastifyRequest, publicUrl: string | undefined): boolean {
  const claimed = request.headers.origin ?? originOf(request.headers.referer);
  if (claimed === undefined) return true;
  const ours = [`${request.protocol}://${request.host}`];
  if (publicUrl) ours.push(new URL(publicUrl).origin);
  return ours.some((origin) => origin.toLowerCase() === claimed.toLowerCase());
}

function originOf(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    // An unreadable Referer claims nothing we could trust: treat it as foreign.
    return 'null';
  }
}
