// The argument and result types of the Store interface (store.ts).
import type {
  ArticleEvent,
  ArticleStatus,
  ArticleWithSource,
  ChangeLabel,
  ChangeLevel,
  EventKind,
  Delivery,
  DeliveryStatus,
  Millis,
  NewEvent,
  PollStatus,
  SocialThread,
  Subscription,
  SubscriptionStatus,
  Version,
  VersionInput,
} from '../model/index.ts';

/** Who holds claimed work and until when; work whose lease has expired can be claimed again. */
export interface Lease {
  workerId: string;
  until: Millis;
}

export interface SourcePollResult {
  at: Millis;
  status: PollStatus;
  error: string | null;
  etag: string | null;
  lastModified: string | null;
  nextPollAt: Millis;
  /** Shown with an ok status, e.g. "recovered 12 items after an XML error at line 40"; null clears it. */
  note?: string | null;
}

export interface NewArticle {
  sourceId: number;
  url: string;
  host: string;
  feedTitle: string | null;
  feedPublishedAt: Millis | null;
  now: Millis;
  /** Period a new article starts with; it is due at once (`nextCheckAt = now`). */
  checkPeriodSec: number;
}

/** Fields the tracker changes after a check. Omitted fields are left alone. Always releases the lease. */
export interface ArticlePatch {
  status?: ArticleStatus;
  checkPeriodSec?: number;
  nextCheckAt?: Millis | null;
  lastCheckedAt?: Millis;
  lastError?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  url?: string;
  bodyDigest?: string | null;
}

export interface ArticleQuery {
  sourceId?: number;
  status?: ArticleStatus;
  /** Only articles with at least this many versions. */
  minVersions?: number;
  /** Also list hidden articles (admin tools, `db copy`); readers never see them. */
  includeHidden?: boolean;
  limit: number;
  cursor?: string | null;
}

/** Which version changes a list or search keeps, by their stored change (labels and level). */
export interface ChangeFilter {
  /** Only versions of at least this level ('minor' keeps every version, unlabelled ones too). */
  minLevel?: ChangeLevel;
  /** Only versions carrying at least one of these labels. */
  labels?: ChangeLabel[];
}

export interface ChangeQuery extends ChangeFilter {
  sourceId?: number;
  articleId?: number;
  /**
   * Events listed with the versions (of removed, restored, revert): by default all three, or none when
   * a level or label filter is set (events have neither); [] lists versions only.
   */
  eventKinds?: EventKind[];
  limit: number;
  cursor?: string | null;
}

/** The fields of an article a change feed item names (listChangeBriefs). */
export interface ArticleBrief {
  id: number;
  title: string | null;
  url: string;
  sourceKey: string;
}

/**
 * A change as a feed item needs it: what listChanges lists, in its order and pages, with only the
 * article's link fields and the version's number, title and labels (no text, no other columns).
 */
export type ChangeBrief =
  | {
      type: 'version';
      at: Millis;
      article: ArticleBrief;
      version: { id: number; articleId: number; number: number; title: string; labels: ChangeLabel[] };
    }
  | { type: 'event'; at: Millis; article: ArticleBrief; event: ArticleEvent };

export interface SearchQuery extends ChangeFilter {
  /** User query: words, and "phrases in quotes". */
  text: string;
  sourceId?: number;
  /** Only versions captured at or after `from` and before `to`. */
  from?: Millis;
  to?: Millis;
  /**
   * Which matching versions get a snippet: all of them (the default), or only each hit's newest (the
   * others get ''), for a page that shows one extract per article: a snippet costs a probe of the
   * full-text index and a read of the version's text.
   */
  snippets?: 'all' | 'newest';
  limit: number;
  cursor?: string | null;
}

/** An admin's legal hide: when, and why (kept for the audit trail and the admin pages, never shown to readers). */
export interface Hide {
  at: Millis;
  reason: string;
}

/** What the statistics pages show per source (see Store.sourceStatistics). */
export interface SourceStatistics {
  sourceId: number;
  articles: number;
  /** Articles with two or more versions. */
  editedArticles: number;
  versions: number;
  /** Edits (versions 2+) and how many of them changed the headline. */
  edits: number;
  headlineEdits: number;
  /** Milliseconds from publication (feed time, else first seen) to the first edit, one per edited article. */
  firstEditDelays: number[];
  /** Edits by whole hours since publication: index 0 = within the first hour; the last bucket holds everything later. */
  editsByHour: number[];
}

export interface MostEdited {
  article: ArticleWithSource;
  /** Edits (versions 2+) captured in the period. */
  edits: number;
  lastEditAt: Millis;
}

/** What a per-source limit held back (recorded on the source, shown on the Sources page). */
export interface SourceLimitNote {
  at: Millis;
  /** How many items were held back. */
  count: number;
  note: string;
}

export interface LeaseHolder {
  workerId: string;
  articles: number;
  sources: number;
}

export interface SubscriptionQuery {
  status?: SubscriptionStatus;
  address?: string;
  origin?: Subscription['origin'];
}

export interface DeliveryQuery {
  subscriptionId?: number;
  status?: DeliveryStatus;
  limit: number;
  cursor?: string | null;
}

/** Deliveries claimed together: one, or every due change of a digest subscription. */
export interface DeliveryBatch {
  subscription: Subscription;
  deliveries: Delivery[];
}

/** How an attempt at a batch of deliveries went. */
export type DeliveryOutcome =
  | {
      ok: true;
      at: Millis;
      durationMs: number;
      /** What the far end answered, e.g. the post's URL. */
      response?: string | null;
      /** The post just made, to reply to next time (social channels). */
      thread?: SocialThread;
      /** A rate-limited account (lane) may post again from then on. */
      laneNextAt?: Millis;
    }
  | {
      ok: false;
      at: Millis;
      durationMs: number;
      error: string;
      /** When to try again; null gives up (the delivery is marked failed). */
      retryAt: Millis | null;
    };

/** What one check writes (Store.applyCheck). */
export interface CheckWrite {
  /** A new version: `number` must be the article's versionCount + 1 (as addVersion). */
  version?: { number: number; input: VersionInput } | null;
  /** Events the check recorded, in order (as addEvent: removed, restored and reverts join the chain). */
  events: Omit<NewEvent, 'articleId'>[];
  /** The article's state after the check (as updateArticle: releases the lease). */
  patch: ArticlePatch;
}

export interface CheckResult {
  version: Version | null;
  events: ArticleEvent[];
}

export interface StoreStats {
  sources: number;
  articles: number;
  versions: number;
}
