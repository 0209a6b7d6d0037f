import { Hono } from 'hono';
import { SHARE_CARD_SIZE, shareCardAlt, shareCardFromDiff } from '../../cards/index.ts';
import { ARTICLE_STATUSES } from '../../model/index.ts';
import type { WebContext } from '../context.ts';
import { html } from '../html.ts';
import { dateParam, loadArticle, loadVersion, pathNumber, sourceFilter } from '../params.ts';
import { withDigests } from '../queries.ts';
import { cardMeta } from './card.ts';
import { deliveryLog } from '../follow/log-view.ts';
import { sendPage } from '../respond.ts';
import { describeDiff } from '../summary.ts';
import { sourceAlerts } from '../../tracker/quiet.ts';
import { articlePage } from '../views/article.ts';
import { articlesPage } from '../views/articles.ts';
import { changesPage, changesTitle } from '../views/changes.ts';
import { describeSignificance, parseSignificance, significanceParams } from '../significance.ts';
import { diffPage } from '../views/diff-page.ts';
import { feedAlternates } from '../views/layout.ts';
import { articleFeedBase, articlePath, cardPath, CHANGES_FEED_BASE, diffPath, sourceFeedBase } from '../views/paths.ts';
import { searchPage } from '../views/search.ts';
import { sourcesPage } from '../views/sources.ts';
import { versionEvidence } from '../evidence-queries.ts';
import { versionPage } from '../views/version.ts';

const PAGE_SIZE = 50;
const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);

/** The reader website: server-rendered pages that work without JavaScript. */
export function pageRoutes(ctx: WebContext): Hono {
  const { store } = ctx;
  const app = new Hono();

  app.get('/', async (c) => {
    const source = await sourceFilter(store, c.req.query('source'));
    const significance = parseSignificance({ min: c.req.query('min'), kind: c.req.query('kind') });
    const [changes, sources] = await Promise.all([
      store.listChanges({ ...significance.filter, sourceId: source?.id, limit: PAGE_SIZE, cursor: c.req.query('cursor') ?? null }),
      ctx.sourceChoices(),
    ]);
    const page = await withDigests(ctx, changes);
    // A filtered page offers the feeds of the same filter.
    const what = describeSignificance(significance);
    const query = new URLSearchParams(significanceParams(significance)).toString();
    const feeds = source
      ? feedAlternates(sourceFeedBase(source.key), `${what ? capitalise(what) : 'Changes'} in ${source.name}`, query)
      : feedAlternates(CHANGES_FEED_BASE, what ? capitalise(what) : 'All changes', query);
    return sendPage(
      c,
      {
        title: changesTitle(source, significance),
        description: 'The latest edits to news articles watched by Redline, newest first.',
        alternates: feeds,
        section: 'changes',
      },
      html`${changesPage(page, source, sources, ctx.now(), significance)}${source ? ctx.follow.box({ source: { key: source.key, name: source.name } }) : ''}`,
    );
  });

  app.get('/articles', async (c) => {
    const source = await sourceFilter(store, c.req.query('source'));
    const statusParam = c.req.query('status');
    const status = ARTICLE_STATUSES.find((s) => s === statusParam);
    const changedOnly = c.req.query('changed') === '1';
    const [page, sources] = await Promise.all([
      store.listArticles({
        sourceId: source?.id,
        status,
        minVersions: changedOnly ? 2 : undefined,
        limit: PAGE_SIZE,
        cursor: c.req.query('cursor') ?? null,
      }),
      ctx.sourceChoices(),
    ]);
    return sendPage(
      c,
      { title: 'Articles', description: 'Every article Redline watches, newest first.', section: 'articles' },
      articlesPage(page, { source, status, changedOnly }, sources, ctx.now()),
    );
  });

  app.get('/articles/:id', async (c) => {
    const article = await loadArticle(store, c.req.param('id'));
    const [versions, events] = await Promise.all([store.listVersions(article.id), store.listEvents(article.id)]);
    return sendPage(
      c,
      {
        title: article.title ?? article.url,
        description: `All ${versions.length} captured versions of this ${article.sourceName} article, and what changed between them.`,
        alternates: feedAlternates(articleFeedBase(article.id), 'Changes to this article'),
        section: 'articles',
      },
      html`${articlePage(article, versions, events, ctx.now())}${ctx.follow.box({ article: { id: article.id, title: article.title ?? article.url } })}`,
    );
  });

  // The "compare any two versions" form on the article page submits here; without ?a&b, the latest change.
  app.get('/articles/:id/diff', async (c) => {
    const article = await loadArticle(store, c.req.param('id'));
    if (c.req.query('a') === undefined && c.req.query('b') === undefined) {
      if (article.versionCount < 2) return c.redirect(articlePath(article.id), 303);
      return c.redirect(diffPath(article.id, article.versionCount - 1, article.versionCount), 303);
    }
    const a = pathNumber(c.req.query('a'), 'version');
    const b = pathNumber(c.req.query('b'), 'version');
    return c.redirect(diffPath(article.id, a, b), 303);
  });

  app.get('/articles/:id/diff/:a/:b', async (c) => {
    const article = await loadArticle(store, c.req.param('id'));
    const a = pathNumber(c.req.param('a'), 'version');
    const b = pathNumber(c.req.param('b'), 'version');
    const pair = await ctx.diffs.get(article.id, a, b);
    const options = { inline: c.req.query('view') === 'inline', changesOnly: c.req.query('changes') === 'only' };
    const card = shareCardFromDiff(pair.model, cardMeta(article, pair));
    return sendPage(
      c,
      {
        title: `Changes to "${pair.to.title}" (versions ${a} and ${b})`,
        description: describeDiff(pair.model.summary),
        image: { url: ctx.baseUrl + cardPath(article.id, a, b), alt: shareCardAlt(card), ...SHARE_CARD_SIZE },
        canonical: ctx.baseUrl + diffPath(article.id, a, b),
        alternates: feedAlternates(articleFeedBase(article.id), 'Changes to this article'),
        section: 'articles',
      },
      diffPage(article, pair, options),
    );
  });

  app.get('/articles/:id/versions/:n', async (c) => {
    const article = await loadArticle(store, c.req.param('id'));
    const n = pathNumber(c.req.param('n'), 'version');
    const version = await loadVersion(store, article, n);
    return sendPage(
      c,
      {
        title: `${version.title} (version ${n})`,
        description: `The text of version ${n} of this ${article.sourceName} article, as captured.`,
        alternates: feedAlternates(articleFeedBase(article.id), 'Changes to this article'),
        section: 'articles',
      },
      versionPage(article, version, await versionEvidence(store, version.id)),
    );
  });

  app.get('/sources', async (c) => {
    const [sources, alerts] = await Promise.all([store.listSources(), sourceAlerts(store, ctx.config.ops, ctx.now())]);
    return sendPage(
      c,
      { title: 'Sources', description: 'The news sources Redline watches, and how their last poll went.', section: 'sources' },
      html`${sourcesPage(sources, ctx.now(), alerts)}${await deliveryLog(store, ctx.now())}`,
    );
  });

  app.get('/search', async (c) => {
    const q = (c.req.query('q') ?? '').trim();
    const source = await sourceFilter(store, c.req.query('source'));
    const range = { from: c.req.query('from') ?? '', to: c.req.query('to') ?? '' };
    const from = dateParam(range.from, 'from');
    const to = dateParam(range.to, 'to');
    const significance = parseSignificance({ min: c.req.query('min'), kind: c.req.query('kind') });
    const { minLevel, labels } = significance.filter;
    const [page, sources] = await Promise.all([
      q
        ? store.search({
            text: q,
            sourceId: source?.id,
            from,
            to,
            minLevel,
            labels,
            // The page shows the newest matching version's extract and the others' numbers.
            snippets: 'newest',
            limit: 20,
            cursor: c.req.query('cursor') ?? null,
          })
        : null,
      ctx.sourceChoices(),
    ]);
    return sendPage(
      c,
      {
        title: q ? `Search: ${q}` : 'Search',
        description: 'Full-text search over the headline and text of every captured version.',
        query: q,
        section: 'search',
      },
      searchPage(q, page, source, sources, range, significance),
    );
  });

  return app;
}
