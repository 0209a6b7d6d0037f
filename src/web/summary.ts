import type { DiffSummary } from '../diff/types.ts';
import type { Change } from '../model/index.ts';
import { describeEvent as eventSentence } from '../text/events.ts';
import { wordDelta } from './format.ts';

/** "Headline changed; 2 paragraphs removed, 1 changed: +12 / −30 words". Used by feeds and pages. */
export function describeDiff(s: DiffSummary): string {
  const fields = [s.titleChanged && 'headline', s.bylineChanged && 'byline', s.publishedChanged && 'published time'].filter(
    (f): f is string => Boolean(f),
  );
  const head = fields.length ? `${listing(fields)} changed` : '';
  const counts: string[] = [];
  const para = (n: number, what: string): void => {
    if (n > 0) counts.push(counts.length ? `${n} ${what}` : `${n} paragraph${n === 1 ? '' : 's'} ${what}`);
  };
  para(s.paragraphsAdded, 'added');
  para(s.paragraphsRemoved, 'removed');
  para(s.paragraphsChanged, 'changed');
  para(s.paragraphsMoved, 'moved');
  para(s.paragraphsSplit, 'split');
  para(s.paragraphsMerged, 'merged');
  const body = counts.length ? counts.join(', ') : 'no paragraph changed';
  const words = wordDelta(s.wordsAdded, s.wordsRemoved);
  const text = head ? `${head}; ${body}: ${words}` : `${body}: ${words}`;
  return text[0].toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c". */
function listing(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** One line for an event row (no diff involved). */
export function describeEvent(change: Extract<Change, { type: 'event' }>): string {
  return eventSentence(change.event);
}
