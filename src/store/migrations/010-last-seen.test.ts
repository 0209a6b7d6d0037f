import { describe, expect, it } from 'vitest';
import { T0, makeArticle, makeSource, versionInput } from '../contract/fixtures.ts';
import { openSqliteStore } from '../sqlite/open.ts';
import { lastSeen } from './010-last-seen.ts';

describe('migration 10: the version each article last showed', () => {
  it('derives it from the history of articles stored before it', async () => {
    const store = openSqliteStore(':memory:');
    await store.migrate();
    try {
      const source = await makeSource(store);
      const [none, plain, reverted, revertedThenEdited] = await Promise.all(
        ['none', 'plain', 'rev', 'rev-edit'].map((p) => makeArticle(store, source, p)),
      );
      for (const a of [plain, reverted, revertedThenEdited]) {
        await store.addVersion(a.id, 1, versionInput(`${a.id} v1`, ['a'], { capturedAt: T0 + 10 }));
        await store.addVersion(a.id, 2, versionInput(`${a.id} v2`, ['b'], { capturedAt: T0 + 20 }));
      }
      const revert = (articleId: number, at: number, to: number) =>
        store.addEvent({ articleId, at, kind: 'revert', versionNumber: to, detail: null });
      await revert(reverted.id, T0 + 30, 1);
      await revert(revertedThenEdited.id, T0 + 30, 1);
      await store.addVersion(revertedThenEdited.id, 3, versionInput('v3', ['c'], { capturedAt: T0 + 40 }));
      // As a database from before migration 10 would have it: no derived state yet.
      await store.db.run('UPDATE articles SET last_seen_version = NULL');
      for (const sql of lastSeen.sqlite.slice(1)) await store.db.run(sql);
      const seen = async (id: number) => (await store.getArticle(id))!.lastSeenVersion;
      expect([await seen(none.id), await seen(plain.id), await seen(reverted.id), await seen(revertedThenEdited.id)]).toEqual([
        null,
        2,
        1,
        3,
      ]);
    } finally {
      await store.close();
    }
  });
});
