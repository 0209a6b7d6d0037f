import { Hono } from 'hono';
import { NotFoundError } from '../../model/index.ts';
import { decodeHtml } from '../../text/charset.ts';
import type { WebContext } from '../context.ts';
import { loadArticle, loadVersion, pathNumber } from '../params.ts';

/**
 * The stored raw capture of a version. It is a news site's HTML, so it is never served as HTML:
 * decoded to UTF-8 text/plain, nosniff, and a CSP sandbox in case a browser thinks otherwise.
 */
export function rawRoutes(ctx: WebContext): Hono {
  const app = new Hono();
  app.get('/articles/:id/versions/:n/raw', async (c) => {
    const article = await loadArticle(ctx.store, c.req.param('id'));
    const n = pathNumber(c.req.param('n'), 'version');
    await loadVersion(ctx.store, article, n);
    const bytes = await ctx.store.getRawHtml(article.id, n);
    if (!bytes) throw new NotFoundError(`article ${article.id} has no raw capture for version ${n}`);
    const { text } = decodeHtml(bytes);
    c.header('Content-Type', 'text/plain; charset=utf-8');
    c.header('Content-Security-Policy', "sandbox; default-src 'none'");
    // Captures never change: cache them for a day.
    c.header('Cache-Control', 'public, max-age=86400');
    if (c.req.query('download') === '1') {
      c.header('Content-Disposition', `attachment; filename="article-${article.id}-version-${n}.html.txt"`);
    }
    return c.body(text);
  });
  return app;
}
