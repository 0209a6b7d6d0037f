import { Hono } from 'hono';
import { ARTICLE_STATUSES, UsageError, type ArticleStatus } from '../../model/index.ts';
import type { WebContext } from '../context.ts';
import { dateParam, limitParam, loadArticle, loadVersion, optionalInt, pathNumber, sourceFilter } from '../params.ts';
import { parseSignificance, type Significance } from '../significance.ts';
import { evidenceRoutes } from './evidence-routes.ts';
import { OPENAPI } from './openapi.ts';
import { articleJson, changeJson, searchHitJson, sourceJson, versionJson, versionSummaryJson } from './serialize.ts';

function statusParam(value: string | undefined): ArticleStatus | undefined {
  if (value === undefined || value === '') return undefined;
  const status = ARTICLE_STATUSES.find((s) => s === value);
  if (!status) throw new UsageError(`status must be one of ${ARTICLE_STATUSES.join(', ')}, got ${JSON.stringify(value)}`);
  return status;
}

/** Search filters versions by level and labels; events are no search hits. */
const changeFilterOf = ({ filter }: Significance) => ({ minLevel: filter.minLevel, labels: filter.labels });

/** JSON API, mounted at /api/v1. Lists answer `{ items, nextCursor }`; errors are JSON (see app.onError). */
export function apiRoutes(ctx: WebContext): Hono {
  const { store } = ctx;
  const api = new Hono();
  api.use('*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'public, max-age=30');
    // Public, read-only data: any web page may read it.
    c.header('Access-Control-Allow-Origin', '*');
  });

  api.get('/openapi.json', (c) => c.json(OPENAPI));

  api.get('/sources', async (c) => {
    const sources = await store.listSources();
    return c.json({ items: sources.map(sourceJson), nextCursor: null });
  });

  api.get('/articles', async (c) => {
    const source = await sourceFilter(store, c.req.query('source'));
    const page = await store.listArticles({
      sourceId: source?.id,
      status: statusParam(c.req.query('status')),
      minVersions: optionalInt(c.req.query('minVersions'), 'minVersions'),
      limit: limitParam(c.req.query('limit')),
      cursor: c.req.query('cursor') ?? null,
    });
    return c.json({ items: page.items.map(articleJson), nextCursor: page.nextCursor });
  });

  api.get('/articles/:id', async (c) => c.json(articleJson(await loadArticle(store, c.req.param('id')))));

  api.get('/articles/:id/versions', async (c) => {
    const article = await loadArticle(store, c.req.param('id'));
    const versions = await store.listVersions(article.id);
    return c.json({ items: versions.map(versionSummaryJson), nextCursor: null });
  });

  api.get('/articles/:id/versions/:n', async (c) => {
    const article = await loadArticle(store, c.req.param('id'));
    const n = pathNumber(c.req.param('n'), 'version');
    return c.json(versionJson(await loadVersion(store, article, n)));
  });

  api.get('/articles/:id/diff/:a/:b', async (c) => {
    const article = await loadArticle(store, c.req.param('id'));
    const pair = await ctx.diffs.get(article.id, pathNumber(c.req.param('a'), 'version'), pathNumber(c.req.param('b'), 'version'));
    return c.json({ articleId: article.id, from: versionSummaryJson(pair.from), to: versionSummaryJson(pair.to), diff: pair.model });
  });

  api.get('/changes', async (c) => {
    const source = await sourceFilter(store, c.req.query('source'));
    const significance = parseSignificance({ min: c.req.query('min'), kind: c.req.query('kind') });
    const page = await store.listChanges({
      ...significance.filter,
      sourceId: source?.id,
      articleId: optionalInt(c.req.query('article'), 'article'),
      limit: limitParam(c.req.query('limit')),
      cursor: c.req.query('cursor') ?? null,
    });
    const digests = await ctx.digests.forVersions(page.items.flatMap((ch) => (ch.type === 'version' ? [ch.version] : [])));
    return c.json({
      items: page.items.map((ch) => changeJson(ch, ch.type === 'version' ? (digests.get(ch.version.id) ?? null) : null)),
      nextCursor: page.nextCursor,
    });
  });

  api.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (!q) throw new UsageError('q is required');
    const source = await sourceFilter(store, c.req.query('source'));
    const page = await store.search({
      ...changeFilterOf(parseSignificance({ min: c.req.query('min'), kind: c.req.query('kind') })),
      text: q,
      sourceId: source?.id,
      from: dateParam(c.req.query('from'), 'from'),
      to: dateParam(c.req.query('to'), 'to'),
      limit: limitParam(c.req.query('limit'), 20),
      cursor: c.req.query('cursor') ?? null,
    });
    return c.json({ items: page.items.map(searchHitJson), nextCursor: page.nextCursor });
  });

  evidenceRoutes(api, ctx);
  return api;
}
