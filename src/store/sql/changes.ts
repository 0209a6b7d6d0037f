import type { ArticleWithSource, Change, ChangeLabel, EventKind, Page } from '../../model/index.ts';
import type { ChangeBrief, ChangeQuery } from '../store.ts';
import { labelCondition, levelCondition } from './change-filter.ts';
import { decodeCursor, pageOf } from './cursor.ts';
import { placeholders, type Db, type Param } from './db.ts';
import { ARTICLE_WITH_SOURCE_COLUMNS, EVENT_COLUMNS, VERSION_HEAD_COLUMNS, toArticleWithSource, toEvent, toVersionHead } from './rows.ts';

/** Events that are news in themselves and belong in the recent-changes list. */
export const CHANGE_EVENT_KINDS: EventKind[] = ['removed', 'restored', 'revert'];

/**
 * A version change is listed when its article and the version are visible, and the version before it
 * too: its diff would otherwise show the hidden text. (The article page still lists the version.)
 */
const VISIBLE_VERSION_CHANGE = `x.hidden_at IS NULL AND NOT EXISTS (SELECT 1 FROM versions pv
  WHERE pv.article_id = x.article_id AND pv.number = x.number - 1 AND pv.hidden_at IS NOT NULL)`;

/** The source of the row's article, or NULL when the article is hidden (legally removed). */
const VISIBLE_ARTICLE_SOURCE = '(SELECT a.source_id FROM articles a WHERE a.id = x.article_id AND a.hidden_at IS NULL)';

// Versions (rank 1) and events (rank 0) share one keyset order: (at, rank, id) descending.
interface ChangeKey {
  at: number;
  rank: number;
  id: number;
}

export async function listChanges(db: Db, q: ChangeQuery): Promise<Page<Change>> {
  const page = await changeKeys(db, q);
  return { items: await hydrate(db, page.items), nextCursor: page.nextCursor };
}

/** listChanges' page with the few columns a feed item needs: versions and their articles read in one narrow join. */
export async function listChangeBriefs(db: Db, q: ChangeQuery): Promise<Page<ChangeBrief>> {
  const page = await changeKeys(db, q);
  return { items: await hydrateBriefs(db, page.items), nextCursor: page.nextCursor };
}

/** One page of change keys, newest first. */
async function changeKeys(db: Db, q: ChangeQuery): Promise<Page<ChangeKey>> {
  // The article is looked up per row by a scalar subquery, not joined: a join made SQLite build a
  // bloom filter over every article on each call (0.8 ms at 10,000 articles, growing with them;
  // the subquery form reads only the rows of the page, 0.1 ms).
  const filter: string[] = [];
  const filterParams: Param[] = [];
  if (q.sourceId !== undefined) (filter.push(`${VISIBLE_ARTICLE_SOURCE} = ?`), filterParams.push(q.sourceId));
  else filter.push(`${VISIBLE_ARTICLE_SOURCE} IS NOT NULL`);
  if (q.articleId !== undefined) (filter.push('x.article_id = ?'), filterParams.push(q.articleId));
  const before = q.cursor ? decodeCursor(q.cursor, 3) : null;
  let n = 0;
  const branch = (table: string, at: string, rank: number, cond: string, condParams: Param[]) => {
    const where = [cond, ...filter];
    const params = [...condParams, ...filterParams];
    if (before) {
      // Expanded rather than a row-value comparison so PostgreSQL infers the parameter types.
      where.push(`(${at} < ? OR (${at} = ? AND (${rank} < ? OR (${rank} = ? AND x.id < ?))))`);
      params.push(before[0], before[0], before[1], before[1], before[2]);
    }
    // Each branch is cut to one page in its own index order before the merge, so the cost follows the page size.
    const sql = `SELECT * FROM (SELECT ${at} AS at, ${rank} AS rank, x.id AS id FROM ${table} x
      WHERE ${where.join(' AND ')}
      ORDER BY ${at} DESC, x.id DESC LIMIT ?) page_${n++}`;
    return { sql, params: [...params, q.limit + 1] };
  };
  const branches = versionBranches(q).map((cond) => branch('versions', 'x.captured_at', 1, cond, []));
  const eventKinds = (q.eventKinds ?? (isFiltered(q) ? [] : CHANGE_EVENT_KINDS)).filter((k) => CHANGE_EVENT_KINDS.includes(k));
  if (eventKinds.length) {
    branches.push(branch('events', 'x.at', 0, `x.kind IN (${placeholders(eventKinds.length)})`, eventKinds));
  }
  // UNION, not UNION ALL: a version carrying two of the labels asked for comes from two branches.
  const keys = await db.all<ChangeKey>(
    `SELECT at, rank, id FROM (${branches.map((b) => b.sql).join(' UNION ')}) c ORDER BY at DESC, rank DESC, id DESC LIMIT ?`,
    [...branches.flatMap((b) => b.params), q.limit + 1],
  );
  return pageOf(keys.map(normalizeKey), q.limit, (k) => [k.at, k.rank, k.id]);
}

/** A level or label filter lists versions only, unless the query names events too. */
function isFiltered(q: ChangeQuery): boolean {
  return (q.minLevel !== undefined && q.minLevel !== 'minor') || !!q.labels?.length;
}

/**
 * The version branches' conditions: one branch per label asked for (each reads its own partial index,
 * migration 11), else one; the level, when asked for, narrows each.
 */
function versionBranches(q: ChangeQuery): string[] {
  const base = `x.number >= 2 AND ${VISIBLE_VERSION_CHANGE}`;
  const level = q.minLevel ? levelCondition(q.minLevel, 'x.change_level') : null;
  const withLevel = level ? `${base} AND ${level}` : base;
  if (!q.labels?.length) return [withLevel];
  return [...new Set(q.labels)].map((label) => `${withLevel} AND ${labelCondition(label, 'x.change_labels')}`);
}

function normalizeKey(k: ChangeKey): ChangeKey {
  return { at: Number(k.at), rank: Number(k.rank), id: Number(k.id) };
}

/** Loads the versions, events and articles behind a page of keys, keeping the page's order. */
async function hydrate(db: Db, keys: ChangeKey[]): Promise<Change[]> {
  const versionIds = keys.filter((k) => k.rank === 1).map((k) => k.id);
  const eventIds = keys.filter((k) => k.rank === 0).map((k) => k.id);
  // No text: a change list shows what changed (the stored change), never the paragraphs.
  const versions = versionIds.length
    ? (await db.all(`SELECT ${VERSION_HEAD_COLUMNS} FROM versions v WHERE v.id IN (${placeholders(versionIds.length)})`, versionIds)).map(
        toVersionHead,
      )
    : [];
  const events = eventIds.length
    ? (await db.all(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id IN (${placeholders(eventIds.length)})`, eventIds)).map(toEvent)
    : [];
  const articles = await articlesById(db, [...versions.map((v) => v.articleId), ...events.map((e) => e.articleId)]);
  const versionById = new Map(versions.map((v) => [v.id, v]));
  const eventById = new Map(events.map((e) => [e.id, e]));
  // A row deleted between the two queries (its source removed) is simply left out.
  return keys.flatMap((k): Change[] => {
    if (k.rank === 1) {
      const version = versionById.get(k.id);
      const article = version && articles.get(version.articleId);
      return version && article ? [{ type: 'version', at: k.at, article, version }] : [];
    }
    const event = eventById.get(k.id);
    const article = event && articles.get(event.articleId);
    return event && article ? [{ type: 'event', at: k.at, article, event }] : [];
  });
}

/** hydrate, for briefs: one join reads each version's number, title and labels with its article's link fields. */
async function hydrateBriefs(db: Db, keys: ChangeKey[]): Promise<ChangeBrief[]> {
  const versionIds = keys.filter((k) => k.rank === 1).map((k) => k.id);
  const eventIds = keys.filter((k) => k.rank === 0).map((k) => k.id);
  const versions = versionIds.length
    ? await db.all(
        `SELECT v.id, v.article_id, v.number, v.title, v.change_labels, a.title AS article_title, a.url, s.key AS source_key
         FROM versions v JOIN articles a ON a.id = v.article_id JOIN sources s ON s.id = a.source_id
         WHERE v.id IN (${placeholders(versionIds.length)})`,
        versionIds,
      )
    : [];
  const events = eventIds.length
    ? (await db.all(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id IN (${placeholders(eventIds.length)})`, eventIds)).map(toEvent)
    : [];
  const eventArticles = await articlesById(
    db,
    events.map((e) => e.articleId),
  );
  const versionById = new Map(versions.map((r) => [Number(r.id), r]));
  const eventById = new Map(events.map((e) => [e.id, e]));
  return keys.flatMap((k): ChangeBrief[] => {
    if (k.rank === 1) {
      const r = versionById.get(k.id);
      if (!r) return [];
      const articleId = Number(r.article_id);
      const labels = r.change_labels ? String(r.change_labels) : '';
      return [
        {
          type: 'version',
          at: k.at,
          article: {
            id: articleId,
            title: r.article_title === null ? null : String(r.article_title),
            url: String(r.url),
            sourceKey: String(r.source_key),
          },
          version: {
            id: k.id,
            articleId,
            number: Number(r.number),
            title: String(r.title),
            labels: (labels ? labels.split(',') : []) as ChangeLabel[],
          },
        },
      ];
    }
    const event = eventById.get(k.id);
    const a = event && eventArticles.get(event.articleId);
    return event && a
      ? [{ type: 'event', at: k.at, article: { id: a.id, title: a.title, url: a.url, sourceKey: a.sourceKey }, event }]
      : [];
  });
}

export async function articlesById(db: Db, ids: number[]): Promise<Map<number, ArticleWithSource>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.all(
    `SELECT ${ARTICLE_WITH_SOURCE_COLUMNS} FROM articles a JOIN sources s ON s.id = a.source_id
     WHERE a.id IN (${placeholders(unique.length)})`,
    unique,
  );
  return new Map(rows.map((r) => [Number(r.id), toArticleWithSource(r)]));
}
