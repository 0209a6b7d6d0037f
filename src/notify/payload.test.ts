import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/index.ts';
import { diffVersions, versionChange } from '../diff/index.ts';
import { memoryLogger } from '../log/index.ts';
import type { Delivery, Subscription } from '../model/index.ts';
import { openStore, type Store } from '../store/index.ts';
import { makeArticle, sourceInput } from '../store/contract/fixtures.ts';
import { loadChange, type ChangeContext } from './change.ts';
import { changeHtml, changeText } from './mail-html.ts';
import { changePayload } from './payload.ts';
import { composePost, MASTODON_LIMIT } from './post-text.ts';

// Every kind of diff row reaches the webhook body, the mail and the post text: split, merged and
// moved-with-edit rows included, with the labels the diff engine stored with the version.

const OLD = {
  title: 'Talks resume',
  paragraphs: [
    'The talks resumed on Monday in the capital after a week of delays. Both delegations arrived late.',
    'Officials said little <b>about</b> it.',
    'The harbour was quiet.',
    'A ferry sailed at noon.',
    'Weather was fine all day long in the port city.',
  ],
};
const NEW = {
  title: 'Talks resume',
  paragraphs: [
    'The talks resumed on Monday in the capital after a week of delays.',
    'Both delegations arrived late.',
    'The harbour was quiet. A ferry sailed at noon.',
    'Weather was fine all day long in the port city, and warm.',
    'Officials said very little <b>about</b> it.',
  ],
};

describe('a change with split, merged and moved + edited paragraphs', () => {
  let dir: string;
  let store: Store;
  let articleId: number;
  const config = defaultConfig();
  config.web.baseUrl = 'https://redline.example';

  const sub = { id: 7, watch: 'all', query: null, minLevel: 'minor', kinds: [] } as unknown as Subscription;
  const delivery = (number: number) => ({ id: 1, key: 's7-v2', articleId, versionNumber: number }) as unknown as Delivery;
  const load = (number: number): Promise<ChangeContext> =>
    loadChange({ config, store, log: memoryLogger(), now: () => 0 }, delivery(number));

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redline-payload-'));
    store = await openStore({ dataDir: dir });
    const source = await store.upsertSource(sourceInput('s', { name: 'The <Wire>' }), 0);
    articleId = (await makeArticle(store, source, 'a', { host: 'h', now: 0 })).id;
    const v = { byline: null, published: null, extractorVersion: 'x', rawHtml: null, wordsAdded: 0, wordsRemoved: 0 };
    const diff = diffVersions({ ...OLD, byline: null, published: null }, { ...NEW, byline: null, published: null });
    await store.addVersion(articleId, 1, { ...v, ...OLD, fingerprint: 'a', capturedAt: 1000 });
    await store.addVersion(articleId, 2, { ...v, ...NEW, fingerprint: 'b', capturedAt: 2000, change: versionChange(diff) });
    // Version 3 is stored without labels (as before relabelling): its labels are computed for the message.
    await store.addVersion(articleId, 3, { ...v, ...OLD, fingerprint: 'c', capturedAt: 3000, change: null });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the webhook body has the stored labels and one entry per changed row, with old and new text', async () => {
    const c = await load(2);
    expect(c.diff.rows.map((r) => r.kind)).toEqual(['split', 'moved-from', 'merged', 'changed', 'moved-to']);
    const body = changePayload(sub, c, { attempt: 1, redelivery: false });
    expect(body.change).toMatchObject({ level: 'substantive', labels: ['reworded', 'paragraphs-moved'] });
    expect(body.change.rows).toEqual([
      expect.objectContaining({
        kind: 'split',
        leftIndex: 0,
        rightIndices: [0, 1],
        old: OLD.paragraphs[0],
        new: NEW.paragraphs.slice(0, 2),
      }),
      expect.objectContaining({
        kind: 'merged',
        leftIndices: [2, 3],
        rightIndex: 2,
        old: OLD.paragraphs.slice(2, 4),
        new: NEW.paragraphs[2],
      }),
      expect.objectContaining({ kind: 'changed', leftIndex: 4, rightIndex: 3, old: OLD.paragraphs[4], new: NEW.paragraphs[3] }),
      expect.objectContaining({ kind: 'moved', leftIndex: 1, rightIndex: 4, old: OLD.paragraphs[1], new: NEW.paragraphs[4] }),
    ]);
    const moved = body.change.rows[3] as { segments: { right: { op: string; text: string }[] } };
    expect(moved.segments.right.filter((s) => s.op === 'ins').map((s) => s.text.trim())).toEqual(['very']);
    expect(body.links.diff).toBe(`https://redline.example/articles/${articleId}/diff/1/2`);
  });

  it('a version stored without labels is described with the labels of its diff', async () => {
    const c = await load(3);
    expect(c.to.change).toBeNull();
    expect(c.change).toEqual(versionChange(c.diff));
    expect(changePayload(sub, c, { attempt: 1, redelivery: false }).change.level).toBe(c.diff.level);
  });

  it('the mail shows every changed row, escaped, in HTML and text', async () => {
    const c = await load(2);
    const html = changeHtml(c);
    expect(html).toContain('substantive change: reworded, paragraphs-moved');
    expect(html).toContain('<strong>Split into 2 paragraphs:</strong>');
    expect(html).toContain('<strong>2 paragraphs merged:</strong>');
    expect(html).toMatch(/<strong>Moved and changed:<\/strong> Officials said[^]*<ins [^>]*>very ?<\/ins>/);
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;about&lt;/b&gt;');
    expect(html).toContain('The &lt;Wire&gt;');
    const text = changeText(c);
    expect(text).toContain('substantive change: reworded, paragraphs-moved');
    expect(text).toContain(`- ${OLD.paragraphs[0]}\n+ ${NEW.paragraphs[0]}\n+ ${NEW.paragraphs[1]}`);
    expect(text).toContain(`- ${OLD.paragraphs[2]}\n- ${OLD.paragraphs[3]}\n+ ${NEW.paragraphs[2]}`);
    expect(text).toContain(`(moved) - ${OLD.paragraphs[1]}\n(moved) + ${NEW.paragraphs[4]}`);
  });

  it('a post names splits and merges', async () => {
    const post = composePost(await load(2), MASTODON_LIMIT);
    expect(post.text).toMatch(/2 paragraphs changed, 1 paragraph moved, 1 paragraph split, 1 paragraph merged\./);
  });
});
