import * as v from 'valibot';
import { notifySection } from './notify-schema.ts';
import {
  bool,
  countInt,
  factor,
  httpUrl,
  nonNegative,
  port,
  positive,
  positiveInt,
  postgresUrl,
  regexSource,
  renderMode,
  role,
  sourceKey,
  sourceType,
  text,
  threadHeapMb,
} from './rules.ts';

/**
 * The config file, as one schema: every setting with its rule and default, in one line each.
 * `Config` and its section types are derived from it (config.ts), `defaultConfig()` is this schema
 * applied to `{}`, and a key the schema does not know is an error naming the key and the file.
 *
 * To add a setting: add one line to its section here, `name: v.optional(RULE, DEFAULT),` with a
 * comment saying what it does (rules in rules.ts). A new section is one `v.optional(v.strictObject({...}), {})`.
 */

export const DEFAULT_USER_AGENT = 'Redline/0.1 (+https://github.com/redline-news/redline; tracks published edits of news articles)';

/**
 * Front-loaded checks for young articles (see bench/schedule.ts for the reasoning and the
 * comparison with News Sniffer's and NewsDiffs' rules): edits cluster in the first hour, most are
 * done within about ten hours, and each check there is worth more than one in the tail.
 */
export const DEFAULT_TIERS = [
  { maxAgeSec: 3600, periodSec: 5 * 60 },
  { maxAgeSec: 6 * 3600, periodSec: 15 * 60 },
  { maxAgeSec: 12 * 3600, periodSec: 30 * 60 },
] as const;

/** While an article is younger than maxAgeSec it is checked every periodSec. */
const tier = v.strictObject({ maxAgeSec: positive, periodSec: positive });

const tiers = v.pipe(
  v.array(tier, 'must be a list of { "maxAgeSec": N, "periodSec": N }'),
  v.check(
    (list) => list.every((t, i) => i === 0 || t.maxAgeSec > list[i - 1].maxAgeSec),
    'must have maxAgeSec growing from one tier to the next',
  ),
);

const schedule = v.pipe(
  v.strictObject({
    /**
     * Fixed periods for young articles, by age, in increasing maxAgeSec (1 h: 5 min, 6 h: 15 min,
     * 12 h: 30 min). Past the last tier the period adapts (minPeriodSec x backoffFactor). Empty = adaptive from the start.
     */
    tiers: v.optional(tiers, () => DEFAULT_TIERS.map((t) => ({ ...t }))),
    /** Shortest adaptive re-check period, and the period after a new version once past the tiers (30 min). */
    minPeriodSec: v.optional(positive, 30 * 60),
    /** Period multiplier after a check with no change or an error (1.2). */
    backoffFactor: v.optional(factor, 1.2),
    /** An article whose period would exceed this is retired (40 days). */
    retireAfterSec: v.optional(positive, 40 * 24 * 3600),
    /** Feed poll period bounds. */
    feedMinPeriodSec: v.optional(positive, 60),
    feedDefaultPeriodSec: v.optional(positive, 5 * 60),
    /** Extra backoff for an article that keeps flipping between known versions (multiplier per revert). */
    revertBackoffFactor: v.optional(factor, 2),
  }),
  v.forward(
    v.check((s) => s.tiers.every((t) => t.periodSec <= s.retireAfterSec), 'must not have a periodSec above schedule.retireAfterSec'),
    ['tiers'],
  ),
);

const fetch = v.strictObject({
  userAgent: v.optional(text, DEFAULT_USER_AGENT),
  connectTimeoutMs: v.optional(positive, 10_000),
  totalTimeoutMs: v.optional(positive, 30_000),
  maxBodyBytes: v.optional(positiveInt, 10 * 1024 * 1024),
  maxRedirects: v.optional(countInt, 5),
  perHostConcurrency: v.optional(positiveInt, 2),
  perHostDelayMs: v.optional(nonNegative, 1_000),
  globalConcurrency: v.optional(positiveInt, 16),
  respectRobots: v.optional(bool, true),
  robotsCacheSec: v.optional(nonNegative, 3600),
  /**
   * The SSRF guard is on unless this is true: addresses that are not the public internet (loopback,
   * private, link-local, CGNAT, multicast, reserved, in every IPv4/IPv6 form) are refused, at
   * connect time. True for the demo, tests and intranets.
   */
  allowPrivateNetworks: v.optional(bool, false),
  /** Host names let through the guard even when they resolve to private addresses (one intranet site). */
  allowPrivateHosts: v.optional(v.array(text, 'must be a list of host names'), () => []),
});

const worker = v.strictObject({
  role: v.optional(role, 'all'),
  /** Articles claimed per batch. */
  batchSize: v.optional(positiveInt, 32),
  /** A claimed article returns to the pool when its lease expires (a crashed worker). */
  leaseSec: v.optional(positive, 60),
  /** Sleep between scheduler ticks when nothing is due. */
  idleMs: v.optional(nonNegative, 1_000),
  /** Keep the raw HTML of each stored version (compressed). */
  keepRaw: v.optional(bool, true),
  /** Worker threads that parse pages and feeds, so the website never waits on a hostile page. */
  extractThreads: v.optional(positiveInt, 2),
  /** Time budget for parsing one page or feed; over it the check fails with kind `too-complex`. */
  extractBudgetMs: v.optional(positive, 5_000),
  /** Time budget for parsing one feed (a sitemap of 50,000 URLs takes seconds); over it the poll fails with `too-complex`. */
  feedBudgetMs: v.optional(positive, 20_000),
  /**
   * Heap budget of each parsing thread, in MB; over it the check fails with kind `too-complex`. At
   * least 256: a page at the element bound (extract/parse-html.ts MAX_ELEMENTS) must fit.
   */
  extractMemoryMb: v.optional(threadHeapMb, 512),
});

/** Per-source limits: what is over them is logged and noted on the source (Sources page), never silently dropped. */
const limits = v.strictObject({
  /** New articles one poll of a source may add; the rest wait for a later poll. */
  newArticlesPerPoll: v.optional(positiveInt, 200),
  /** New articles a source may add in 24 hours. */
  newArticlesPerDay: v.optional(positiveInt, 2_000),
  /** Versions stored per article in 24 hours; a page that changes on every check waits for the window. */
  versionsPerArticlePerDay: v.optional(positiveInt, 24),
  /** Characters of text (headline and paragraphs) kept per version; a longer text is cut there. */
  maxTextChars: v.optional(positiveInt, 200_000),
});

const web = v.strictObject({
  host: v.optional(text, '127.0.0.1'),
  port: v.optional(port, 8080),
  /**
   * Public base URL used in feeds, share cards and self links, e.g. https://redline.example.org.
   * Empty (the default): the address the website actually listens on (see `publicBaseUrl`).
   */
  baseUrl: v.optional(
    v.pipe(
      text,
      v.check((u) => u === '' || /^https?:\/\/[^/]/.test(u), 'must be an http(s) URL, or empty to use the address the website listens on'),
    ),
    '',
  ),
  /** Memory for rendered pages, feeds and API answers (web/page-cache.ts), in MiB; 0 turns the cache off. */
  pageCacheMb: v.optional(nonNegative, 64),
});

const admin = v.strictObject({
  /** How long an admin login (session cookie) lasts. */
  sessionHours: v.optional(positive, 12),
});

const ops = v.strictObject({
  /** /readyz fails when workers have beaten before but none within this many seconds. */
  heartbeatStaleSec: v.optional(positive, 120),
  /** /readyz fails when no feed poll has succeeded for this long (once sources have existed that long). */
  maxPollAgeSec: v.optional(positive, 6 * 3600),
  /** A source is quiet when it found no new article for quietMultiple x its usual interval... */
  quietMultiple: v.optional(positive, 4),
  /** ...and for at least this long (news sites pause at night). */
  quietMinSec: v.optional(positive, 6 * 3600),
  /** Only sources whose usual interval between new articles is at most this (a day) are watched. */
  quietMaxIntervalSec: v.optional(positive, 24 * 3600),
  /** Distinct discovery moments needed before a source's usual interval is trusted. */
  quietMinBatches: v.optional(positive, 5),
  /** A source whose polls have all failed for this long is flagged too. */
  failingSec: v.optional(positive, 3 * 3600),
});

const websub = v.strictObject({
  /**
   * `auto`: subscribe to a feed's WebSub hub when web.baseUrl is a public address (a hub cannot call
   * back a private one); `always` (tests, a hub on the same network); `never`.
   */
  subscribe: v.optional(v.picklist(['auto', 'always', 'never'], 'must be auto, always or never'), 'auto'),
  /** Lease asked of the hub (10 days); renewed when less than a day or a tenth of it remains. */
  leaseSec: v.optional(positive, 10 * 86_400),
  /** While a hub pushes updates, the feed is still polled this often, as a fallback (1 h). */
  fallbackPollSec: v.optional(positive, 3600),
});

const render = v.strictObject({
  /** Chromium binary (playwright-core drives it; nothing is downloaded). */
  chromiumPath: v.optional(text, '/usr/bin/chromium'),
  /** Pages rendered at once, in one browser process. */
  maxPages: v.optional(positiveInt, 2),
  /** Sub-requests (scripts, XHR) one page may make; the rest are refused. */
  maxRequests: v.optional(positiveInt, 100),
  /** A browser idle this long is closed, to give its memory back. */
  idleCloseMs: v.optional(positive, 60_000),
});

/** Save Page Now (Wayback Machine) submissions of new versions. */
const wayback = v.strictObject({
  /** Keys of the sources whose new versions are submitted ("*": all). Empty: nothing is submitted. */
  sources: v.optional(v.array(text, 'must be a list of source keys (or ["*"])'), () => []),
  /** Base URL of Save Page Now (tests point it at a local fake). */
  endpoint: v.optional(httpUrl, 'https://web.archive.org'),
  /** archive.org S3-style keys (https://archive.org/account/s3.php); anonymous when null. Never logged. */
  accessKey: v.optional(v.nullable(text), null),
  secretKey: v.optional(v.nullable(text), null),
  /** At most maxRequests requests (submissions and status checks) in any windowSec, across all workers. Save Page Now answers 429 beyond about 15 a minute. */
  maxRequests: v.optional(positiveInt, 12),
  windowSec: v.optional(positive, 60),
  /** Wait between status checks of a submitted capture. */
  statusPollSec: v.optional(positive, 30),
  /** A version whose submission failed this many times is given up (state failed). */
  maxAttempts: v.optional(positiveInt, 5),
});

const evidence = v.strictObject({
  /** New chain records are sealed under a signed Merkle root this often. */
  sealEverySec: v.optional(positive, 3600),
  /** Ed25519 private key (PKCS#8 PEM); null: DATA/evidence/signing-key.pem, generated on first use (mode 0600). */
  signingKeyFile: v.optional(v.nullable(v.string('must be a path')), null),
  /** Keep the capture bytes of every version this many days, then only of the first and latest version and pinned ones. null: keep all. */
  keepCapturesDays: v.optional(v.nullable(nonNegative), null),
  wayback: v.optional(wayback, {}),
});

const regexList = v.union([regexSource, v.array(regexSource)], 'must be a regular expression or a list of them');

/** A source as written in the config file (config/sources.ts turns it into a SourceInput). */
export const sourceSpec = v.strictObject({
  /** Short stable key shown to readers, e.g. `bbc`. */
  key: sourceKey,
  name: v.optional(text),
  type: v.optional(sourceType, 'feed'),
  /** The feed (type feed); a page source may name its front page here too. */
  feedUrl: v.optional(httpUrl),
  /** The front page (type page). */
  pageUrl: v.optional(httpUrl),
  /** For `page` sources: article URLs must match this. */
  linkPattern: v.optional(regexSource),
  render: v.optional(renderMode, 'http'),
  /** Poll period: "90s", "5m", "2h", "1d" or seconds; default schedule.feedDefaultPeriodSec. */
  every: v.optional(v.union([v.string(), v.number()], 'must be a duration such as "5m"')),
  include: v.optional(regexList),
  exclude: v.optional(regexList),
});
export type SourceSpec = v.InferOutput<typeof sourceSpec>;

/** The whole config file. Every section may be left out. */
export const configFile = v.strictObject({
  /** postgres://… selects PostgreSQL; absent or null means SQLite at `DATA/redline.db`. */
  databaseUrl: v.optional(
    v.nullable(v.union([postgresUrl, v.pipe(text, v.startsWith('sqlite:'))], 'must start with postgres:// (or be omitted for SQLite)')),
    null,
  ),
  schedule: v.optional(schedule, {}),
  fetch: v.optional(fetch, {}),
  worker: v.optional(worker, {}),
  web: v.optional(web, {}),
  admin: v.optional(admin, {}),
  ops: v.optional(ops, {}),
  websub: v.optional(websub, {}),
  render: v.optional(render, {}),
  evidence: v.optional(evidence, {}),
  limits: v.optional(limits, {}),
  sources: v.optional(v.array(sourceSpec, 'must be a list of sources'), () => []),
  /** Subscriptions, delivery accounts and their settings (notify-schema.ts); notify.ts resolves their secrets (never written inline). */
  notify: v.optional(notifySection, {}),
});
export type ConfigFile = v.InferOutput<typeof configFile>;
