import type { NotifyConfig } from './notify.ts';
import type { SourceInput } from '../model/index.ts';

export type Role = 'web' | 'worker' | 'all';

/** While an article is younger than maxAgeSec it is checked every periodSec. */
export interface ScheduleTier {
  maxAgeSec: number;
  periodSec: number;
}

export interface ScheduleConfig {
  /**
   * Fixed periods for young articles, by age, in increasing maxAgeSec (1 h: 5 min, 6 h: 15 min,
   * 12 h: 30 min). Past the last tier the period adapts (minPeriodSec x backoffFactor). Empty = adaptive from the start.
   */
  tiers: ScheduleTier[];
  /** Shortest adaptive re-check period, and the period after a new version once past the tiers (30 min). */
  minPeriodSec: number;
  /** Period multiplier after a check with no change or an error (1.2). */
  backoffFactor: number;
  /** An article whose period would exceed this is retired (40 days). */
  retireAfterSec: number;
  /** Feed poll period bounds. */
  feedMinPeriodSec: number;
  feedDefaultPeriodSec: number;
  /** Extra backoff for an article that keeps flipping between known versions (multiplier per revert). */
  revertBackoffFactor: number;
}

export interface FetchConfig {
  userAgent: string;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
  perHostConcurrency: number;
  perHostDelayMs: number;
  globalConcurrency: number;
  respectRobots: boolean;
  robotsCacheSec: number;
  /**
   * The SSRF guard is on unless this is true: addresses that are not the public internet (loopback,
   * private, link-local, CGNAT, multicast, reserved, in every IPv4/IPv6 form) are refused, at
   * connect time. True for the demo, tests and intranets.
   */
  allowPrivateNetworks: boolean;
  /** Host names let through the guard even when they resolve to private addresses (one intranet site). */
  allowPrivateHosts: string[];
}

export interface WorkerConfig {
  role: Role;
  /** Articles claimed per batch. */
  batchSize: number;
  /** A claimed article returns to the pool when its lease expires (a crashed worker). */
  leaseSec: number;
  /** Sleep between scheduler ticks when nothing is due. */
  idleMs: number;
  /** Keep the raw HTML of each stored version (compressed). */
  keepRaw: boolean;
  /** Worker threads that parse pages and feeds, so the website never waits on a hostile page. */
  extractThreads: number;
  /** Time budget for parsing one page or feed; over it the check fails with kind `too-complex`. */
  extractBudgetMs: number;
  /** Time budget for parsing one feed (a sitemap of 50,000 URLs takes seconds); over it the poll fails with `too-complex`. */
  feedBudgetMs: number;
  /** Heap budget of each parsing thread, in MB; over it the check fails with kind `too-complex`. */
  extractMemoryMb: number;
}

/** Per-source limits: what is over them is logged and noted on the source (Sources page), never silently dropped. */
export interface LimitsConfig {
  /** New articles one poll of a source may add; the rest wait for a later poll. */
  newArticlesPerPoll: number;
  /** New articles a source may add in 24 hours. */
  newArticlesPerDay: number;
  /** Versions stored per article in 24 hours; a page that changes on every check waits for the window. */
  versionsPerArticlePerDay: number;
  /** Characters of text (headline and paragraphs) kept per version; a longer text is cut there. */
  maxTextChars: number;
}

export interface WebConfig {
  host: string;
  port: number;
  /**
   * Public base URL used in feeds, share cards and self links, e.g. https://redline.example.org.
   * Empty (the default): the address the website actually listens on (see `publicBaseUrl`).
   */
  baseUrl: string;
}

export interface AdminConfig {
  /** How long an admin login (session cookie) lasts. */
  sessionHours: number;
}

export interface OpsConfig {
  /** /readyz fails when workers have beaten before but none within this many seconds. */
  heartbeatStaleSec: number;
  /** /readyz fails when no feed poll has succeeded for this long (once sources have existed that long). */
  maxPollAgeSec: number;
  /** A source is quiet when it found no new article for quietMultiple x its usual interval... */
  quietMultiple: number;
  /** ...and for at least this long (news sites pause at night). */
  quietMinSec: number;
  /** Only sources whose usual interval between new articles is at most this (a day) are watched. */
  quietMaxIntervalSec: number;
  /** Distinct discovery moments needed before a source's usual interval is trusted. */
  quietMinBatches: number;
  /** A source whose polls have all failed for this long is flagged too. */
  failingSec: number;
}

export interface WebSubConfig {
  /**
   * `auto`: subscribe to a feed's WebSub hub when web.baseUrl is a public address (a hub cannot call
   * back a private one); `always` (tests, a hub on the same network); `never`.
   */
  subscribe: 'auto' | 'always' | 'never';
  /** Lease asked of the hub (10 days); renewed when less than a day or a tenth of it remains. */
  leaseSec: number;
  /** While a hub pushes updates, the feed is still polled this often, as a fallback (1 h). */
  fallbackPollSec: number;
}

export interface RenderConfig {
  /** Chromium binary (playwright-core drives it; nothing is downloaded). */
  chromiumPath: string;
  /** Pages rendered at once, in one browser process. */
  maxPages: number;
  /** Sub-requests (scripts, XHR) one page may make; the rest are refused. */
  maxRequests: number;
  /** A browser idle this long is closed, to give its memory back. */
  idleCloseMs: number;
}

/** Save Page Now (Wayback Machine) submissions of new versions. */
export interface WaybackConfig {
  /** Keys of the sources whose new versions are submitted ("*": all). Empty: nothing is submitted. */
  sources: string[];
  /** Base URL of Save Page Now (tests point it at a local fake). */
  endpoint: string;
  /** archive.org S3-style keys (https://archive.org/account/s3.php); anonymous when null. Never logged. */
  accessKey: string | null;
  secretKey: string | null;
  /** At most maxRequests requests (submissions and status checks) in any windowSec, across all workers. */
  maxRequests: number;
  windowSec: number;
  /** Wait between status checks of a submitted capture. */
  statusPollSec: number;
  /** A version whose submission failed this many times is given up (state failed). */
  maxAttempts: number;
}

export interface EvidenceConfig {
  /** New chain records are sealed under a signed Merkle root this often. */
  sealEverySec: number;
  /** Ed25519 private key (PKCS#8 PEM); null: DATA/evidence/signing-key.pem, generated on first use (mode 0600). */
  signingKeyFile: string | null;
  /** Keep the capture bytes of every version this many days, then only of the first and latest version and pinned ones. null: keep all. */
  keepCapturesDays: number | null;
  wayback: WaybackConfig;
}

export interface Config {
  dataDir: string;
  /** postgres://… selects PostgreSQL; null means SQLite at `${dataDir}/redline.db`. */
  databaseUrl: string | null;
  schedule: ScheduleConfig;
  fetch: FetchConfig;
  worker: WorkerConfig;
  web: WebConfig;
  admin: AdminConfig;
  ops: OpsConfig;
  websub: WebSubConfig;
  render: RenderConfig;
  evidence: EvidenceConfig;
  limits: LimitsConfig;
  /** Sources declared in the config file; synced into the database at start. */
  sources: SourceInput[];
  /** Subscriptions, delivery accounts and settings (config file section `notify`). */
  notify: NotifyConfig;
}

/**
 * The base URL links are built on, without a trailing slash: `web.baseUrl` when set, else the
 * address actually listened on (`listening`, e.g. after `--port 0`), else host and port as configured.
 */
export function publicBaseUrl(web: WebConfig, listening?: { host: string; port: number } | null): string {
  if (web.baseUrl) return web.baseUrl.replace(/\/+$/, '');
  const host = listening?.host ?? web.host;
  const port = listening?.port ?? web.port;
  const name = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}
