import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskFullError } from '../store/errors.ts';
import type { SqlStore } from '../store/sql/sql-store.ts';
import type { SqliteDb } from '../store/sqlite/db.ts';
import { runOnce } from './run-once.ts';
import { articlePage, harness, type Harness } from './testdata/fakes.ts';

/** Must show (hygiene): a full disk is one clear line naming the data directory, and the tracker keeps going. */
let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(() => h.close());

const raw = () => ((h.deps.store as SqlStore).db as SqliteDb).raw;

describe('disk full', () => {
  it('logs one line naming the data directory, reschedules, and stores the version once there is room', async () => {
    const src = await h.deps.store.upsertSource(
      { key: 'manual', name: 'Manual', feedUrl: '', pollPeriodSec: 86400, include: [], exclude: [] },
      h.clock.now,
    );
    const url = 'https://news.example/story';
    const paragraphs = Array.from(
      { length: 400 },
      (_, i) => `Paragraph ${i} (${(i * 7919) % 10007}) of a story that is long enough to need more database pages than are left.`,
    );
    h.fetcher.answers.set(url, { html: articlePage('A long story', paragraphs) });
    await h.deps.store.upsertArticle({
      sourceId: src.id,
      url,
      host: 'news.example',
      feedTitle: null,
      feedPublishedAt: null,
      now: h.clock.now,
      checkPeriodSec: 1800,
    });
    // The database may not grow by a single page: SQLite answers SQLITE_FULL, as on a full disk.
    raw().exec('VACUUM');
    const pages = raw().pragma('page_count', { simple: true }) as number;
    raw().pragma(`max_page_count = ${pages}`);

    const first = await runOnce(h.deps);
    expect(first.checked).toBe(1);
    const failures = h.deps.log.lines.filter((l) => / error check_failed /.test(l));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toContain(
      `store disk-full: disk full: cannot write to the database in ${h.deps.config.dataDir}; free some space there (Redline keeps retrying)`,
    );
    expect(failures[0]).not.toMatch(/\n|SqliteError|at /);
    const article = (await h.deps.store.getArticleByUrl(url))!;
    expect(article).toMatchObject({ versionCount: 0 });
    expect(article.nextCheckAt).toBeGreaterThan(h.clock.now);

    // Still full at the next check: the same one line, and the tracker carries on.
    h.clock.advance(3 * 3600);
    await runOnce(h.deps);
    expect(h.deps.log.lines.filter((l) => / error check_failed .*disk-full/.test(l))).toHaveLength(2);

    raw().pragma('max_page_count = 1073741823');
    h.clock.advance(3 * 3600);
    expect((await runOnce(h.deps)).byStatus.new_version).toBe(1);
    expect((await h.deps.store.getArticleByUrl(url))!.versionCount).toBe(1);
  });

  it('is a DiskFullError of kind disk-full, which the CLI prints on one line', async () => {
    const pages = raw().pragma('page_count', { simple: true }) as number;
    raw().pragma(`max_page_count = ${pages}`);
    const many = Array.from({ length: 200 }, (_, i) =>
      h.deps.store.upsertSource(
        { key: `s${i}`, name: 'x'.repeat(2000), feedUrl: `https://x.example/${i}`, pollPeriodSec: 60, include: [], exclude: [] },
        0,
      ),
    );
    const err = await Promise.all(many).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiskFullError);
    expect(err).toMatchObject({ kind: 'disk-full', dataDir: h.deps.config.dataDir });
    raw().pragma('max_page_count = 1073741823');
  });
});
