import type { MostEdited, SourceStatistics } from '../store.ts';
import { articlesById } from './changes.ts';
import type { Db } from './db.ts';

const HOUR = 3_600_000;
/** Publication time: the feed's date, else when Redline first saw the article. */
const PUBLISHED = 'COALESCE(a.feed_published_at, a.first_seen_at)';

/** Legal hides (migration 5) keep their rows; readers' figures leave them out. */
const VISIBLE = 'a.hidden_at IS NULL AND v.hidden_at IS NULL';

const n = (v: unknown): number => Number(v ?? 0);

/** Four grouped scans instead of one query per source; the web caches the result. */
export async function sourceStatistics(db: Db, hours = 48): Promise<SourceStatistics[]> {
  const [basics, firsts, byHour, headlines] = await Promise.all([
    db.all<{ source_id: number; articles: number; edited: number; versions: number }>(
      `SELECT s.id AS source_id, COUNT(a.id) AS articles, SUM(CASE WHEN a.version_count >= 2 THEN 1 ELSE 0 END) AS edited,
         SUM(a.version_count) AS versions
       FROM sources s LEFT JOIN articles a ON a.source_id = s.id AND a.hidden_at IS NULL GROUP BY s.id ORDER BY s.id`,
      [],
    ),
    db.all<{ source_id: number; delay: number }>(
      `SELECT a.source_id, v.captured_at - ${PUBLISHED} AS delay FROM versions v JOIN articles a ON a.id = v.article_id WHERE v.number = 2 AND ${VISIBLE}`,
      [],
    ),
    db.all<{ source_id: number; hour: number; edits: number }>(
      `SELECT a.source_id, (v.captured_at - ${PUBLISHED}) / ${HOUR} AS hour, COUNT(*) AS edits
       FROM versions v JOIN articles a ON a.id = v.article_id WHERE v.number >= 2 AND ${VISIBLE} GROUP BY 1, 2`,
      [],
    ),
    db.all<{ source_id: number; edits: number; headline: number }>(
      `SELECT a.source_id, COUNT(*) AS edits, SUM(CASE WHEN v.title <> p.title THEN 1 ELSE 0 END) AS headline
       FROM versions v JOIN versions p ON p.article_id = v.article_id AND p.number = v.number - 1
       JOIN articles a ON a.id = v.article_id WHERE ${VISIBLE} GROUP BY a.source_id`,
      [],
    ),
  ]);
  const out = new Map<number, SourceStatistics>();
  for (const b of basics) {
    out.set(n(b.source_id), {
      sourceId: n(b.source_id),
      articles: n(b.articles),
      editedArticles: n(b.edited),
      versions: n(b.versions),
      edits: 0,
      headlineEdits: 0,
      firstEditDelays: [],
      editsByHour: new Array(hours).fill(0),
    });
  }
  for (const f of firsts) out.get(n(f.source_id))?.firstEditDelays.push(Math.max(0, n(f.delay)));
  for (const h of byHour) {
    const s = out.get(n(h.source_id));
    if (s) s.editsByHour[Math.min(Math.max(0, Math.floor(n(h.hour))), hours - 1)] += n(h.edits);
  }
  for (const h of headlines) {
    const s = out.get(n(h.source_id));
    if (s) Object.assign(s, { edits: n(h.edits), headlineEdits: n(h.headline) });
  }
  for (const s of out.values()) s.firstEditDelays.sort((x, y) => x - y);
  return [...out.values()];
}

export async function mostEdited(db: Db, since: number, limit: number): Promise<MostEdited[]> {
  const rows = await db.all<{ article_id: number; edits: number; last_at: number }>(
    `SELECT v.article_id, COUNT(*) AS edits, MAX(v.captured_at) AS last_at FROM versions v JOIN articles a ON a.id = v.article_id
     WHERE v.captured_at >= ? AND v.number >= 2 AND ${VISIBLE} GROUP BY v.article_id
     ORDER BY edits DESC, last_at DESC, v.article_id DESC LIMIT ?`,
    [since, limit],
  );
  const articles = await articlesById(
    db,
    rows.map((r) => n(r.article_id)),
  );
  return rows.flatMap((r) => {
    const article = articles.get(n(r.article_id));
    return article ? [{ article, edits: n(r.edits), lastEditAt: n(r.last_at) }] : [];
  });
}
