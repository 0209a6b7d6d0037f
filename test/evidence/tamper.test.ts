import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { createApp } from '../../src/web/index.ts';
import { runMain } from '../e2e/helpers.ts';
import { buildDemoDatabase } from './demo-db.ts';

/**
 * Must show 1: tampering with the SQLite file is caught. Each case edits a copy of the demo
 * database behind Redline's back; `redline verify` must name the article and version and exit 1.
 */
let demo: Awaited<ReturnType<typeof buildDemoDatabase>>;
const copies: string[] = [];

beforeAll(async () => {
  demo = await buildDemoDatabase();
});
afterAll(async () => {
  for (const c of copies) rmSync(c, { recursive: true, force: true });
  await demo?.remove();
});

/** A copy of the demo data dir, edited with raw SQL. */
function tampered(edit: (db: Database.Database) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'redline-tamper-'));
  copies.push(dir);
  cpSync(demo.dir, dir, { recursive: true });
  const db = new Database(join(dir, 'redline.db'));
  try {
    edit(db);
  } finally {
    db.close();
  }
  return dir;
}

/** An article with at least three versions, and the url/id of its version 2. */
function target(db: Database.Database) {
  return db
    .prepare(
      `SELECT a.id AS article, a.url, v.id AS version FROM articles a JOIN versions v ON v.article_id = a.id AND v.number = 2
    WHERE a.version_count >= 3 ORDER BY a.id LIMIT 1`,
    )
    .get() as { article: number; url: string; version: number };
}

async function verify(dir: string) {
  return runMain(['verify', '--data', dir]);
}

describe('redline verify on the demo database', () => {
  it('passes an untouched database', async () => {
    const r = await verify(demo.dir);
    expect(r.stdout).toMatch(/^verify: OK \(\d+ articles, (\d+) versions, \d+ events, \d+ captures, 2 signed roots checked\)\n$/);
    expect(Number(/(\d+) versions/.exec(r.stdout)![1])).toBeGreaterThan(10);
    expect(r.code).toBe(0);
  });

  it('names the version whose paragraph was changed in the file', async () => {
    let found!: { article: number; url: string; number: number };
    const dir = tampered((db) => {
      // Paragraph texts are kept once per article: pick one only a single version has, so exactly it is touched.
      const rows = db
        .prepare(
          'SELECT a.id AS article, a.url, v.number, v.paragraph_ids FROM versions v JOIN articles a ON a.id = v.article_id ORDER BY a.id, v.number',
        )
        .all() as { article: number; url: string; number: number; paragraph_ids: string }[];
      const users = new Map<number, typeof rows>();
      for (const r of rows) for (const id of JSON.parse(r.paragraph_ids) as number[]) users.set(id, [...(users.get(id) ?? []), r]);
      const [id, [only]] = [...users].find(([, list]) => list.length === 1 && list[0].number >= 2)!;
      found = only;
      const { text } = db.prepare('SELECT text FROM paragraph_texts WHERE id = ?').get(id) as { text: string };
      db.prepare('UPDATE paragraph_texts SET text = ? WHERE id = ?').run(text.replace(/\w+/, 'Nobody'), id);
    });
    const r = await verify(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`BREAK article ${found.article} (${found.url}) version ${found.number}: text changed`);
    expect(r.stdout.match(/^BREAK/gm)).toHaveLength(1);
  });

  it('names every version sharing a paragraph that was changed', async () => {
    let t!: ReturnType<typeof target>;
    let numbers: number[] = [];
    const dir = tampered((db) => {
      t = target(db);
      const lists = db.prepare('SELECT number, paragraph_ids FROM versions WHERE article_id = ? ORDER BY number').all(t.article) as {
        number: number;
        paragraph_ids: string;
      }[];
      const shared = (JSON.parse(lists[0].paragraph_ids) as number[])[0];
      numbers = lists.filter((l) => (JSON.parse(l.paragraph_ids) as number[]).includes(shared)).map((l) => l.number);
      db.prepare("UPDATE paragraph_texts SET text = text || '!' WHERE id = ?").run(shared);
    });
    const r = await verify(dir);
    expect(r.code).toBe(1);
    expect(numbers.length).toBeGreaterThan(1);
    for (const n of numbers) expect(r.stdout).toContain(`BREAK article ${t.article} (${t.url}) version ${n}: text changed`);
  });

  it('names every version whose capture had one byte changed', async () => {
    let t!: ReturnType<typeof target>;
    const dir = tampered((db) => {
      t = target(db);
      const { digest } = db.prepare('SELECT digest FROM version_captures WHERE version_id = ?').get(t.version) as { digest: string };
      const { body } = db.prepare('SELECT body FROM captures WHERE digest = ?').get(digest) as { body: Buffer };
      const bytes = gunzipSync(body);
      bytes[Math.floor(bytes.length / 2)] ^= 0x01;
      db.prepare('UPDATE captures SET body = ? WHERE digest = ?').run(gzipSync(bytes), digest);
    });
    const r = await verify(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      new RegExp(
        `BREAK article ${t.article} \\(${t.url.replace(/[.?]/g, '\\$&')}\\) version 2: capture bytes changed: their sha256 is [0-9a-f]{64}`,
      ),
    );
  });

  it('names the version whose capture blob was corrupted', async () => {
    let t!: ReturnType<typeof target>;
    const dir = tampered((db) => {
      t = target(db);
      const { digest } = db.prepare('SELECT digest FROM version_captures WHERE version_id = ?').get(t.version) as { digest: string };
      const { body } = db.prepare('SELECT body FROM captures WHERE digest = ?').get(digest) as { body: Buffer };
      body[body.length - 12] ^= 0xff;
      db.prepare('UPDATE captures SET body = ? WHERE digest = ?').run(body, digest);
    });
    const r = await verify(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`BREAK article ${t.article} (${t.url}) version 2: capture bytes`);
  });

  it('names a deleted version row', async () => {
    let t!: ReturnType<typeof target>;
    const dir = tampered((db) => {
      t = target(db);
      db.prepare('DELETE FROM versions WHERE id = ?').run(t.version);
    });
    const r = await verify(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`BREAK article ${t.article} (${t.url}) version 2: version row deleted`);
  });

  it('catches a version deleted together with its record, and the records renumbered to hide it', async () => {
    let t!: ReturnType<typeof target>;
    const dir = tampered((db) => {
      t = target(db);
      db.prepare('DELETE FROM versions WHERE id = ?').run(t.version);
      db.prepare('DELETE FROM records WHERE version_id = ?').run(t.version);
      db.prepare('UPDATE versions SET number = number - 1 WHERE article_id = ? AND number > 2').run(t.article);
      db.prepare("UPDATE records SET seq = seq - 1 WHERE article_id = ? AND kind = 'version' AND seq > 2").run(t.article);
      db.prepare('UPDATE articles SET version_count = version_count - 1 WHERE id = ?').run(t.article);
    });
    const r = await verify(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`BREAK article ${t.article} (${t.url}) version 2: chain broken`);
    expect(r.stdout).toMatch(/BREAK root \d: (covers \d+ records but was signed for|its records no longer give)/);
  });

  it('stays verifiable after retention pruned the captures of middle versions', async () => {
    const dir = tampered(() => {});
    const before = await verify(dir);
    // The demo's clock ran ahead of the wall clock by ten days a step: prune as of after its end.
    const store = await openStore({ dataDir: dir });
    try {
      expect((await store.evidence.pruneCaptures(demo.t.clock.now + 86_400_000)).captures).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
    const after = await verify(dir);
    expect(after.code).toBe(0);
    const captures = (r: { stdout: string }) => Number(/(\d+) captures/.exec(r.stdout)![1]);
    expect(captures(after)).toBeLessThan(captures(before));
  });

  it('does not count a legal hide made through Redline as a break', async () => {
    const dir = tampered(() => {});
    const store = await openStore({ dataDir: dir });
    try {
      const article = (await store.listArticles({ limit: 100, minVersions: 3 })).items[0];
      expect(await store.setVersionHidden(article.id, 2, { at: Date.now(), reason: 'court order' })).toBe(true);
      const v2 = (await store.getVersion(article.id, 2))!;
      const app = createApp({ store, config: demo.t.deps.config });
      expect((await app.request(`/api/v1/proofs/versions/${v2.id}`)).status).toBe(410);
    } finally {
      await store.close();
    }
    const r = await verify(dir);
    expect(r.stdout).toMatch(/^verify: OK/);
    expect(r.code).toBe(0);
  });

  it('names a root whose fields were edited', async () => {
    const dir = tampered((db) => {
      db.prepare(
        "UPDATE roots SET root_hash = CASE WHEN substr(root_hash, 1, 1) = 'f' THEN 'e' ELSE 'f' END || substr(root_hash, 2) WHERE seq = 1",
      ).run();
    });
    const r = await verify(dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('BREAK root 1: its fields differ from the signed statement');
  });

  it("with a root saved earlier, catches a history re-sealed with the operator's own key", async () => {
    const store = await openStore({ dataDir: demo.dir });
    const saved = join(demo.dir, '..', `root1-${process.pid}.json`);
    try {
      const app = createApp({ store, config: demo.t.deps.config });
      writeFileSync(saved, await (await app.request('/api/v1/roots/1')).text());
    } finally {
      await store.close();
    }
    copies.push(saved);
    // Someone holding the signing key rewrites a text, drops the roots and seals everything again.
    const dir = tampered((db) => {
      db.prepare("UPDATE paragraph_texts SET text = text || ' (edited)' WHERE id = (SELECT MIN(id) FROM paragraph_texts)").run();
      db.prepare('DELETE FROM roots').run();
      db.prepare('UPDATE records SET root_id = NULL').run();
    });
    expect((await runMain(['evidence', 'seal', '--data', dir])).code).toBe(0);
    const withAnchor = await runMain(['verify', '--data', dir, '--from-root', saved]);
    expect(withAnchor.code).toBe(1);
    expect(withAnchor.stdout).toContain('BREAK root 1: differs from the trusted root given: history was rewritten');
    expect((await verify(demo.dir)).code).toBe(0);
    expect((await runMain(['verify', '--data', demo.dir, '--from-root', saved])).code).toBe(0);
  });
});
