import type { Context } from 'hono';
import { Hono } from 'hono';
import { NotFoundError } from '../../model/index.ts';
import type { ChangeQuery } from '../../store/store.ts';
import type { WebContext } from '../context.ts';
import { tagUri, type FeedInfo } from '../changefeeds/entries.ts';
import { feedItems } from '../changefeeds/items.ts';
import { UsageError } from '../../model/index.ts';
import { renderFeed, type FeedHead } from '../changefeeds/formats.ts';
import { loadArticle, loadSource } from '../params.ts';
import { describeSignificance, parseSignificance, significanceParams } from '../significance.ts';
import { articleFeedBase, articlePath, CHANGES_FEED_BASE, sourceFeedBase } from '../views/paths.ts';

const FEED_SIZE = 50;
const MAX_FEED_SIZE = 1000;

/** `?limit=N` (1..1000), for readers that want a longer history than the default 50 items. */
function feedSize(value: string | undefined): number {
  if (value === undefined || value === '') return FEED_SIZE;
  if (!/^[0-9]+$/.test(value) || Number(value) < 1 || Number(value) > MAX_FEED_SIZE) {
    throw new UsageError(`limit must be an integer from 1 to ${MAX_FEED_SIZE}, got ${JSON.stringify(value)}`);
  }
  return Number(value);
}
const TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
} as const;
type Format = keyof typeof TYPES;

function format(file: string | undefined, stem: string): Format {
  const ext = file?.startsWith(`${stem}.`) ? file.slice(stem.length + 1) : '';
  if (ext === 'rss' || ext === 'atom' || ext === 'json') return ext;
  throw new NotFoundError(`no such feed: ${JSON.stringify(file ?? '')}`);
}

/** RSS 2.0, Atom and JSON Feed of changes: all, per source, per article. One item per change. */
export function feedRoutes(ctx: WebContext): Hono {
  const app = new Hono();

  /** `?min=LEVEL&kind=K` (see significance.ts): the feed of those changes only, named so in its title and self links. */
  async function send(c: Context, fmt: Format, meta: Omit<FeedInfo, 'entries'>, query: Omit<ChangeQuery, 'limit'>): Promise<Response> {
    const significance = parseSignificance({ min: c.req.query('min'), kind: c.req.query('kind') });
    const changes = await ctx.store.listChangeBriefs({ ...query, ...significance.filter, limit: feedSize(c.req.query('limit')) });
    const params = new URLSearchParams(significanceParams(significance)).toString();
    const what = describeSignificance(significance);
    const selfQuery = params ? `?${params}` : '';
    const head: FeedHead = {
      ...meta,
      title: what ? `${meta.title} (${what})` : meta.title,
      pagePath: params ? `${meta.pagePath}${meta.pagePath.includes('?') ? '&' : '?'}${params}` : meta.pagePath,
      query: selfQuery,
      updatedAt: changes.items[0]?.at ?? 0,
      feedId: tagUri(ctx.baseUrl, `feed${meta.basePath}${selfQuery}`),
    };
    // Items are cached rendered, by format and version (changefeeds/items.ts): a filtered feed reuses the items of the unfiltered one.
    const { items, etag } = await feedItems(ctx, fmt, changes.items, `${fmt}\n${ctx.baseUrl}\n${JSON.stringify(head)}`);
    c.header('Content-Type', TYPES[fmt]);
    c.header('Cache-Control', 'public, max-age=300');
    // Set here from the items' keys, so the ETag middleware need not hash the 2 MB of a long feed.
    c.header('ETag', etag);
    return c.body(renderFeed(fmt, head, ctx.baseUrl, items));
  }

  app.get('/feeds/:file', (c) =>
    send(
      c,
      format(c.req.param('file'), 'changes'),
      {
        title: 'Redline: all changes',
        description: 'Every edit Redline has seen to the news articles it watches.',
        pagePath: '/',
        basePath: CHANGES_FEED_BASE,
      },
      {},
    ),
  );

  app.get('/sources/:key/:file', async (c) => {
    const fmt = format(c.req.param('file'), 'feed');
    const source = await loadSource(ctx.store, c.req.param('key'));
    return send(
      c,
      fmt,
      {
        title: `Redline: changes in ${source.name}`,
        description: `Every edit Redline has seen to articles from ${source.name} (${source.key}).`,
        pagePath: `/?source=${encodeURIComponent(source.key)}`,
        basePath: sourceFeedBase(source.key),
      },
      { sourceId: source.id },
    );
  });

  app.get('/articles/:id/:file', async (c) => {
    const fmt = format(c.req.param('file'), 'feed');
    const article = await loadArticle(ctx.store, c.req.param('id'));
    return send(
      c,
      fmt,
      {
        title: `Redline: changes to "${article.title ?? article.url}"`,
        description: `Every edit Redline has seen to ${article.url}.`,
        pagePath: articlePath(article.id),
        basePath: articleFeedBase(article.id),
      },
      { articleId: article.id },
    );
  });

  return app;
}
