import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../admin/index.ts';
import { collectChanges } from '../../cli/commands/changes.ts';
import { createApp } from '../index.ts';
import type { TempStore } from '../testdata/store.ts';
import { openSeededApp, T0, type Site } from '../testdata/site.ts';

// Must show 4: a hidden article is 410 on its pages and absent from /, feeds, search, the API and
// `redline changes`; unhiding restores it; the audit log lists both; admin routes give 401 without a
// token and 403 on a CSRF mismatch.

let env: TempStore;
let app: Hono;
let site: Site;
let secret: string;
const NOW = T0 + 3 * 3600_000;

beforeAll(async () => {
  ({ env, app, site } = await openSeededApp({ now: () => NOW }));
  ({ secret } = await createToken({ store: env.store, config: env.config, now: () => NOW }, 'cli:test', 'alice'));
});
afterAll(() => env.cleanup());

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function apiAction(body: object, token = secret): Promise<Response> {
  return app.request('/api/v1/admin/actions', {
    method: 'POST',
    headers: { ...bearer(token), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Every public place an article shows up, as (path, body) pairs. */
async function publicViews(): Promise<[string, string][]> {
  const paths = [
    '/',
    '/?source=bbc',
    '/articles',
    '/articles?source=bbc',
    '/search?q=budget',
    '/feeds/changes.rss',
    '/feeds/changes.atom',
    '/feeds/changes.json',
    '/sources/bbc/feed.rss',
    '/api/v1/changes',
    '/api/v1/articles',
    '/api/v1/search?q=budget',
    '/sources',
    '/api/v1/sources',
  ];
  return Promise.all(
    paths.map(async (p): Promise<[string, string]> => {
      const res = await app.request(p);
      expect(res.status, p).toBe(200);
      return [p, await res.text()];
    }),
  );
}

const mentions = (body: string, id: number) =>
  body.includes(`/articles/${id}"`) || body.includes(`/articles/${id}/`) || body.includes(`"id":${id},`);

function articlePaths(id: number): string[] {
  return [
    `/articles/${id}`,
    `/articles/${id}/versions/1`,
    `/articles/${id}/versions/1/raw`,
    `/articles/${id}/diff/1/2`,
    `/articles/${id}/feed.rss`,
    `/api/v1/articles/${id}`,
    `/api/v1/articles/${id}/versions`,
    `/api/v1/articles/${id}/versions/1`,
    `/api/v1/articles/${id}/diff/1/2`,
  ];
}

/** Logs in through the form: returns the session cookie and the CSRF token of the admin pages. */
async function login(): Promise<{ cookie: string; csrf: string }> {
  const form = await app.request('/admin/login');
  const loginCookie = /redline_admin_login=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')![1];
  const loginCsrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1];
  const res = await app.request('/admin/login', {
    method: 'POST',
    headers: { Cookie: `redline_admin_login=${loginCookie}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf: loginCsrf, token: secret }).toString(),
  });
  expect(res.status).toBe(303);
  const setCookie = res.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/HttpOnly/);
  expect(setCookie).toMatch(/SameSite=Strict/);
  expect(setCookie).toMatch(/Path=\/admin/);
  const cookie = `redline_admin=${/redline_admin=([^;]+)/.exec(setCookie)![1]}`;
  const page = await app.request('/admin', { headers: { Cookie: cookie } });
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).not.toContain(secret);
  expect(html).not.toContain(cookie.split('=')[1]);
  return { cookie, csrf: /name="csrf" value="([^"]+)"/.exec(html)![1] };
}

async function postForm(path: string, cookie: string, fields: Record<string, string>): Promise<Response> {
  return app.request(path, {
    method: 'POST',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

describe('moderation (must show 4)', () => {
  it('admin routes answer 401 without a token or session', async () => {
    expect((await apiAction({ action: 'hide-article', articleId: site.plain, reason: 'x' }, 'rla_' + 'x'.repeat(43))).status).toBe(401);
    const none = await app.request('/api/v1/admin/audit');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await app.request('/api/v1/admin/hidden', { headers: bearer('not-a-token') })).status).toBe(401);
    const page = await app.request('/admin');
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('name="token"');
    expect((await postForm('/admin/actions', '', { action: 'hide-article', articleId: String(site.plain), reason: 'x' })).status).toBe(401);
    expect((await app.request(`/articles/${site.plain}`)).status).toBe(200);
  });

  it('hides an article (410 everywhere, absent from every list), unhides it, and audits both', async () => {
    const before = await publicViews();
    for (const [p, body] of before.filter(([p]) => !p.includes('sources'))) expect(mentions(body, site.plain), p).toBe(true);
    const changesBefore = await collectChanges(env.store, { limit: 100 });
    expect(changesBefore.some((c) => c.article.id === site.plain)).toBe(true);

    const hid = await apiAction({ action: 'hide-article', articleId: site.plain, reason: 'Court order 2026/123' });
    expect(hid.status).toBe(200);
    expect(hid.headers.get('access-control-allow-origin')).toBeNull();
    expect(hid.headers.get('cache-control')).toBe('no-store');

    for (const p of articlePaths(site.plain)) {
      const res = await app.request(p);
      expect(res.status, p).toBe(410);
      const body = await res.text();
      expect(body, p).toContain('removed from this site for legal reasons');
      expect(body, p).not.toContain('Minister quits');
      expect(body, p).not.toContain('Court order');
    }
    for (const [p, body] of await publicViews()) {
      expect(mentions(body, site.plain), p).toBe(false);
      expect(body, p).not.toContain('Minister quits');
    }
    expect((await collectChanges(env.store, { limit: 100 })).some((c) => c.article.id === site.plain)).toBe(false);
    // The other articles are untouched.
    expect((await app.request(`/articles/${site.evil}`)).status).toBe(200);

    // Unhide through the admin pages: a wrong CSRF token is refused, the right one works.
    const { cookie, csrf } = await login();
    const admin = await app.request(`/admin/articles/${site.plain}`, { headers: { Cookie: cookie } });
    expect(await admin.text()).toContain('Unhide article');
    const forged = await postForm('/admin/actions', cookie, {
      csrf: csrf.slice(0, -2) + 'xx',
      action: 'unhide-article',
      articleId: String(site.plain),
    });
    expect(forged.status).toBe(403);
    expect((await postForm('/admin/actions', cookie, { action: 'unhide-article', articleId: String(site.plain) })).status).toBe(403);
    expect((await app.request(`/articles/${site.plain}`)).status).toBe(410);
    const ok = await postForm('/admin/actions', cookie, {
      csrf,
      action: 'unhide-article',
      articleId: String(site.plain),
      reason: 'Order lifted',
      back: `/admin/articles/${site.plain}`,
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/admin/articles/${site.plain}`);

    for (const p of articlePaths(site.plain)) expect((await app.request(p)).status, p).toBe(200);
    expect((await publicViews()).map(([p, b]) => [p, mentions(b, site.plain)])).toEqual(
      before.map(([p, b]) => [p, mentions(b, site.plain)]),
    );
    expect((await collectChanges(env.store, { limit: 100 })).map((c) => c.at)).toEqual(changesBefore.map((c) => c.at));

    const audit = (await (await app.request('/api/v1/admin/audit', { headers: bearer(secret) })).json()) as {
      items: { actor: string; action: string; target: string; reason: string | null }[];
    };
    expect(audit.items.slice(0, 2)).toEqual([
      expect.objectContaining({ actor: 'alice', action: 'unhide-article', target: `article:${site.plain}`, reason: 'Order lifted' }),
      expect.objectContaining({ actor: 'alice', action: 'hide-article', target: `article:${site.plain}`, reason: 'Court order 2026/123' }),
    ]);
    const auditPage = await (await app.request('/admin/audit', { headers: { Cookie: cookie } })).text();
    expect(auditPage).toContain('hide-article');
    expect(auditPage).toContain('unhide-article');
  });

  it('hides one version: 410 for it and diffs that show it; the article page lists the others', async () => {
    expect((await apiAction({ action: 'hide-version', articleId: site.plain, version: 2, reason: 'privacy' })).status).toBe(200);
    for (const p of [
      `/articles/${site.plain}/versions/2`,
      `/articles/${site.plain}/diff/1/2`,
      `/articles/${site.plain}/diff/2/3`,
      `/api/v1/articles/${site.plain}/versions/2`,
    ]) {
      expect((await app.request(p)).status, p).toBe(410);
    }
    const page = await (await app.request(`/articles/${site.plain}`)).text();
    expect(page).toContain(`/articles/${site.plain}/diff/1/3`);
    expect(page).not.toContain(`/articles/${site.plain}/versions/2"`);
    const feed = await (await app.request('/feeds/changes.rss')).text();
    expect(feed).not.toContain(`/articles/${site.plain}/diff/1/2`);
    expect(feed).not.toContain(`/articles/${site.plain}/diff/2/3`);
    expect((await apiAction({ action: 'unhide-version', articleId: site.plain, version: 2 })).status).toBe(200);
    expect((await app.request(`/articles/${site.plain}/diff/1/2`)).status).toBe(200);
  });

  it('refuses a hide without a reason, and answers 403 to a stale login form', async () => {
    const res = await apiAction({ action: 'hide-article', articleId: site.plain });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('reason');
    const stale = await postForm('/admin/login', 'redline_admin_login=rls_abc', { csrf: 'rls_other', token: secret });
    expect(stale.status).toBe(403);
  });

  it('sets a Secure session cookie when the site is served over https', async () => {
    const https = createApp({
      store: env.store,
      config: { ...env.config, web: { ...env.config.web, baseUrl: 'https://news.test' } },
      now: () => NOW,
    });
    const form = await https.request('/admin/login');
    const loginCookie = /redline_admin_login=([^;]+)/.exec(form.headers.get('set-cookie') ?? '')![1];
    expect(form.headers.get('set-cookie')).toMatch(/Secure/);
    const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1];
    const res = await https.request('/admin/login', {
      method: 'POST',
      headers: { Cookie: `redline_admin_login=${loginCookie}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, token: secret }).toString(),
    });
    expect(res.headers.get('set-cookie')).toMatch(/redline_admin=rls_[^;]+;.*Secure/);
  });
});
