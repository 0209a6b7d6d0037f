import { Hono } from 'hono';
import { perform, tokenForSecret } from '../../admin/index.ts';
import type { AdminToken } from '../../model/index.ts';
import { UsageError } from '../../model/index.ts';
import type { WebContext } from '../context.ts';
import { limitParam, pathNumber } from '../params.ts';
import { bearer } from './auth.ts';
import { actionFrom } from './input.ts';

type Env = { Variables: { admin: AdminToken } };

/**
 * The admin API under /api/v1/admin: `Authorization: Bearer TOKEN` on every call (no cookies, so
 * no CSRF), never cached, never readable cross-origin.
 */
export function adminApiRoutes(ctx: WebContext): Hono<Env> {
  const api = new Hono<Env>();
  api.use('*', async (c, next) => {
    const secret = bearer(c);
    const token = secret ? await tokenForSecret(ctx.store, secret, ctx.now()) : null;
    if (!token) {
      c.header('WWW-Authenticate', 'Bearer realm="redline-admin"');
      c.header('Cache-Control', 'no-store');
      return c.json(
        { error: { status: 401, kind: 'unauthorized', message: 'an admin token is required (Authorization: Bearer TOKEN)' } },
        401,
      );
    }
    c.set('admin', token);
    await next();
    c.header('Cache-Control', 'no-store');
    // The public API (mounted after this one) allows any origin; the admin API does not.
    c.res.headers.delete('Access-Control-Allow-Origin');
  });

  api.post('/actions', async (c) => {
    const body = await c.req.json().catch(() => {
      throw new UsageError('the body must be a JSON object');
    });
    if (!body || typeof body !== 'object') throw new UsageError('the body must be a JSON object');
    const entry = await perform(ctx, c.get('admin').name, actionFrom(body as Record<string, unknown>));
    return c.json({ ok: true, audit: entry });
  });

  api.get('/audit', async (c) =>
    c.json(await ctx.store.listAudit({ limit: limitParam(c.req.query('limit')), cursor: c.req.query('cursor') ?? null })),
  );

  api.get('/hidden', async (c) => c.json({ items: await ctx.store.listHidden(), nextCursor: null }));

  /** An article as an admin sees it: hidden or not, with every version and its hidden mark. */
  api.get('/articles/:id', async (c) => {
    const id = pathNumber(c.req.param('id'), 'article');
    const article = await ctx.store.getArticle(id);
    if (!article) return c.json({ error: { status: 404, kind: 'not-found', message: `no such article: ${id}` } }, 404);
    const versions = await ctx.store.listVersions(id, { includeHidden: true });
    return c.json({
      id: article.id,
      url: article.url,
      title: article.title,
      status: article.status,
      source: article.sourceKey,
      hiddenAt: article.hiddenAt,
      versions: versions.map((v) => ({ number: v.number, capturedAt: v.capturedAt, title: v.title, hiddenAt: v.hiddenAt })),
    });
  });
  return api;
}
