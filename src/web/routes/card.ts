import { Hono } from 'hono';
import { renderShareCard, shareCardFromDiff, type CardMeta } from '../../cards/index.ts';
import type { ArticleWithSource } from '../../model/index.ts';
import type { WebContext } from '../context.ts';
import type { VersionPair } from '../diff-cache.ts';
import { loadArticle, pathNumber } from '../params.ts';

export function cardMeta(article: ArticleWithSource, pair: VersionPair): CardMeta {
  return { headline: pair.to.title || (article.title ?? article.url), sourceName: article.sourceName, capturedAt: pair.to.capturedAt };
}

/** The share card of a diff: drawn once per version pair, then served from memory (and browser caches). */
export function cardRoutes(ctx: WebContext): Hono {
  const app = new Hono();
  app.get('/articles/:id/diff/:a/:b/card.png', async (c) => {
    const article = await loadArticle(ctx.store, c.req.param('id'));
    const a = pathNumber(c.req.param('a'), 'version');
    const b = pathNumber(c.req.param('b'), 'version');
    const card = await ctx.cards.get(`${article.id}:${a}:${b}`, async () => {
      const pair = await ctx.diffs.get(article.id, a, b);
      return renderShareCard(shareCardFromDiff(pair.model, cardMeta(article, pair)));
    });
    c.header('Content-Type', 'image/png');
    // Versions never change, so neither does their card.
    c.header('Cache-Control', 'public, max-age=86400');
    // renderShareCard copies into a plain ArrayBuffer, never a SharedArrayBuffer.
    return c.body(card.png as Uint8Array<ArrayBuffer>);
  });
  return app;
}
