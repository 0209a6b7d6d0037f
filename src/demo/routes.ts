/** Maps a request path to a Reply, given the newsroom's current state. */
import { randomBytes } from 'node:crypto';
import { makeRng } from './chrome.ts';
import type { LinkItem } from './chrome.ts';
import { atomFeed, robotsTxt, rssFeed, sitemapXml } from './feed.ts';
import type { FeedEntry } from './feed.ts';
import { articlePage, homePage, livePage, notFoundPage } from './page.ts';
import type { PageContext } from './page.ts';
import type { Reply } from './respond.ts';
import type { NewsroomState, StoryView } from './state.ts';
import { LIVE_PAGE, STORIES } from './stories/index.ts';

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export function route(path: string, state: NewsroomState, base: string, now: number): Reply {
  const view = state.byPath(path);
  if (view) return articleReply(view, state, base, now);
  switch (path) {
    case '/':
      return { status: 200, type: 'text/html', body: homePage(links(state), context(base, now, state)), validators: 'per-response' };
    case '/feed.xml':
      return feedReply('application/rss+xml', rssFeed(base, feedEntries(state, base), state.lastChange()), state);
    case '/atom.xml':
      return feedReply('application/atom+xml', atomFeed(base, feedEntries(state, base), state.lastChange()), state);
    case '/sitemap.xml':
      return feedReply(
        'application/xml',
        sitemapXml(liveViews(state).map((v) => ({ url: base + v.story.path, modifiedAt: v.since }))),
        state,
      );
    case '/robots.txt':
      return { status: 200, type: 'text/plain', body: robotsTxt(base), validators: 'none' };
    case LIVE_PAGE.path:
      return {
        status: 200,
        type: 'text/html',
        body: livePage(path, LIVE_PAGE.headline, context(base, now, state)),
        validators: 'per-response',
      };
  }
  if (path.startsWith('/img/')) return { status: 200, type: 'image/gif', body: GIF, validators: 'none' };
  return notFound(base, now, state);
}

function articleReply(view: StoryView, state: NewsroomState, base: string, now: number): Reply {
  const { story, state: content } = view;
  if (content.blocks === null) return notFound(base, now, state);
  const stable = story.caching === 'stable';
  // A cached page is rendered as of its last edit with chrome seeded by its content, so equal
  // content gives equal bytes (and ETags); other pages get fresh chrome on every request.
  const ctx = stable
    ? {
        ...context(base, view.since, state),
        links: ORIGINAL_LINKS.filter((l) => l.path !== story.path),
        rng: makeRng(parseInt(view.contentKey.slice(0, 8), 16)),
        nonce: view.contentKey.slice(0, 16),
      }
    : context(base, now, state, story.path);
  const body = articlePage(
    { story, headline: content.headline, blocks: content.blocks, publishedAt: view.publishedAt, modifiedAt: view.since },
    ctx,
  );
  return {
    status: 200,
    type: 'text/html',
    body,
    charset: story.charset ?? 'utf-8',
    validators: stable ? 'stable' : 'per-response',
    lastModified: view.since,
    headers: { 'Content-Security-Policy': `script-src 'nonce-${ctx.nonce}'` },
  };
}

/** Cached pages link to stories by their original headlines, so their bytes depend on their own text only. */
const ORIGINAL_LINKS: LinkItem[] = STORIES.map((s) => ({ path: s.path, headline: s.headline }));

function notFound(base: string, now: number, state: NewsroomState): Reply {
  return { status: 404, type: 'text/html', body: notFoundPage(context(base, now, state)), validators: 'none' };
}

function feedReply(type: string, body: string, state: NewsroomState): Reply {
  return { status: 200, type, body, validators: 'stable', lastModified: state.lastChange() };
}

function context(base: string, now: number, state: NewsroomState, exclude?: string): PageContext {
  const seed = randomBytes(4).readUInt32LE(0);
  return {
    base,
    now,
    rng: makeRng(seed),
    nonce: randomBytes(12).toString('base64url'),
    links: links(state).filter((l) => l.path !== exclude),
  };
}

function liveViews(state: NewsroomState): StoryView[] {
  return state.all().filter((v) => v.state.blocks !== null);
}

function links(state: NewsroomState): LinkItem[] {
  return liveViews(state).map((v) => ({ path: v.story.path, headline: v.state.headline }));
}

/** Every article stays listed, even while taken down (a tracker must meet the 404 itself). */
function feedEntries(state: NewsroomState, base: string): FeedEntry[] {
  const entries = state.released().map((v) => ({
    url: base + v.story.path,
    title: v.state.headline,
    summary: v.story.summary,
    publishedAt: v.publishedAt,
  }));
  const live = {
    url: base + LIVE_PAGE.path,
    title: LIVE_PAGE.headline,
    summary: LIVE_PAGE.summary,
    publishedAt: state.startedAt - LIVE_PAGE.publishedMinutesAgo * 60_000,
  };
  return [...entries, live];
}
