import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDITS, startNewsroom, type DemoEdit, type Newsroom } from '../../src/demo/index.ts';
import { diffVersions, type DiffModel, type DiffRow, type Segment } from '../../src/diff/index.ts';
import { normalizeText } from '../../src/text/normalize.ts';
import { trackDemoScript } from './demo-script.ts';
import { testTracker, type TestTracker } from './helpers.ts';

/**
 * Must show 2: the tracker follows the simulated newsroom through its whole edit script, and every
 * stored version's diff shows exactly the scripted edits, nothing else.
 */
let newsroom: Newsroom;
let t: TestTracker;
let capturedAt: Map<number, number[]>;
let storyOf: Map<number, string>;

beforeAll(async () => {
  newsroom = await startNewsroom({ manual: true });
  t = await testTracker();
  ({ capturedAt, storyOf } = await trackDemoScript(t, newsroom));
});
afterAll(async () => {
  await newsroom?.close();
  await t?.close();
});

describe('demo newsroom, tracked through its whole edit script', () => {
  it('finds at least 8 articles, at least 5 of them with 2 or more versions', async () => {
    const { items } = await t.deps.store.listArticles({ limit: 100 });
    expect(items.length).toBeGreaterThanOrEqual(8);
    expect(items.filter((a) => a.versionCount >= 2).length).toBeGreaterThanOrEqual(5);
    expect(items.some((a) => a.url.includes('/sport/live/'))).toBe(false);
  });

  it('stores each version exactly as the newsroom published it', async () => {
    for (const [articleId, steps] of capturedAt) {
      const versions = await t.deps.store.listVersions(articleId);
      for (const v of versions) {
        newsroom.setStep(steps[v.number - 1]);
        const info = newsroom.articles().find((a) => a.id === storyOf.get(articleId))!;
        expect(v.title, `${info.id} v${v.number}`).toBe(info.headline);
        expect(v.paragraphs, `${info.id} v${v.number}`).toEqual(info.paragraphs);
      }
    }
  });

  it('diffs between consecutive versions show exactly the scripted edits', async () => {
    let compared = 0;
    for (const [articleId, steps] of capturedAt) {
      const versions = await t.deps.store.listVersions(articleId);
      for (let n = 1; n < versions.length; n++) {
        const edits = DEMO_EDITS.filter((e) => e.articleId === storyOf.get(articleId) && e.step > steps[n - 1] && e.step <= steps[n]);
        const diff = diffVersions(versions[n - 1], versions[n]);
        expect(changesIn(diff), `${storyOf.get(articleId)} v${n}->v${n + 1}`).toEqual(expectedChanges(edits));
        compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(5);
  });

  it('records the takedown, the restoration and the flip-flops as events, not versions', async () => {
    const takedown = DEMO_EDITS.find((e) => e.kind === 'takedown')!;
    const flip = DEMO_EDITS.find((e) => e.kind === 'flip')!;
    const idOf = (story: string) => [...storyOf].find(([, s]) => s === story)![0];
    const removedEvents = (await t.deps.store.listEvents(idOf(takedown.articleId))).map((e) => e.kind);
    expect(removedEvents).toEqual(['removed', 'restored']);
    const flipId = idOf(flip.articleId);
    expect((await t.deps.store.listVersions(flipId)).length).toBe(2);
    const reverts = (await t.deps.store.listEvents(flipId)).filter((e) => e.kind === 'revert');
    expect(reverts.length).toBeGreaterThanOrEqual(2);
    expect(reverts.map((e) => e.versionNumber)).toEqual(reverts.map((_, i) => (i % 2 === 0 ? 1 : 2)));
  });
});

const norm = (s: string) => normalizeText(s);
const side = (segs: Segment[]) => norm(segs.map((s) => s.text).join(''));

/** A diff reduced to comparable facts: headline change and the non-identical paragraph rows. */
function changesIn(diff: DiffModel): string[] {
  const out: string[] = [];
  if (diff.title.changed) out.push(`headline: ${diff.title.old} => ${diff.title.new}`);
  for (const row of diff.rows) out.push(...rowFacts(row));
  return out.sort();
}

function rowFacts(row: DiffRow): string[] {
  switch (row.kind) {
    case 'same':
      return [];
    case 'removed':
      return [`removed: ${norm(row.text)}`];
    case 'added':
      return [`added: ${norm(row.text)}`];
    case 'changed':
      return [`changed: ${side(row.left)} => ${side(row.right)}`];
    case 'moved-to':
      return [row.edit ? `moved: ${side(row.edit.left)} => ${side(row.edit.right)}` : `moved: ${norm(row.text)}`];
    case 'moved-from':
      return [];
    case 'split':
    case 'merged':
      return [`${row.kind}: ${row.kind === 'split' ? side(row.left) : row.left.map(side).join(' ')}`];
  }
}

function expectedChanges(edits: DemoEdit[]): string[] {
  const out: string[] = [];
  for (const e of edits) {
    if (e.kind === 'headline') out.push(`headline: ${norm(e.before!)} => ${norm(e.after!)}`);
    else if (e.kind === 'removed') out.push(`removed: ${norm(e.before!)}`);
    else if (e.kind === 'added') out.push(`added: ${norm(e.after!)}`);
    else if (e.kind === 'moved')
      out.push(e.after && e.after !== e.before ? `moved: ${norm(e.before!)} => ${norm(e.after)}` : `moved: ${norm(e.before!)}`);
    else if (e.kind === 'reworded' || e.kind === 'typo' || e.kind === 'number' || e.kind === 'flip')
      out.push(`changed: ${norm(e.before!)} => ${norm(e.after!)}`);
  }
  return out.sort();
}
