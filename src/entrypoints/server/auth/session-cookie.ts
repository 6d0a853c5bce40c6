import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../../platform/config/config.js';

/**
 * The session cookie. Over https it takes the `__Host-` prefix, which browsers accept only
 * with Secure, Path=/ and no Domain: a sibling subdomain cannot plant or shadow it.
 */
export class SessionCookie {
  readonly name: string;
  private readonly options: CookieSerializeOptions;

  constructor(config: Pick<Config, 'publicUrl'>) {
    const secure = config.publicUrl?.startsWith('https:') ?? false;
    this.name = secure ? '__Host-newsdesk_session' : 'newsdesk_session';
    this.options = { path: '/', httpOnly: true, sameSite: 'lax', secure };
  }

  read(request: FastifyRequest): string | undefined {
    return request.cookies[this.name] || undefined;
  }

  set(reply: FastifyReply, token: string, expiresAt: number, now: number): void {
    reply.setCookie(this.name, token, { ...this.options, maxAge: Math.floor((expiresAt - now) / 1000), expires: new Date(expiresAt) });
  }

  clear(reply: FastifyReply): void {
    reply.clearCookie(this.name, this.options);
  }
}
