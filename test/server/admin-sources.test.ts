import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../support/databases.js';
import { form, signInAsAdmin, startAdminHarness, type AdminHarness, type CookieJar } from './admin-harness.js';

describe.each(testDialects)('admin source pages on %s', (dialect) => {
  let h: AdminHarness;
  let jar: CookieJar;
  let csrf: string;
  beforeEach(async () => {
    h = await startAdminHarness(dialect);
    ({ jar, csrf } = await signInAsAdmin(h.server));
  });
  afterEach(() => h.close());

  const post = (url: string, fields: Record<string, string>, headers: Record<string, string> = {}) => {
    const body = form(fields);
    return h.server.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, cookie: jar.header(), ...headers } });
  };
  const urls = async () => (await h.app.sources.list()).map((s) => s.url);

  it('adds an http(s) source through the form and lists it', async () => {
    const response = await post('/admin/sources', { url: 'https://news.example.org/feed.xml', _csrf: csrf });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin?notice=added');
    expect(await urls()).toEqual(['https://news.example.org/feed.xml']);
    const page = await h.server.inject({ method: 'GET', url: '/admin?notice=added', headers: { cookie: jar.header() } });
    expect(page.body).toContain('https://news.example.org/feed.xml');
    expect(page.body).toContain('The source was added');
  });

  it('refuses local paths and other schemes from the web', async () => {
    for (const url of ['/etc/passwd', 'file:///etc/passwd', 'sample:guardian-us.rss', 'ftp://example.org/feed']) {
      const response = await post('/admin/sources', { url, _csrf: csrf });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().code).toBe('URL_INVALID');
    }
    expect(await urls()).toEqual([]);
  });

  it('answers 403 and changes nothing when the CSRF token is missing, wrong or from another session', async () => {
    const other = await signInAsAdmin(h.server);
    const variants: Record<string, string>[] = [{}, { _csrf: 'x'.repeat(43) }, { _csrf: other.csrf }];
    for (const fields of variants) {
      const response = await post('/admin/sources', { url: 'https://news.example.org/feed.xml', ...fields });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('CSRF_INVALID');
    }
    expect(await urls()).toEqual([]);
  });

  it('refuses a form posted from another site even with the right token', async () => {
    const foreign = await post('/admin/sources', { url: 'https://news.example.org/feed.xml', _csrf: csrf }, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    const byReferer = await post('/admin/sources', { url: 'https://news.example.org/feed.xml', _csrf: csrf }, { referer: 'https://evil.example/page' });
    expect(byReferer.statusCode).toBe(403);
    expect(await urls()).toEqual([]);
    const own = await post('/admin/sources', { url: 'https://news.example.org/feed.xml', _csrf: csrf }, { origin: 'http://localhost:80' });
    expect(own.statusCode).toBe(303);
  });

  it('removes a source, and answers 404 for one that does not exist', async () => {
    const source = await h.app.sources.add({ url: 'https://news.example.org/feed.xml' }, h.clock.now());
    expect((await post(`/admin/sources/${source.id}/remove`, { _csrf: csrf })).statusCode).toBe(303);
    expect(await urls()).toEqual([]);
    const missing = await post(`/admin/sources/${source.id}/remove`, { _csrf: csrf });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('SOURCE_NOT_FOUND');
  });

  it('refreshes a source now and removes the sample sources', async () => {
    const sample = await h.app.sources.add({ url: 'sample:guardian-us.rss', isSample: true }, h.clock.now());
    await h.app.sources.add({ url: 'https://news.example.org/feed.xml' }, h.clock.now());
    const refreshed = await post(`/admin/sources/${sample.id}/refresh`, { _csrf: csrf });
    // The form runs the refresh itself (whether the feed then parses is the pipeline's own tests' business).
    const checked = await h.app.sources.get(sample.id);
    expect(checked.lastCheckedAt).toBe(h.clock.now());
    const succeeded = checked.lastSuccessAt === h.clock.now();
    expect(refreshed.headers.location).toBe(succeeded ? '/admin?notice=refreshed' : '/admin?notice=refresh-failed');
    const page = await h.server.inject({ method: 'GET', url: '/admin', headers: { cookie: jar.header() } });
    expect(page.body).toContain('Remove the sample sources');
    expect((await post('/admin/sources/remove-samples', { _csrf: csrf })).statusCode).toBe(303);
    expect(await urls()).toEqual(['https://news.example.org/feed.xml']);
  });

  it('pauses and resumes a source, showing why it is paused', async () => {
    const source = await h.app.sources.add({ url: 'https://paused.example/feed' }, h.app.clock.now());
    expect((await post(`/admin/sources/${source.id}/pause`, { _csrf: csrf })).headers.location).toBe('/admin?notice=paused');
    expect((await h.app.sources.get(source.id)).pausedAt).not.toBeNull();
    const page = await h.server.inject({ method: 'GET', url: '/admin', headers: { cookie: jar.header() } });
    expect(page.body).toContain('paused by an administrator');
    expect(page.body).toContain(`action="/admin/sources/${source.id}/resume"`);
    expect((await post(`/admin/sources/${source.id}/resume`, { _csrf: csrf })).statusCode).toBe(303);
    expect((await h.app.sources.get(source.id)).pausedAt).toBeNull();
    expect((await post(`/admin/sources/${source.id}/pause`, {})).statusCode).toBe(403);
  });

  it('lists failing sources first, with their last error, and escapes what feeds wrote', async () => {
    const healthy = await h.app.sources.add({ url: 'https://ok.example.org/feed' }, h.clock.now());
    const failing = await h.app.sources.add({ url: 'https://broken.example.org/feed' }, h.clock.now());
    const now = h.clock.now();
    await h.app.sources.recordSuccess(healthy.id, { checkedAt: now, nextCheckAt: now + 60_000, etag: null, lastModified: null, title: '<script>alert(1)</script>', siteUrl: null });
    await h.app.sources.recordFailure(failing.id, { checkedAt: now, nextCheckAt: now + 60_000, code: 'FETCH_TIMEOUT', message: 'took too long' });
    const page = await h.server.inject({ method: 'GET', url: '/admin', headers: { cookie: jar.header() } });
    expect(page.body.indexOf('broken.example.org')).toBeLessThan(page.body.indexOf('ok.example.org'));
    expect(page.body).toContain('FETCH_TIMEOUT');
    expect(page.body).toContain('took too long');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain('&lt;script>');
  });

  it('sends security headers and a CSRF field in every form', async () => {
    await h.app.sources.add({ url: 'sample:guardian-us.rss', isSample: true }, h.clock.now());
    const page = await h.server.inject({ method: 'GET', url: '/admin', headers: { cookie: jar.header() } });
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const forms = page.body.match(/<form[\s\S]*?<\/form>/g) ?? [];
    // add, remove samples, sign out, and pause, refresh, remove for the one source
    expect(forms.length).toBe(6);
    for (const f of forms) expect(f).toContain(`name="_csrf" value="${csrf}"`);
  });

  it('shows a browser an error page with a way back', async () => {
    const response = await post('/admin/sources', { url: 'not a url', _csrf: csrf }, { accept: 'text/html' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('is not an absolute URL');
    expect(response.body).toContain('href="/admin"');
  });
});
