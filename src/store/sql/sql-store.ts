import type {
  AdminToken,
  Article,
  AuditEntry,
  ArticleEvent,
  ArticleWithSource,
  Change,
  HiddenItem,
  Delivery,
  DeliveryAttempt,
  Millis,
  NewAuditEntry,
  NewEvent,
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
} from '../../model/index.ts';
import { migrate, readSchemaVersion } from '../migrations/index.ts';
import type {
  ArticlePatch,
  ArticleQuery,
  ChangeQuery,
  ChangeBrief,
  CheckResult,
  CheckWrite,
  Hide,
  DeliveryBatch,
  DeliveryOutcome,
  DeliveryQuery,
  Lease,
  MostEdited,
  LeaseHolder,
  NewArticle,
  SearchQuery,
  SourceLimitNote,
  SourcePollResult,
  SourceStatistics,
  Store,
  StoreStats,
  SubscriptionQuery,
} from '../store.ts';
import * as admin from './admin.ts';
import type { EvidenceStore } from '../evidence.ts';
import * as articles from './articles.ts';
import { backfillEvidence } from './backfill.ts';
import * as statistics from './statistics.ts';
import { listChangeBriefs, listChanges } from './changes.ts';
import { applyCheck } from './checks.ts';
import type { Db } from './db.ts';
import * as deliveries from './deliveries.ts';
import * as events from './events.ts';
import * as moderation from './moderation.ts';
import * as ops from './ops.ts';
import { createEvidenceStore } from './evidence-store.ts';
import * as leases from './leases.ts';
import * as limits from './limits.ts';
import { search, type SearchHooks } from './search.ts';
import * as sources from './sources.ts';
import * as subscriptions from './subscriptions.ts';
import * as versions from './versions.ts';
import * as websub from './websub.ts';

/** Everything that differs between SQLite and PostgreSQL; the rest of the SQL is shared. */
export interface Dialect extends versions.VersionHooks, SearchHooks {
  readonly kind: 'sqlite' | 'postgres';
  claimDueSources(db: Db, now: Millis, limit: number, lease: Lease): Promise<Source[]>;
  claimDueArticles(db: Db, now: Millis, limit: number, lease: Lease, perHostLimit: number, dueBefore: Millis): Promise<Article[]>;
  /** Serialises migrators running at the same time (called inside the migration transaction). */
  migrationLock(tx: Db): Promise<void>;
  /** The database server's time. */
  clock(db: Db): Promise<Millis>;
}

/** The Store on top of a Db: shared SQL plus a dialect for claims, locking and full-text search. */
export class SqlStore implements Store {
  readonly kind: 'sqlite' | 'postgres';
  readonly evidence: EvidenceStore;

  constructor(
    readonly db: Db,
    private readonly dialect: Dialect,
  ) {
    this.kind = dialect.kind;
    this.evidence = createEvidenceStore(db);
  }

  migrate = async (): Promise<void> => {
    await migrate(this.db, (tx) => this.dialect.migrationLock(tx));
    await backfillEvidence(this.db, this.dialect);
  };
  schemaVersion = (): Promise<number> => readSchemaVersion(this.db);
  close = (): Promise<void> => this.db.close();

  upsertSource = (input: SourceInput, now: Millis): Promise<Source> => sources.upsertSource(this.db, input, now);
  removeSource = (key: string): Promise<boolean> => sources.removeSource(this.db, key);
  getSource = (idOrKey: number | string): Promise<Source | null> => sources.getSource(this.db, idOrKey);
  listSources = (): Promise<SourceWithStats[]> => sources.listSources(this.db);
  claimDueSources = (now: Millis, limit: number, lease: Lease): Promise<Source[]> =>
    this.dialect.claimDueSources(this.db, now, limit, lease);
  recordSourcePoll = (sourceId: number, result: SourcePollResult): Promise<void> => sources.recordSourcePoll(this.db, sourceId, result);
  markSourceDue = (sourceId: number, at: Millis): Promise<boolean> => sources.markSourceDue(this.db, sourceId, at);

  getWebSub = (sourceId: number): Promise<WebSubSubscription | null> => websub.getWebSub(this.db, sourceId);
  saveWebSub = (subscription: WebSubSubscription): Promise<void> => websub.saveWebSub(this.db, subscription);

  upsertArticle = (input: NewArticle): Promise<{ article: Article; created: boolean }> => articles.upsertArticle(this.db, input);
  getArticle = (id: number): Promise<ArticleWithSource | null> => articles.getArticle(this.db, id);
  removeArticle = (id: number): Promise<boolean> => articles.removeArticle(this.db, id);
  getArticleByUrl = (url: string): Promise<Article | null> => articles.getArticleByUrl(this.db, url);
  listArticles = (query: ArticleQuery): Promise<Page<ArticleWithSource>> => articles.listArticles(this.db, query);
  claimDueArticles = (now: Millis, limit: number, lease: Lease, perHostLimit: number, dueBefore: Millis = now): Promise<Article[]> =>
    this.dialect.claimDueArticles(this.db, now, limit, lease, perHostLimit, dueBefore);
  updateArticle = (id: number, patch: ArticlePatch): Promise<void> => articles.updateArticle(this.db, id, patch);

  addVersion = (articleId: number, number: number, input: VersionInput): Promise<Version> =>
    versions.addVersion(this.db, this.dialect, articleId, number, input);
  listVersions = (articleId: number, options?: { includeHidden?: boolean }): Promise<Version[]> =>
    versions.listVersions(this.db, articleId, options);
  getVersion = (articleId: number, number: number): Promise<Version | null> => versions.getVersion(this.db, articleId, number);
  listFingerprints = (articleId: number): Promise<VersionFingerprint[]> => versions.listFingerprints(this.db, articleId);
  getVersions = (refs: { articleId: number; number: number }[]): Promise<Version[]> => versions.getVersions(this.db, refs);
  getLatestVersion = (articleId: number): Promise<Version | null> => versions.getLatestVersion(this.db, articleId);
  getRawHtml = (articleId: number, number: number): Promise<Uint8Array | null> => versions.getRawHtml(this.db, articleId, number);
  setBaseline = (versionId: number, fingerprint: string, extractorVersion: string): Promise<void> =>
    versions.setBaseline(this.db, versionId, fingerprint, extractorVersion);
  listUnlabelledVersions = (limit: number): Promise<{ articleId: number; number: number }[]> =>
    versions.listUnlabelledVersions(this.db, limit);
  setVersionChange = (articleId: number, number: number, change: VersionChange): Promise<void> =>
    versions.setVersionChange(this.db, articleId, number, change);

  addEvent = (event: NewEvent): Promise<ArticleEvent> => events.addEvent(this.db, this.dialect, event);
  listEvents = (articleId: number): Promise<ArticleEvent[]> => events.listEvents(this.db, articleId);
  applyCheck = (articleId: number, check: CheckWrite): Promise<CheckResult> => applyCheck(this.db, this.dialect, articleId, check);

  listChanges = (query: ChangeQuery): Promise<Page<Change>> => listChanges(this.db, query);
  listChangeBriefs = (query: ChangeQuery): Promise<Page<ChangeBrief>> => listChangeBriefs(this.db, query);
  search = (query: SearchQuery): Promise<Page<SearchHit>> => search(this.db, this.dialect, query);

  sourceStatistics = (hours?: number): Promise<SourceStatistics[]> => statistics.sourceStatistics(this.db, hours);
  mostEdited = (since: Millis, limit: number): Promise<MostEdited[]> => statistics.mostEdited(this.db, since, limit);

  countNewArticles = (sourceId: number, since: Millis): Promise<number> => limits.countNewArticles(this.db, sourceId, since);
  knownArticleUrls = (urls: string[]): Promise<Set<string>> => limits.knownArticleUrls(this.db, urls);
  countVersionsSince = (articleId: number, since: Millis): Promise<number> => limits.countVersionsSince(this.db, articleId, since);
  recordSourceLimit = (sourceId: number, note: SourceLimitNote): Promise<void> => limits.recordSourceLimit(this.db, sourceId, note);

  renewLeases = (lease: Lease, articleIds: number[], sourceIds: number[]): Promise<void> =>
    leases.renewLeases(this.db, lease, articleIds, sourceIds);
  leaseHolders = (now: Millis): Promise<LeaseHolder[]> => leases.leaseHolders(this.db, now);
  releaseLeases = (workerId: string, now: Millis): Promise<number> => leases.releaseLeases(this.db, workerId, now);
  dueBacklog = (now: Millis, dueBefore: Millis): Promise<{ due: number; leased: number }> => leases.dueBacklog(this.db, now, dueBefore);
  clock = (): Promise<Millis> => this.dialect.clock(this.db);
  readerGeneration = async (): Promise<number> =>
    Number((await this.db.get<{ n: number | string }>('SELECT SUM(n) AS n FROM reader_generation'))?.n ?? 0);
  addSubscription = (input: SubscriptionInput, status: 'pending' | 'active', now: Millis): Promise<Subscription> =>
    subscriptions.addSubscription(this.db, input, status, now);
  getSubscription = (id: number): Promise<Subscription | null> => subscriptions.getSubscription(this.db, id);
  listSubscriptions = (query?: SubscriptionQuery): Promise<Subscription[]> => subscriptions.listSubscriptions(this.db, query);
  subscriptionToken = (id: number): Promise<string | null> => subscriptions.subscriptionToken(this.db, id);
  confirmSubscription = (token: string, now: Millis): Promise<Subscription | null> =>
    subscriptions.confirmSubscription(this.db, token, now);
  unsubscribe = (idOrToken: number | string, now: Millis): Promise<Subscription | null> =>
    subscriptions.unsubscribe(this.db, idOrToken, now);
  countConfirmations = (address: string, since: Millis): Promise<number> => subscriptions.countConfirmations(this.db, address, since);
  claimDueDeliveries = (now: Millis, limit: number, lease: Lease): Promise<DeliveryBatch[]> =>
    deliveries.claimDueDeliveries(this.db, now, limit, lease);
  completeDeliveries = (ids: number[], outcome: DeliveryOutcome): Promise<void> => deliveries.completeDeliveries(this.db, ids, outcome);
  getDelivery = (id: number): Promise<Delivery | null> => deliveries.getDelivery(this.db, id);
  listDeliveries = (query: DeliveryQuery): Promise<Page<Delivery>> => deliveries.listDeliveries(this.db, query);
  listDeliveryAttempts = (deliveryId: number): Promise<DeliveryAttempt[]> => deliveries.listDeliveryAttempts(this.db, deliveryId);
  redeliver = (id: number, now: Millis): Promise<Delivery | null> => deliveries.redeliver(this.db, id, now);
  getSocialThread = (lane: string, articleId: number): Promise<SocialThread | null> => deliveries.getSocialThread(this.db, lane, articleId);

  stats = async (): Promise<StoreStats> => {
    const row = await this.db.get<Record<string, number>>(
      `SELECT (SELECT COUNT(*) FROM sources) AS sources, (SELECT COUNT(*) FROM articles WHERE hidden_at IS NULL) AS articles,
        (SELECT COUNT(*) FROM versions v JOIN articles a ON a.id = v.article_id WHERE v.hidden_at IS NULL AND a.hidden_at IS NULL) AS versions`,
    );
    return { sources: Number(row?.sources), articles: Number(row?.articles), versions: Number(row?.versions) };
  };

  setArticleHidden = (articleId: number, hide: Hide | null): Promise<boolean> => moderation.setArticleHidden(this.db, articleId, hide);
  setVersionHidden = (articleId: number, number: number, hide: Hide | null): Promise<boolean> =>
    moderation.setVersionHidden(this.db, articleId, number, hide);
  listHidden = (): Promise<HiddenItem[]> => moderation.listHidden(this.db);
  setSourcePaused = (key: string, at: Millis | null): Promise<boolean> => moderation.setSourcePaused(this.db, key, at);
  addAudit = (entry: NewAuditEntry): Promise<AuditEntry> => moderation.addAudit(this.db, entry);
  listAudit = (query: { limit: number; cursor?: string | null }): Promise<Page<AuditEntry>> => moderation.listAudit(this.db, query);

  createAdminToken = (name: string, tokenHash: string, now: Millis): Promise<AdminToken> =>
    admin.createAdminToken(this.db, name, tokenHash, now);
  listAdminTokens = (): Promise<AdminToken[]> => admin.listAdminTokens(this.db);
  revokeAdminToken = (name: string, now: Millis): Promise<boolean> => admin.revokeAdminToken(this.db, name, now);
  useAdminToken = (tokenHash: string, now: Millis): Promise<AdminToken | null> => admin.useAdminToken(this.db, tokenHash, now);
  createAdminSession = (idHash: string, tokenId: number, now: Millis, expiresAt: Millis): Promise<void> =>
    admin.createAdminSession(this.db, idHash, tokenId, now, expiresAt);
  getAdminSession = (idHash: string, now: Millis): Promise<AdminToken | null> => admin.getAdminSession(this.db, idHash, now);
  deleteAdminSession = (idHash: string): Promise<void> => admin.deleteAdminSession(this.db, idHash);

  recordHeartbeat = (heartbeat: WorkerHeartbeat): Promise<void> => ops.recordHeartbeat(this.db, heartbeat);
  removeHeartbeat = (workerId: string): Promise<void> => ops.removeHeartbeat(this.db, workerId);
  listHeartbeats = (): Promise<WorkerHeartbeat[]> => ops.listHeartbeats(this.db);
  recentDiscoveries = (sourceId: number, limit: number): Promise<Millis[]> => ops.recentDiscoveries(this.db, sourceId, limit);
  countDueArticles = (now: Millis): Promise<number> => ops.countDueArticles(this.db, now);
}
