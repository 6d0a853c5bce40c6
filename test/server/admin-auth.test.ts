import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../support/databases.js';
import { ADMIN, CookieJar, csrfFieldOf, form, signIn, signInAsAdmin, startAdminHarness, type AdminHarness } from './admin-harness.js';

describe.each(testDialects)('admin sign-in and sessions on %s', (dialect) => {
  let h: AdminHarness;
  beforeEach(async () => {
    h = await startAdminHarness(dialect);
  });
  afterEach(() => h.close());

  const get = (url: string, jar?: CookieJar) => h.server.inject({ method: 'GET', url, headers: jar ? { cookie: jar.header() } : {} });

  it('sends a visitor without a session to the sign-in form and refuses their posts', async () => {
    const page = await get('/admin');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/admin/sign-in');
    const post = await h.server.inject({ method: 'POST', url: '/admin/sources/remove-samples', ...form({}) });
    expect(post.statusCode).toBe(401);
    expect(post.json().code).toBe('AUTH_REQUIRED');
    const forged = await get('/admin', new CookieJar().take({ cookies: [{ name: 'newsdesk_session', value: 'made-up' }] } as never));
    expect(forged.statusCode).toBe(303);
  });

  it('leaves public pages open', async () => {
    expect((await get('/')).statusCode).toBe(200);
  });

  it('signs in with the right password and sets a strict session cookie', async () => {
    const jar = new CookieJar();
    const response = await signIn(h.server, jar, { email: 'Editor-In-Chief@Example.org ', password: ADMIN.password });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin');
    const cookie = response.cookies.find((c) => c.name === 'newsdesk_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 14 * 24 * 3600 });
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie?.secure).toBeFalsy();
    const page = await get('/admin', jar);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(ADMIN.email);
  });

  it('stores only a hash of the session cookie', async () => {
    const jar = new CookieJar();
    await signIn(h.server, jar, ADMIN);
    const rows = await h.app.store.db.selectFrom('sessions').select('id_hash').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]?.id_hash).not.toContain(jar.get('newsdesk_session'));
  });

  it('marks the cookie Secure with the __Host- prefix when the public address is https', async () => {
    await h.close();
    h = await startAdminHarness(dialect, { NEWSDESK_PUBLIC_URL: 'https://news.example.org' });
    const response = await signIn(h.server, new CookieJar(), ADMIN);
    expect(response.statusCode).toBe(303);
    expect(response.cookies.find((c) => c.name === '__Host-newsdesk_session')).toMatchObject({ secure: true, httpOnly: true, path: '/' });
  });

  it('refuses a wrong password or an unknown email with the same answer', async () => {
    for (const credentials of [{ ...ADMIN, password: 'not the password at all' }, { email: 'nobody@example.org', password: ADMIN.password }]) {
      const jar = new CookieJar();
      const response = await signIn(h.server, jar, credentials);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ code: 'AUTH_INVALID', message: 'The email or password is wrong.' });
      expect(jar.get('newsdesk_session')).toBeUndefined();
    }
  });

  it('shows a browser the form again with the error', async () => {
    const page = await get('/admin/sign-in');
    const body = form({ email: ADMIN.email, password: 'wrong password here', _csrf: csrfFieldOf(page.body) });
    const cookie = new CookieJar().take(page).header();
    const response = await h.server.inject({ method: 'POST', url: '/admin/sign-in', payload: body.payload, headers: { ...body.headers, cookie, accept: 'text/html' } });
    expect(response.statusCode).toBe(401);
    expect(response.body).toContain('The email or password is wrong.');
    expect(response.body).toContain(`value="${ADMIN.email}"`);
  });

  it('refuses a sign-in post without the form token', async () => {
    const body = form({ ...ADMIN });
    const response = await h.server.inject({ method: 'POST', url: '/admin/sign-in', ...body });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('CSRF_INVALID');
  });

  it('gives a new session at every sign-in and deletes the old one', async () => {
    const jar = new CookieJar();
    await signIn(h.server, jar, ADMIN);
    const first = jar.get('newsdesk_session');
    const stale = new CookieJar().take({ cookies: [{ name: 'newsdesk_session', value: first }] } as never);
    await signIn(h.server, jar, ADMIN);
    const second = jar.get('newsdesk_session');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect((await get('/admin', stale)).statusCode).toBe(303);
    expect((await get('/admin', jar)).statusCode).toBe(200);
    expect(await h.app.store.db.selectFrom('sessions').selectAll().execute()).toHaveLength(1);
  });

  it('signs out: the session no longer opens admin pages', async () => {
    const { jar, csrf } = await signInAsAdmin(h.server);
    const kept = jar.header();
    const out = await h.server.inject({ method: 'POST', url: '/admin/sign-out', ...withCookie(form({ _csrf: csrf }), kept) });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe('/admin/sign-in');
    expect(out.cookies.find((c) => c.name === 'newsdesk_session')?.value).toBe('');
    expect((await h.server.inject({ method: 'GET', url: '/admin', headers: { cookie: kept } })).statusCode).toBe(303);
  });

  it('ends a session after fourteen days', async () => {
    const { jar } = await signInAsAdmin(h.server);
    h.clock.advance(14 * 24 * 3_600_000 - 1000);
    expect((await get('/admin', jar)).statusCode).toBe(200);
    h.clock.advance(1000);
    expect((await get('/admin', jar)).statusCode).toBe(303);
  });

  it('answers 429 with Retry-After once an email has failed ten times, even with the right password', async () => {
    for (let i = 0; i < 10; i++) {
      expect((await signIn(h.server, new CookieJar(), { ...ADMIN, password: `wrong guess ${i}` }, { remoteAddress: `192.0.2.${i}` })).statusCode).toBe(401);
    }
    const limited = await signIn(h.server, new CookieJar(), ADMIN, { remoteAddress: '192.0.2.200' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBe(15 * 60);
    h.clock.advance(15 * 60_000);
    expect((await signIn(h.server, new CookieJar(), ADMIN, { remoteAddress: '192.0.2.200' })).statusCode).toBe(303);
  });

  it('limits one client address across many emails', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await signIn(h.server, new CookieJar(), { email: `guess${i}@example.org`, password: 'some password 1' }, { remoteAddress: '198.51.100.7' })).statusCode).toBe(401);
    }
    expect((await signIn(h.server, new CookieJar(), ADMIN, { remoteAddress: '198.51.100.7' })).statusCode).toBe(429);
    expect((await signIn(h.server, new CookieJar(), ADMIN, { remoteAddress: '198.51.100.8' })).statusCode).toBe(303);
  });

  it('lets a signed-in user who is not an administrator sign out, but not see admin pages', async () => {
    await h.app.auth.addUser({ email: 'reader@example.org', password: 'a reader password', isAdmin: false });
    const jar = new CookieJar();
    expect((await signIn(h.server, jar, { email: 'reader@example.org', password: 'a reader password' })).statusCode).toBe(303);
    const page = await get('/admin', jar);
    expect(page.statusCode).toBe(403);
    expect(page.json().code).toBe('ADMIN_REQUIRED');
  });
});

function withCookie(body: ReturnType<typeof form>, cookie: string) {
  return { payload: body.payload, headers: { ...body.headers, cookie } };
}
