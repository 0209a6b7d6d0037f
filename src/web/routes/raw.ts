import { Hono } from 'hono';
import { NotFoundError } from '../../model/index.ts';
import { decodeCapture } from '../../tracker/baseline.ts';
import type { WebContext } from '../context.ts';
import { loadArticle, loadVersion, pathNumber } from '../params.ts';

/**
 * The stored capture of a version. It is a news site's HTML, so it is never served as HTML: shown
 * decoded (with the charset the check used) as text/plain, nosniff, and a CSP sandbox in case a
 * browser thinks otherwise; downloaded as the exact bytes received, as an attachment.
 */
export function rawRoutes(ctx: WebContext): Hono {
  const app = new Hono();
  app.get('/articles/:id/versions/:n/raw', async (c) => {
    const article = await loadArticle(ctx.store, c.req.param('id'));
    const n = pathNumber(c.req.param('n'), 'version');
    await loadVersion(ctx.store, article, n);
    const capture = await ctx.store.evidence.getCapture(article.id, n);
    if (!capture) throw new NotFoundError(`article ${article.id} has no raw capture for version ${n}`);
    c.header('Content-Security-Policy', "sandbox; default-src 'none'");
    // Captures never change: cache them for a day.
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('X-Capture-Sha256', capture.digest);
    if (c.req.query('download') === '1') {
      c.header('Content-Type', 'application/octet-stream');
      c.header('Content-Disposition', `attachment; filename="article-${article.id}-version-${n}.html"`);
      return c.body(new Uint8Array(capture.body));
    }
    c.header('Content-Type', 'text/plain; charset=utf-8');
    return c.body(decodeCapture(capture));
  });
  return app;
}
