/**
 * The edit script: what each story looks like at a given step, and the same edits as flat data
 * (DEMO_EDITS / describeEdits) so tests check diffs against the script instead of repeating text.
 */
import { STORIES } from './stories/index.ts';
import type { Block, DemoEdit, Story, StoryEdit, StoryState } from './types.ts';

/** Every scripted (non-flip) edit has happened once the newsroom reaches this step. */
export const LAST_STEP = 8;

/** Flat edit script for steps 1..LAST_STEP, flip-flops included, ordered by step then article. */
export const DEMO_EDITS: readonly DemoEdit[] = describeEdits(LAST_STEP);

/** The edit script up to `upToStep` (flip-flop entries continue past LAST_STEP). */
export function describeEdits(upToStep: number = LAST_STEP): DemoEdit[] {
  const edits: DemoEdit[] = [];
  for (const story of STORIES) {
    for (const e of story.edits ?? []) if (e.step <= upToStep) edits.push({ articleId: story.id, ...e });
    if (story.flip) edits.push(...flipEdits(story.id, story.flip, upToStep));
  }
  return edits.sort((x, y) => x.step - y.step || x.articleId.localeCompare(y.articleId));
}

function flipEdits(articleId: string, flip: { a: string; b: string }, upToStep: number): DemoEdit[] {
  const out: DemoEdit[] = [];
  for (let step = 1; step <= upToStep; step++) {
    const [before, after] = step % 2 === 1 ? [flip.a, flip.b] : [flip.b, flip.a];
    out.push({ articleId, step, kind: 'flip', before, after });
  }
  return out;
}

/** The story as published at `step` (0 = original). Steps past LAST_STEP only keep flipping. */
export function storyAt(story: Story, step: number): StoryState {
  let state: StoryState & { blocks: Block[] } = { headline: story.headline, blocks: story.blocks };
  let live = true;
  for (const edit of story.edits ?? []) {
    if (edit.step > step) continue;
    if (edit.kind === 'takedown') live = false;
    else if (edit.kind === 'restore') live = true;
    else state = applyEdit(state, edit, story.id);
  }
  if (story.flip && step % 2 === 1) state = replaceParagraph(state, story.flip.a, story.flip.b, story.id);
  return { headline: state.headline, blocks: live ? state.blocks : null };
}

type LiveState = { headline: string; blocks: Block[] };

function applyEdit(state: LiveState, edit: StoryEdit, storyId: string): LiveState {
  switch (edit.kind) {
    case 'headline':
      return { ...state, headline: edit.after ?? state.headline };
    case 'reworded':
    case 'typo':
    case 'number':
    case 'flip':
      return replaceParagraph(state, need(edit.before), need(edit.after), storyId);
    case 'removed':
      return { ...state, blocks: without(state.blocks, need(edit.before), storyId) };
    case 'added':
      return { ...state, blocks: insertAfter(state.blocks, edit.anchor ?? null, need(edit.after), storyId) };
    case 'moved': {
      const rest = without(state.blocks, need(edit.before), storyId);
      return { ...state, blocks: insertAfter(rest, edit.anchor ?? null, edit.after ?? need(edit.before), storyId) };
    }
    default:
      return state;
  }
}

function need(text: string | undefined): string {
  if (text === undefined) throw new Error('demo edit script: edit is missing its text');
  return text;
}

function indexOfParagraph(blocks: Block[], text: string, storyId: string): number {
  const i = blocks.findIndex((b) => b.kind === 'p' && b.text === text);
  // A typo in the script must fail loudly, or tests would check diffs that never happen.
  if (i < 0) throw new Error(`demo edit script: paragraph not found in ${storyId}: ${text.slice(0, 60)}`);
  return i;
}

function replaceParagraph(state: LiveState, before: string, after: string, storyId: string): LiveState {
  const i = indexOfParagraph(state.blocks, before, storyId);
  const blocks = state.blocks.slice();
  blocks[i] = { kind: 'p', text: after };
  return { ...state, blocks };
}

function without(blocks: Block[], text: string, storyId: string): Block[] {
  const i = indexOfParagraph(blocks, text, storyId);
  return [...blocks.slice(0, i), ...blocks.slice(i + 1)];
}

function insertAfter(blocks: Block[], anchor: string | null, text: string, storyId: string): Block[] {
  const at = anchor === null ? 0 : indexOfParagraph(blocks, anchor, storyId) + 1;
  return [...blocks.slice(0, at), { kind: 'p', text }, ...blocks.slice(at)];
}

/** Body text in page order: sub-headings, paragraphs, quotes, and each list item. */
export function blockTexts(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'list' ? b.items : [b.text]));
}

/** Only the `<p>` paragraphs (what the script edits). */
export function plainParagraphs(blocks: Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'p' ? [b.text] : []));
}

export interface ExpectedVersion {
  /** First step at which this text was served. */
  step: number;
  headline: string;
  paragraphs: string[];
}

/**
 * The successive texts of an article up to `upToStep`, as a tracker checking once per step would
 * see them: consecutive duplicates and taken-down steps skipped. A return to an earlier text (the
 * flip-flop, or nothing) appears as a repeated entry; whether that is a new version or a revert
 * is the tracker's call.
 */
export function expectedVersions(articleId: string, upToStep: number = LAST_STEP): ExpectedVersion[] {
  const story = STORIES.find((s) => s.id === articleId);
  if (!story) throw new Error(`demo: no article ${articleId}`);
  const out: ExpectedVersion[] = [];
  for (let step = 0; step <= upToStep; step++) {
    const { headline, blocks } = storyAt(story, step);
    if (!blocks) continue;
    const paragraphs = blockTexts(blocks);
    const last = out.at(-1);
    if (last && last.headline === headline && JSON.stringify(last.paragraphs) === JSON.stringify(paragraphs)) continue;
    out.push({ step, headline, paragraphs });
  }
  return out;
}
