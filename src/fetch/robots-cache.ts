import type { Logger } from '../log/index.ts';
import type { Millis } from '../model/index.ts';
import { FetchError } from './errors.ts';
import { parseRobots, robotsAllows, ROBOTS_PATH, type RobotsRules } from './robots.ts';

/** What fetching /robots.txt gave: a status and text, after redirects. Network failures throw FetchError. */
export type RobotsFetch = (robotsUrl: URL) => Promise<{ status: number; text: string }>;

interface Entry {
  expiresAt: Millis;
  rules: RobotsRules | 'disallow-all';
  /** robots.txt could not be fetched at all (timeout, refused…): every check fails with this until it expires. */
  error?: FetchError;
}

/** A server error on robots.txt blocks the site, but only briefly: it is usually a passing outage. */
const SERVER_ERROR_TTL_MS = 10 * 60_000;
/** A failed robots.txt fetch is remembered this long, so a site that keeps failing is not asked again on every check. */
const FETCH_ERROR_TTL_MS = 60_000;

const DISALLOW_ALL = 'disallow-all';
const MAX_ORIGINS = 10_000;

/** robots.txt per origin, fetched once and shared by concurrent callers, kept for `ttlMs`. */
export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry>>();

  constructor(private readonly opts: { userAgent: string; ttlMs: number; now: () => Millis; fetch: RobotsFetch; log?: Logger }) {}

  /** Throws FetchError kind `robots` when the URL is disallowed; network errors fetching robots.txt propagate. */
  async check(url: URL): Promise<void> {
    if (url.pathname === ROBOTS_PATH) return;
    const entry = await this.entryFor(url.origin);
    const path = url.pathname + url.search;
    if (entry.error) throw entry.error;
    if (entry.rules === DISALLOW_ALL) {
      throw new FetchError('robots', `${url.href}: ${url.origin}/robots.txt answered a server error; the site is off limits for now`);
    }
    if (!robotsAllows(entry.rules, path)) {
      throw new FetchError('robots', `${url.href}: disallowed by ${url.origin}/robots.txt for ${this.opts.userAgent.split(' ')[0]}`);
    }
  }

  /** One load per origin at a time, not tied to any caller's AbortSignal since others may be waiting on it. */
  private async entryFor(origin: string): Promise<Entry> {
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > this.opts.now()) return cached;
    let pending = this.pending.get(origin);
    if (!pending) {
      pending = this.load(origin).finally(() => this.pending.delete(origin));
      this.pending.set(origin, pending);
    }
    return pending;
  }

  private async load(origin: string): Promise<Entry> {
    let answer: { status: number; text: string };
    try {
      answer = await this.opts.fetch(new URL(ROBOTS_PATH, origin));
    } catch (err) {
      if (!(err instanceof FetchError) || err.kind === 'aborted') throw err;
      const entry: Entry = { expiresAt: this.opts.now() + Math.min(this.opts.ttlMs, FETCH_ERROR_TTL_MS), rules: [], error: err };
      this.remember(origin, entry);
      return entry;
    }
    const { status, text } = answer;
    const now = this.opts.now();
    let entry: Entry;
    if (status >= 200 && status < 300) {
      entry = { expiresAt: now + this.opts.ttlMs, rules: parseRobots(text, this.opts.userAgent) };
    } else if (status >= 500 || status === 429) {
      this.opts.log?.warn('robots_unavailable', { origin, status });
      entry = { expiresAt: now + Math.min(this.opts.ttlMs, SERVER_ERROR_TTL_MS), rules: DISALLOW_ALL };
    } else {
      // 4xx (no robots.txt) and unresolvable redirects: everything is allowed (RFC 9309 2.3.1.3).
      entry = { expiresAt: now + this.opts.ttlMs, rules: [] };
    }
    this.remember(origin, entry);
    return entry;
  }

  /** Keeps at most MAX_ORIGINS entries, dropping the oldest: a feed linking to a million hosts must not grow memory forever. */
  private remember(origin: string, entry: Entry): void {
    this.entries.delete(origin);
    this.entries.set(origin, entry);
    while (this.entries.size > MAX_ORIGINS) this.entries.delete(this.entries.keys().next().value!);
  }
}
