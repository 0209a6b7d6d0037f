import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { checkSchema } from '../../src/web/api/testdata/schema-check.ts';
import { createApp } from '../../src/web/index.ts';
import { ROOT, tempDir } from '../e2e/helpers.ts';
import { buildDemoDatabase } from './demo-db.ts';

/** Must show 2: docs/verify-version.mjs checks a version downloaded from the API against a signed root. */
let demo: Awaited<ReturnType<typeof buildDemoDatabase>>;
let store: Store;
const files = tempDir();

beforeAll(async () => {
  demo = await buildDemoDatabase();
  store = await openStore({ dataDir: demo.dir });
});
afterAll(async () => {
  await store?.close();
  await demo?.remove();
  files.remove();
});

const script = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'docs/verify-version.mjs'), ...args], { encoding: 'utf8' });

describe('docs/verify-version.mjs', () => {
  it('verifies a downloaded version against its signed root, and rejects one changed character', async () => {
    const app = createApp({ store, config: demo.t.deps.config });
    const doc = await (await app.request('/api/v1/openapi.json')).json();
    const get = async (path: string, schema: string) => {
      const res = await app.request(`/api/v1${path}`);
      expect(res.status, path).toBe(200);
      const body = await res.json();
      expect(checkSchema(body, { $ref: `#/components/schemas/${schema}` }, doc), path).toEqual([]);
      return body;
    };
    const article = (await store.listArticles({ limit: 100, minVersions: 3 })).items[0];
    const version = await get(`/articles/${article.id}/versions/2`, 'Version');
    const proof = await get(`/proofs/versions/${version.id}`, 'VersionProof');
    const roots = await get('/roots', 'RootPage');
    const root = await get(`/roots/${proof.root.seq}`, 'Root');
    expect(roots.items.map((r: { seq: number }) => r.seq)).toEqual([2, 1]);
    const atom = await app.request('/api/v1/roots.atom');
    expect(atom.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    expect(await atom.text()).toContain(`<title type="text">Root ${proof.root.seq}: `);

    const save = (name: string, value: unknown) => {
      const path = join(files.dir, name);
      writeFileSync(path, JSON.stringify(value));
      return path;
    };
    const [v, p, r] = [save('version.json', version), save('proof.json', proof), save('root.json', root)];
    const ok = script(v, p, r, '--public-key', root.publicKey);
    expect(ok.stdout).toMatch(
      /^OK version 2 of \S+ \(captured .*\) is in root \d+ \([0-9a-f]{64}, sealed .*\), signed by key [0-9a-f]{16}\n$/,
    );
    expect(ok.status).toBe(0);

    const changed = structuredClone(version);
    changed.paragraphs[1] = changed.paragraphs[1].replace(/[a-z]/, (c: string) => (c === 'e' ? 'a' : 'e'));
    const bad = script(save('changed.json', changed), p, r);
    expect(bad.stdout).toContain('FAIL the text differs from what was recorded');
    expect(bad.status).toBe(1);

    const forged = structuredClone(proof);
    forged.record.recordHash = forged.record.recordHash.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    expect(script(v, save('forged.json', forged), r).status).toBe(1);
    const otherKey = script(v, p, r, '--public-key', Buffer.alloc(44).toString('base64'));
    expect(otherKey.stdout).toContain('FAIL the root is signed with another key');
    expect(otherKey.status).toBe(1);
    const resigned = { ...root, signature: Buffer.alloc(64).toString('base64') };
    expect(script(v, p, save('resigned.json', resigned)).stdout).toContain('FAIL bad signature on the root');
  });

  it('answers 404 for an unknown version and for one not sealed yet', async () => {
    const app = createApp({ store, config: demo.t.deps.config });
    expect((await app.request('/api/v1/proofs/versions/999999')).status).toBe(404);
    const article = (await store.listArticles({ limit: 1 })).items[0];
    const v = await store.addVersion(article.id, article.versionCount + 1, {
      title: 'New',
      byline: null,
      published: null,
      paragraphs: ['x'],
      fingerprint: 'f',
      extractorVersion: 'x',
      capturedAt: Date.now(),
      rawHtml: null,
      wordsAdded: 0,
      wordsRemoved: 0,
    });
    const res = await app.request(`/api/v1/proofs/versions/${v.id}`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toMatch(/not sealed under a signed root yet/);
  });
});
