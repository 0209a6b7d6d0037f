/**
 * Where the newsroom is in its edit script, when each article's current text first appeared
 * (its Last-Modified), and how many requests each path received.
 */
import { createHash } from 'node:crypto';
import { storyAt } from './script.ts';
import { STORIES } from './stories/index.ts';
import type { Story, StoryState } from './types.ts';

export interface StoryView {
  story: Story;
  state: StoryState;
  /** Hash of headline + body; changes exactly when the article's content changes. */
  contentKey: string;
  /** When the current content appeared (publication time for step 0 content). */
  since: number;
  publishedAt: number;
}

export class NewsroomState {
  step: number;
  private readonly views = new Map<string, StoryView>();
  private readonly counts = new Map<string, number>();
  private total = 0;
  /** When the feed last released stories (gradual publishing only). */
  private releasedAt = 0;

  constructor(
    readonly startedAt: number,
    startStep: number,
    /** Stories released to the feed per step; null: all from the start. */
    readonly releasePerStep: number | null = null,
  ) {
    this.step = startStep;
    for (const story of STORIES) {
      // Whole minutes, like a CMS timestamp.
      const publishedAt = Math.floor(startedAt / 60_000) * 60_000 - story.publishedMinutesAgo * 60_000;
      this.views.set(story.id, this.viewAt(story, startStep, startStep === 0 ? publishedAt : startedAt, publishedAt));
    }
  }

  setStep(step: number, now: number): void {
    if (!Number.isInteger(step) || step < 0) throw new RangeError(`demo step must be a non-negative integer, got ${step}`);
    if (this.releasePerStep !== null && step !== this.step) this.releasedAt = now;
    this.step = step;
    for (const [id, old] of this.views) {
      const next = this.viewAt(old.story, step, now, old.publishedAt);
      // Keep the old `since` when the text is the same, so Last-Modified only moves on real edits.
      this.views.set(id, next.contentKey === old.contentKey ? { ...next, since: old.since } : next);
    }
  }

  all(): StoryView[] {
    return [...this.views.values()];
  }

  /** What the feed lists at this step: everything, or the oldest stories released so far. */
  released(): StoryView[] {
    if (this.releasePerStep === null) return this.all();
    const oldestFirst = this.all().sort((a, b) => a.publishedAt - b.publishedAt || a.story.id.localeCompare(b.story.id));
    return oldestFirst.slice(0, this.releasePerStep * (this.step + 1));
  }

  byPath(path: string): StoryView | undefined {
    return this.all().find((v) => v.story.path === path);
  }

  /** Latest content change of any article (or release of one): the feed's Last-Modified. */
  lastChange(): number {
    return Math.max(this.releasedAt, ...this.all().map((v) => v.since));
  }

  count(path: string): void {
    this.total++;
    this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
  }

  requestCount(path?: string): number {
    if (path === undefined) return this.total;
    const pathname = /^https?:/.test(path) ? new URL(path).pathname : path;
    return this.counts.get(pathname) ?? 0;
  }

  private viewAt(story: Story, step: number, since: number, publishedAt: number): StoryView {
    const state = storyAt(story, step);
    const contentKey = createHash('sha256').update(JSON.stringify(state)).digest('hex').slice(0, 32);
    return { story, state, contentKey, since, publishedAt };
  }
}
