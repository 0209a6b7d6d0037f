import { describe, expect, it } from 'vitest';
import { DEMO_EDITS, LAST_STEP, describeEdits, expectedVersions, plainParagraphs, storyAt } from './script.ts';
import { STORIES } from './stories/index.ts';
import type { DemoEdit, Story } from './types.ts';

const PARAGRAPH_KINDS = new Set(['reworded', 'typo', 'number', 'flip']);

function versionsWithinScript(story: Story): Set<string> {
  const seen = new Set<string>();
  for (let step = 0; step <= LAST_STEP; step++) {
    const s = storyAt(story, step);
    if (s.blocks) seen.add(JSON.stringify(s));
  }
  return seen;
}

function counts(items: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return m;
}

/** Paragraphs in `a` but not in `b`, as a multiset difference. */
function minus(a: string[], b: string[]): string[] {
  const left = counts(b);
  return a.filter((x) => {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    return n === 0;
  });
}

describe('the newsroom edit script', () => {
  it('has at least 8 articles, 5+ of which reach two versions, and exactly one that never changes', () => {
    expect(STORIES.length).toBeGreaterThanOrEqual(8);
    const versionCounts = STORIES.map((s) => versionsWithinScript(s).size);
    expect(versionCounts.filter((n) => n >= 2).length).toBeGreaterThanOrEqual(5);
    expect(STORIES.filter((s) => versionsWithinScript(s).size === 1 && !s.edits?.length && !s.flip)).toHaveLength(1);
  });

  it('uses every kind of edit the issue asks for', () => {
    const kinds = new Set(DEMO_EDITS.map((e) => e.kind));
    for (const k of ['headline', 'removed', 'added', 'reworded', 'typo', 'number', 'moved', 'takedown', 'restore', 'flip']) {
      expect(kinds, k).toContain(k);
    }
    expect(DEMO_EDITS.every((e) => e.step >= 1 && e.step <= LAST_STEP)).toBe(true);
  });

  it('has a typo fix, a corrected number and a "Correction:" notice, for the significance filters', () => {
    const typo = DEMO_EDITS.filter((e) => e.kind === 'typo');
    expect(typo).toHaveLength(1);
    // A spelling fix: the two texts differ in a single word, by a letter or two.
    const [a, b] = [typo[0].before!.split(' '), typo[0].after!.split(' ')];
    expect(a.length).toBe(b.length);
    expect(a.filter((w, i) => w !== b[i])).toHaveLength(1);
    expect(DEMO_EDITS.some((e) => e.kind === 'number')).toBe(true);
    expect(DEMO_EDITS.filter((e) => e.kind === 'added' && e.after!.startsWith('Correction:'))).toHaveLength(1);
  });

  it('keeps ids and paths unique, and story text in plausible length', () => {
    expect(new Set(STORIES.map((s) => s.id)).size).toBe(STORIES.length);
    expect(new Set(STORIES.map((s) => s.path)).size).toBe(STORIES.length);
    for (const s of STORIES) {
      const n = plainParagraphs(s.blocks).length;
      expect(n, s.id).toBeGreaterThanOrEqual(5);
      expect(n, s.id).toBeLessThanOrEqual(12);
    }
  });

  // The property tests rely on: between step n-1 and n, the paragraphs that disappear and appear
  // are exactly those the script names, and nothing else.
  it.each(STORIES.map((s) => [s.id, s] as const))('%s changes exactly as the script says', (_id, story) => {
    for (let step = 1; step <= LAST_STEP + 3; step++) {
      const edits = describeEdits(step + 1).filter((e) => e.articleId === story.id && e.step === step);
      const before = storyAt(story, step - 1);
      const after = storyAt(story, step);
      checkStep(edits, before, after);
    }
  });

  it('lists the versions a once-per-step tracker would see', () => {
    const byId = (id: string) => expectedVersions(id).map((v) => v.step);
    const multi = STORIES.filter((s) => expectedVersions(s.id).length >= 2);
    expect(multi.length).toBeGreaterThanOrEqual(5);
    for (const s of STORIES) {
      const steps = new Set(
        DEMO_EDITS.filter((e) => e.articleId === s.id && e.kind !== 'takedown' && e.kind !== 'restore').map((e) => e.step),
      );
      expect(byId(s.id), s.id).toEqual([0, ...[...steps].sort((a, b) => a - b)]);
    }
  });

  it('flip-flops A, B, A, B past the end of the script', () => {
    const story = STORIES.find((s) => s.flip)!;
    const flip = story.flip!;
    for (let step = 0; step < 12; step++) {
      const paras = plainParagraphs(storyAt(story, step).blocks!);
      expect(paras).toContain(step % 2 === 0 ? flip.a : flip.b);
      expect(paras).not.toContain(step % 2 === 0 ? flip.b : flip.a);
    }
  });

  it('restores a taken-down page with the text it had before', () => {
    const story = STORIES.find((s) => s.edits?.some((e) => e.kind === 'takedown'))!;
    const down = story.edits!.find((e) => e.kind === 'takedown')!.step;
    const up = story.edits!.find((e) => e.kind === 'restore')!.step;
    expect(storyAt(story, down).blocks).toBeNull();
    expect(storyAt(story, up - 1).blocks).toBeNull();
    expect(storyAt(story, up)).toEqual(storyAt(story, down - 1));
  });
});

function checkStep(edits: DemoEdit[], before: ReturnType<typeof storyAt>, after: ReturnType<typeof storyAt>): void {
  const headline = edits.find((e) => e.kind === 'headline');
  expect(after.headline).toBe(headline ? headline.after : before.headline);
  if (headline) expect(before.headline).toBe(headline.before);
  if (edits.some((e) => e.kind === 'takedown')) return void expect(after.blocks).toBeNull();
  if (edits.some((e) => e.kind === 'restore')) return void expect(before.blocks).toBeNull();
  if (before.blocks === null || after.blocks === null) return void expect(after.blocks).toBe(before.blocks);
  const a = plainParagraphs(before.blocks);
  const b = plainParagraphs(after.blocks);
  // A move + edit (moved with another `after`) takes its old text away and brings the new one.
  const movedEdit = (e: DemoEdit) => e.kind === 'moved' && e.after !== undefined && e.after !== e.before;
  const gone = edits.filter((e) => e.kind === 'removed' || PARAGRAPH_KINDS.has(e.kind) || movedEdit(e)).map((e) => e.before!);
  const came = edits.filter((e) => e.kind === 'added' || PARAGRAPH_KINDS.has(e.kind) || movedEdit(e)).map((e) => e.after!);
  expect(minus(a, b).sort()).toEqual(gone.sort());
  expect(minus(b, a).sort()).toEqual(came.sort());
  const moved = edits.find((e) => e.kind === 'moved');
  if (moved) {
    const now = moved.after ?? moved.before!;
    expect(a.indexOf(moved.before!)).not.toBe(b.indexOf(now));
    const anchorAt = moved.anchor == null ? -1 : b.indexOf(moved.anchor);
    expect(b.indexOf(now)).toBe(anchorAt + 1);
  } else if (gone.length === 0 && came.length === 0) {
    expect(after.blocks).toEqual(before.blocks); // nothing else may move either
  }
}
