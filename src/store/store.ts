import type {
  AdminToken,
  Article,
  AuditEntry,
  ArticleEvent,
  ArticleWithSource,
  Change,
  Delivery,
  DeliveryAttempt,
  Millis,
  NewEvent,
  HiddenItem,
  NewAuditEntry,
  Page,
  SearchHit,
  Source,
  SourceInput,
  SourceWithStats,
  SocialThread,
  Subscription,
  SubscriptionInput,
  Version,
  VersionChange,
  VersionFingerprint,
  VersionInput,
  WorkerHeartbeat,
  WebSubSubscription,
} from '../model/index.ts';
import type { EvidenceStore } from './evidence.ts';
import type {
  Lease,
  SourcePollResult,
  NewArticle,
  ArticlePatch,
  ArticleQuery,
  ChangeQuery,
  ChangeBrief,
  SearchQuery,
  Hide,
  SourceStatistics,
  MostEdited,
  SourceLimitNote,
  LeaseHolder,
  SubscriptionQuery,
  DeliveryQuery,
  DeliveryBatch,
  DeliveryOutcome,
  CheckWrite,
  CheckResult,
  StoreStats,
} from './store-types.ts';

export type * from './store-types.ts';

/**
 * Everything Redline keeps. One implementation per database (SQLite, PostgreSQL); both pass the
 * shared contract suite in `contract.case.ts`. All methods are safe to call from several
 * processes at once on PostgreSQL.
 */
export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Exact captures, the hash chain, signed roots, the Wayback queue (store/evidence.ts). */
  readonly evidence: EvidenceStore;
  /** Applies pending migrations; throws SchemaTooNewError when the database is newer than this code. */
  migrate(): Promise<void>;
  schemaVersion(): Promise<number>;
  close(): Promise<void>;

  // --- sources
  /** Creates or updates (by key) a source. A new source is due at once. */
  upsertSource(input: SourceInput, now: Millis): Promise<Source>;
  removeSource(key: string): Promise<boolean>;
  getSource(idOrKey: number | string): Promise<Source | null>;
  listSources(): Promise<SourceWithStats[]>;
  /** Enabled sources with nextPollAt <= now and no live lease, leased to the caller. */
  claimDueSources(now: Millis, limit: number, lease: Lease): Promise<Source[]>;
  /** Records a poll outcome and releases the lease. */
  recordSourcePoll(sourceId: number, result: SourcePollResult): Promise<void>;
  /** Makes an enabled source due at `at` unless it is due sooner (a WebSub push). False when there is no such enabled source. */
  markSourceDue(sourceId: number, at: Millis): Promise<boolean>;

  // --- WebSub
  getWebSub(sourceId: number): Promise<WebSubSubscription | null>;
  /** Creates or replaces the source's subscription. */
  saveWebSub(subscription: WebSubSubscription): Promise<void>;

  // --- articles
  /** Inserts by canonical URL unless it exists (then returns the existing one, unchanged). */
  upsertArticle(input: NewArticle): Promise<{ article: Article; created: boolean }>;
  getArticle(id: number): Promise<ArticleWithSource | null>;
  getArticleByUrl(url: string): Promise<Article | null>;
  listArticles(query: ArticleQuery): Promise<Page<ArticleWithSource>>;
  /**
   * Articles with nextCheckAt <= dueBefore (default `now`; oldest due first) and no live lease,
   * leased to the caller. A lease is live while its `until` > `now`, so a crashed worker's expired
   * lease comes back as soon as `now` passes it, even when `dueBefore` is earlier (e.g. the start of
   * a pass, which keeps rescheduled articles out of that pass).
   * At most `perHostLimit` articles of one host are under a live lease at any time, across all workers.
   */
  claimDueArticles(now: Millis, limit: number, lease: Lease, perHostLimit: number, dueBefore?: Millis): Promise<Article[]>;
  /** Applies the patch and releases the lease. */
  updateArticle(id: number, patch: ArticlePatch): Promise<void>;
  /** Deletes an article with its versions and events (e.g. a `check URL` that was never readable); false when absent. */
  removeArticle(id: number): Promise<boolean>;

  // --- versions
  /**
   * Stores version `number` (must be versionCount + 1) and updates the article's versionCount,
   * lastVersionAt and title in one transaction. Throws VersionConflictError when that number exists.
   */
  addVersion(articleId: number, number: number, input: VersionInput): Promise<Version>;
  /** Visible versions in order; `includeHidden` adds hidden ones (the tracker compares against every capture). */
  listVersions(articleId: number, options?: { includeHidden?: boolean }): Promise<Version[]>;
  getVersion(articleId: number, number: number): Promise<Version | null>;
  /** Every version's fingerprints (hidden ones included), newest first, without the text: what the tracker compares. */
  listFingerprints(articleId: number): Promise<VersionFingerprint[]>;
  /** These versions (hidden ones included) in one query; absent ones are left out, the order is not kept. */
  getVersions(refs: { articleId: number; number: number }[]): Promise<Version[]>;
  getLatestVersion(articleId: number): Promise<Version | null>;
  /** The raw HTML kept with a version, decompressed. */
  getRawHtml(articleId: number, number: number): Promise<Uint8Array | null>;
  /** Records the fingerprint of this version's raw HTML under newer extraction rules. */
  setBaseline(versionId: number, fingerprint: string, extractorVersion: string): Promise<void>;
  /** Up to `limit` versions numbered 2+ whose change (labels, level…) was never computed, oldest first. */
  listUnlabelledVersions(limit: number): Promise<{ articleId: number; number: number }[]>;
  /** Records a version's change against the previous version; NotFoundError when the version does not exist. */
  setVersionChange(articleId: number, number: number, change: VersionChange): Promise<void>;

  // --- events
  addEvent(event: NewEvent): Promise<ArticleEvent>;
  listEvents(articleId: number): Promise<ArticleEvent[]>;
  /**
   * Writes one check in one transaction: the article patch, the version, then the events. Throws
   * VersionConflictError, having written nothing, when another writer stored that version first.
   */
  applyCheck(articleId: number, check: CheckWrite): Promise<CheckResult>;

  // --- reading
  /** Versions numbered 2+ and removed/restored/revert events, newest first. */
  listChanges(query: ChangeQuery): Promise<Page<Change>>;
  /** The same changes as listChanges (same order, filters and cursors), each as little as a feed item needs: one narrow read. */
  listChangeBriefs(query: ChangeQuery): Promise<Page<ChangeBrief>>;
  search(query: SearchQuery): Promise<Page<SearchHit>>;
  stats(): Promise<StoreStats>;

  // --- moderation (every reader query above leaves hidden articles and versions out)
  /** Hides (or, with null, unhides) an article; false when it does not exist. */
  setArticleHidden(articleId: number, hide: Hide | null): Promise<boolean>;
  /** Hides or unhides one version; the article's headline becomes that of its latest visible version. */
  setVersionHidden(articleId: number, number: number, hide: Hide | null): Promise<boolean>;
  /** Hidden articles and hidden versions, most recently hidden first. */
  listHidden(): Promise<HiddenItem[]>;
  /** Pauses (at) or resumes (null) a source: a paused source is not polled and its articles are not claimed. */
  setSourcePaused(key: string, at: Millis | null): Promise<boolean>;
  addAudit(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first. */
  listAudit(query: { limit: number; cursor?: string | null }): Promise<Page<AuditEntry>>;

  // --- admin access (only sha256 hashes of tokens and session ids are stored)
  /** Throws UsageError when the name is taken. */
  createAdminToken(name: string, tokenHash: string, now: Millis): Promise<AdminToken>;
  listAdminTokens(): Promise<AdminToken[]>;
  /** Revokes a live token and ends its sessions; false when there is none of that name. */
  revokeAdminToken(name: string, now: Millis): Promise<boolean>;
  /** The live token with this hash (its last use recorded), or null. */
  useAdminToken(tokenHash: string, now: Millis): Promise<AdminToken | null>;
  createAdminSession(idHash: string, tokenId: number, now: Millis, expiresAt: Millis): Promise<void>;
  /** The token behind a session that has not expired and whose token is not revoked, or null. */
  getAdminSession(idHash: string, now: Millis): Promise<AdminToken | null>;
  deleteAdminSession(idHash: string): Promise<void>;

  // --- operations
  /** Creates or updates a worker's heartbeat row (rows silent for a day are forgotten). */
  recordHeartbeat(heartbeat: WorkerHeartbeat): Promise<void>;
  removeHeartbeat(workerId: string): Promise<void>;
  /** Most recent beat first. */
  listHeartbeats(): Promise<WorkerHeartbeat[]>;
  /** When the source's latest articles were first seen, newest first. */
  recentDiscoveries(sourceId: number, limit: number): Promise<Millis[]>;
  /** Articles due at `now` (not retired, source not paused), leases ignored: the backlog. */
  countDueArticles(now: Millis): Promise<number>;

  // --- statistics (hidden articles and versions left out)
  /** Per-source statistics, one entry per source (full scans: callers cache them). `hours` buckets (default 48). */
  sourceStatistics(hours?: number): Promise<SourceStatistics[]>;
  /** Articles with the most edits captured at or after `since`, most first (ties: latest edit first). */
  mostEdited(since: Millis, limit: number): Promise<MostEdited[]>;

  // --- per-source limits
  /** Articles of the source first seen at or after `since`. */
  countNewArticles(sourceId: number, since: Millis): Promise<number>;
  /** Which of these (canonical) article URLs are already tracked. */
  knownArticleUrls(urls: string[]): Promise<Set<string>>;
  /** Versions of the article captured at or after `since`. */
  countVersionsSince(articleId: number, since: Millis): Promise<number>;
  /** Adds `count` to the source's over-limit tally and records when and what was held back. */
  recordSourceLimit(sourceId: number, note: SourceLimitNote): Promise<void>;

  // --- leases and time
  /** Moves the caller's leases on these articles and sources to `lease.until` (a heartbeat while work runs). */
  renewLeases(lease: Lease, articleIds: number[], sourceIds: number[]): Promise<void>;
  /** Every worker holding a live lease, with how many articles and sources it holds. */
  leaseHolders(now: Millis): Promise<LeaseHolder[]>;
  /** Releases the live leases of `workerId` (a process known to be dead); returns how many. */
  releaseLeases(workerId: string, now: Millis): Promise<number>;
  /** Articles due by `dueBefore` (not retired, source not paused), and articles under a live lease. */
  dueBacklog(now: Millis, dueBefore: Millis): Promise<{ due: number; leased: number }>;
  /** The database's clock: PostgreSQL's server time (shared by every worker), this machine's for SQLite. */
  clock(): Promise<Millis>;
  /**
   * The reader generation (migration 12): grows with every committed write a reader could see, from
   * any process; a page rendered after reading generation G is current while the generation is still G.
   */
  readerGeneration(): Promise<number>;
  // --- subscriptions and deliveries (migration 9)
  /**
   * Adds a subscription (or, for a configKey that exists, updates it and makes it active again).
   * A `pending` subscription gets its confirmation delivery in the same transaction.
   */
  addSubscription(input: SubscriptionInput, status: 'pending' | 'active', now: Millis): Promise<Subscription>;
  getSubscription(id: number): Promise<Subscription | null>;
  listSubscriptions(query?: SubscriptionQuery): Promise<Subscription[]>;
  /** The secret token of confirmation and unsubscribe links; never part of a Subscription. */
  subscriptionToken(id: number): Promise<string | null>;
  /** Makes the pending subscription with this token active; null when no subscription has the token. */
  confirmSubscription(token: string, now: Millis): Promise<Subscription | null>;
  /** Ends a subscription (by id or token) and cancels its pending deliveries. */
  unsubscribe(idOrToken: number | string, now: Millis): Promise<Subscription | null>;
  /** Confirmation mails queued for this address since `since` (the form's per-address limit). */
  countConfirmations(address: string, since: Millis): Promise<number>;
  /**
   * Due pending deliveries without a live lease, leased to the caller, their attempt counted. A
   * rate-limited lane (social account) gives at most one delivery, and only once its next_at has
   * passed; an ordered lane keeps each article's posts in order. A digest subscription's due
   * changes come as one batch.
   */
  claimDueDeliveries(now: Millis, limit: number, lease: Lease): Promise<DeliveryBatch[]>;
  /** Records an attempt at these deliveries and its outcome, and releases their lease. */
  completeDeliveries(ids: number[], outcome: DeliveryOutcome): Promise<void>;
  getDelivery(id: number): Promise<Delivery | null>;
  /** Newest first. */
  listDeliveries(query: DeliveryQuery): Promise<Page<Delivery>>;
  listDeliveryAttempts(deliveryId: number): Promise<DeliveryAttempt[]>;
  /** Queues a sent or failed delivery again, with the same idempotency key. */
  redeliver(id: number, now: Millis): Promise<Delivery | null>;
  getSocialThread(lane: string, articleId: number): Promise<SocialThread | null>;
}
