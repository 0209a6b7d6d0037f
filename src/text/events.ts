import type { EventKind } from '../model/index.ts';

/** What happened to an article besides a new version, in one sentence: the website, the feeds and the CLI all say it so. */
const EVENT_TEXT: Record<EventKind, (versionNumber: number | null) => string> = {
  removed: () => 'Removed from the site',
  restored: () => 'Back on the site',
  revert: (n) => `Back to the text of version ${n ?? '?'}`,
  retired: () => 'No longer checked for changes',
  error: () => 'Check failed',
};

/** "Removed from the site (HTTP 410)", "Back to the text of version 2". */
export function describeEvent(e: { kind: EventKind; versionNumber: number | null; detail: string | null }): string {
  const text = EVENT_TEXT[e.kind](e.versionNumber);
  return e.detail ? `${text} (${e.detail})` : text;
}
