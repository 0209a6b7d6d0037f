import type { Context } from 'hono';
import { Hono } from 'hono';
import { csrfToken, endSession, perform, sameSecret, sessionToken, startSession } from '../../admin/index.ts';
import type { AdminToken } from '../../model/index.ts';
import { NotFoundError } from '../../model/index.ts';
import { sourceAlerts } from '../../tracker/quiet.ts';
import type { WebContext } from '../context.ts';
import { html, type SafeHtml } from '../html.ts';
import { pathNumber } from '../params.ts';
import { clearSessionCookie, issueLoginCsrf, loginCsrfCookie, sessionCookie, setSessionCookie } from './auth.ts';
import { actionFrom } from './input.ts';
import { adminLayout, articleAdminPage, auditPage, loginPage, overviewPage } from './views.ts';

type Env = { Variables: { admin: AdminToken; csrf: string; sessionId: string } };
type Status = 200 | 401 | 403;

function send(
  c: Context,
  title: string,
  body: SafeHtml,
  status: Status = 200,
  admin: AdminToken | null = null,
  csrf: string | null = null,
): Response {
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  return c.html(adminLayout(title, body, admin, csrf), status);
}

async function form(c: Context): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** Only our own admin paths are followed after an action. */
function backPath(value: string | undefined): string {
  return value && /^\/admin(\/[a-z0-9/]*)?$/.test(value) ? value : '/admin';
}

/**
 * The admin pages at /admin: a login form (paste a token), then a session cookie (HttpOnly,
 * SameSite=Strict, Secure over https) and a CSRF token in every form.
 */
export function adminPageRoutes(ctx: WebContext): Hono<Env> {
  const app = new Hono<Env>();
  const { store } = ctx;

  const showLogin = (c: Context, status: 200 | 401, message: string | null) =>
    send(c, 'Admin login', loginPage(issueLoginCsrf(c, ctx.baseUrl), message), status);

  app.get('/login', (c) => showLogin(c, 200, null));

  app.post('/login', async (c) => {
    const f = await form(c);
    const expected = loginCsrfCookie(c);
    if (!expected || !sameSecret(f.csrf ?? '', expected))
      return send(
        c,
        'Forbidden',
        html`<h1>Forbidden</h1><p>The form was stale or not ours. <a href="/admin/login">Log in again</a>.</p>`,
        403,
      );
    const session = await startSession(store, f.token ?? '', ctx.now(), ctx.config.admin.sessionHours);
    if (!session) return showLogin(c, 401, 'That token is not valid.');
    setSessionCookie(c, ctx.baseUrl, session.sessionId, ctx.config.admin.sessionHours);
    return c.redirect('/admin', 303);
  });

  // Everything else needs a live session, and every POST the session's CSRF token.
  app.use('*', async (c, next) => {
    const sessionId = sessionCookie(c);
    const admin = sessionId ? await sessionToken(store, sessionId, ctx.now()) : null;
    if (!admin || !sessionId) {
      if (c.req.method === 'GET') return showLogin(c, 401, sessionId ? 'Your session has ended; log in again.' : null);
      return send(c, 'Unauthorized', html`<h1>Unauthorized</h1><p><a href="/admin/login">Log in</a> first.</p>`, 401);
    }
    const csrf = csrfToken(sessionId);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const f = await form(c);
      if (!sameSecret(f.csrf ?? '', csrf))
        return send(
          c,
          'Forbidden',
          html`<h1>Forbidden</h1><p>The form's security token did not match. Go <a href="/admin">back</a> and try again.</p>`,
          403,
          admin,
          csrf,
        );
    }
    c.set('admin', admin);
    c.set('csrf', csrf);
    c.set('sessionId', sessionId);
    await next();
  });

  app.get('/', async (c) => {
    const [hidden, sources, alerts, audit] = await Promise.all([
      store.listHidden(),
      store.listSources(),
      sourceAlerts(store, ctx.config.ops, ctx.now()),
      store.listAudit({ limit: 20 }),
    ]);
    return send(
      c,
      'Moderation',
      overviewPage({ hidden, sources, alerts, audit: audit.items }, c.get('csrf')),
      200,
      c.get('admin'),
      c.get('csrf'),
    );
  });

  app.get('/articles', (c) => c.redirect(`/admin/articles/${pathNumber(c.req.query('id'), 'article')}`, 303));

  app.get('/articles/:id', async (c) => {
    const id = pathNumber(c.req.param('id'), 'article');
    const article = await store.getArticle(id);
    if (!article) throw new NotFoundError(`no such article: ${id}`);
    const versions = await store.listVersions(id, { includeHidden: true });
    return send(c, `Article ${id}`, articleAdminPage(article, versions, c.get('csrf'), ctx.now()), 200, c.get('admin'), c.get('csrf'));
  });

  app.get('/audit', async (c) => {
    const page = await store.listAudit({ limit: 100, cursor: c.req.query('cursor') ?? null });
    return send(c, 'Audit log', auditPage(page), 200, c.get('admin'), c.get('csrf'));
  });

  app.post('/actions', async (c) => {
    const f = await form(c);
    await perform(ctx, c.get('admin').name, actionFrom(f));
    return c.redirect(backPath(f.back), 303);
  });

  app.post('/logout', async (c) => {
    await endSession(store, c.get('sessionId'));
    clearSessionCookie(c);
    return c.redirect('/admin/login', 303);
  });
  return app;
}
