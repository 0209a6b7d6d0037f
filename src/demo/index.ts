/**
 * The simulated newsroom: a small news site on 127.0.0.1 that edits its articles step by step,
 * used by `redline demo` and by the tests. See types.ts for the edit script's shape.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { send } from './respond.ts';
import { route } from './routes.ts';
import { blockTexts, plainParagraphs } from './script.ts';
import { NewsroomState } from './state.ts';
import { LIVE_PAGE } from './stories/index.ts';
import type { DemoArticleInfo } from './types.ts';

export { DEMO_EDITS, LAST_STEP, describeEdits, expectedVersions, storyAt } from './script.ts';
export type { ExpectedVersion } from './script.ts';
export { STORIES, LIVE_PAGE } from './stories/index.ts';
export type { Block, Caching, DemoArticleInfo, DemoEdit, EditKind, Story } from './types.ts';

export interface NewsroomOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Auto mode: seconds between steps (default 8, so every scripted edit happens within a minute). */
  secondsPerStep?: number;
  startStep?: number;
  /** Only advance() / setStep() change the step. */
  manual?: boolean;
  /**
   * Publish gradually: the feed lists the `releasePerStep` oldest stories at step 0 and that many
   * more at each step, until all are out; then it stops publishing (quiet-source tests). Default: all at once.
   */
  releasePerStep?: number;
}

export interface Newsroom {
  /** Base URL, e.g. http://127.0.0.1:PORT (no trailing slash). */
  readonly url: string;
  readonly feedUrl: string;
  readonly atomUrl: string;
  /** URL of the live blog listed in the feed (a source should exclude `/sport/live/`). */
  readonly liveUrl: string;
  readonly step: number;
  advance(): void;
  setStep(step: number): void;
  articles(): DemoArticleInfo[];
  /** Requests received for a path (or full URL; query ignored), or in total. */
  requestCount(path?: string): number;
  close(): Promise<void>;
}

export async function startNewsroom(opts: NewsroomOptions = {}): Promise<Newsroom> {
  const host = opts.host ?? '127.0.0.1';
  const state = new NewsroomState(Date.now(), opts.startStep ?? 0, opts.releasePerStep ?? null);
  let base = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    state.count(path);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const now = Date.now();
    send(req, res, route(path, state, base, now), now);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const timer = opts.manual ? null : setInterval(() => state.setStep(state.step + 1, Date.now()), (opts.secondsPerStep ?? 8) * 1000);
  timer?.unref();

  return {
    url: base,
    feedUrl: `${base}/feed.xml`,
    atomUrl: `${base}/atom.xml`,
    liveUrl: base + LIVE_PAGE.path,
    get step() {
      return state.step;
    },
    advance: () => state.setStep(state.step + 1, Date.now()),
    setStep: (step) => state.setStep(step, Date.now()),
    articles: () =>
      state.all().map((v) => ({
        id: v.story.id,
        path: v.story.path,
        url: base + v.story.path,
        section: v.story.section,
        byline: v.story.byline,
        publishedAt: v.publishedAt,
        charset: v.story.charset ?? 'utf-8',
        caching: v.story.caching ?? 'per-response',
        headline: v.state.headline,
        paragraphs: v.state.blocks && blockTexts(v.state.blocks),
        plainParagraphs: v.state.blocks && plainParagraphs(v.state.blocks),
      })),
    requestCount: (path) => state.requestCount(path),
    close: async () => {
      if (timer) clearInterval(timer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
      await closed;
    },
  };
}
