import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/app/create-app.js';
import { createServer } from '../../src/entrypoints/server/create-server.js';
import type { manualClock } from '../../src/platform/clock.js';
import { createTestApp } from '../support/app.js';
import type { TestDialect } from '../support/databases.js';

export const ADMIN = { email: 'editor-in-chief@example.org', password: 'correct horse battery staple' };

/** A server on its own test database, with one administrator, driven through inject(). */
export interface AdminHarness {
  app: App;
  server: FastifyInstance;
  clock: ReturnType<typeof manualClock>;
  close(): Promise<void>;
}

export async function startAdminHarness(dialect: TestDialect, env: Record<string, string> = {}): Promise<AdminHarness> {
  const { app, clock, close } = await createTestApp(dialect, env);
  await app.auth.addUser({ ...ADMIN, isAdmin: true });
  const server = await createServer(app);
  return {
    app,
    server,
    clock,
    async close() {
      await server.close();
      await close();
    },
  };
}

/** Cookies as a browser would send them back: the latest value of each, removed ones dropped. */
export class CookieJar {
  private readonly values = new Map<string, string>();

  take(response: LightMyRequestResponse): this {
    // Expiry follows the server's clock, which tests move by hand: only a removal counts here.
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (cookie.value === '' || cookie.maxAge === 0) this.values.delete(cookie.name);
      else this.values.set(cookie.name, cookie.value);
    }
    return this;
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  header(): string {
    return [...this.values].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** The value of the first hidden `_csrf` field of a page. */
export function csrfFieldOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('the page has no CSRF field');
  return match[1];
}

/** A urlencoded form body. */
export function form(fields: Record<string, string>): { payload: string; headers: Record<string, string> } {
  return { payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}

/**
 * Signs in as a browser does: fetch the form (and its sign-in cookie), post it back with
 * every cookie of the jar (a session cookie there must be replaced, never reused).
 * Returns the sign-in response; the jar then holds the session cookie on success.
 */
export async function signIn(
  server: FastifyInstance,
  jar: CookieJar,
  credentials: { email: string; password: string },
  options: { remoteAddress?: string } = {},
): Promise<LightMyRequestResponse> {
  // The form is fetched without the jar's cookies: a signed-in administrator is redirected away from it.
  const page = await server.inject({ method: 'GET', url: '/admin/sign-in', ...options });
  jar.take(page);
  const body = form({ ...credentials, _csrf: csrfFieldOf(page.body) });
  const response = await server.inject({
    method: 'POST',
    url: '/admin/sign-in',
    payload: body.payload,
    headers: { ...body.headers, cookie: jar.header() },
    ...options,
  });
  jar.take(response);
  return response;
}

/** Signs in as the harness's administrator and returns the jar and the page's CSRF token. */
export async function signInAsAdmin(server: FastifyInstance): Promise<{ jar: CookieJar; csrf: string }> {
  const jar = new CookieJar();
  const response = await signIn(server, jar, ADMIN);
  if (response.statusCode !== 303) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const page = await server.inject({ method: 'GET', url: '/admin', headers: { cookie: jar.header() } });
  return { jar, csrf: csrfFieldOf(page.body) };
}
