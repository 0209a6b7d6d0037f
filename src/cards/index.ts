/**
 * Share cards: a 1200x630 PNG of one change (headline, source, time, the changed text clipped
 * with its marks) and its alt text. Drawn without a browser: satori lays out and writes SVG,
 * resvg rasterises it. Used by the website (og:image of every diff page) and by notifiers.
 */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { diffField, type Segment } from '../diff/index.ts';
import { clipPieces, piecesText, toPieces, type Piece } from './clip.ts';
import { FONTS } from './fonts.ts';
import { cardTree, HEIGHT, WIDTH } from './layout.ts';

export { shareCardFromDiff, type CardMeta } from './pick.ts';
export { createCardCache, type CardCache } from './cache.ts';

export interface ShareCardInput {
  headline: string;
  sourceName: string;
  capturedAt: number;
  /** The text before and after the change; '' for a side that has none (an added or removed paragraph). */
  before: string;
  after: string;
  /** Word marks of each side (the diff's segments); computed from before/after when absent. */
  marks?: { before: Segment[]; after: Segment[] };
  /** What happened, e.g. "Headline changed"; by default "Changed", "Added" or "Removed". */
  label?: string;
}

export interface ShareCard {
  png: Uint8Array;
  alt: string;
  width: number;
  height: number;
}

/** Words per side: two boxes of about four lines, or one box of about eight. */
const WORDS_BOTH = 30;
const WORDS_ONE = 62;

interface Prepared {
  before: Piece[] | null;
  after: Piece[] | null;
  label: string;
}

function prepare(input: ShareCardInput): Prepared {
  const marks = input.marks ?? defaultMarks(input.before, input.after);
  const hasBefore = input.before.trim() !== '';
  const hasAfter = input.after.trim() !== '';
  const max = hasBefore && hasAfter ? WORDS_BOTH : WORDS_ONE;
  return {
    before: hasBefore ? clipPieces(toPieces(marks.before), max) : null,
    after: hasAfter ? clipPieces(toPieces(marks.after), max) : null,
    label: input.label ?? (hasBefore && hasAfter ? 'Changed' : hasAfter ? 'Added' : 'Removed'),
  };
}

export async function renderShareCard(input: ShareCardInput): Promise<ShareCard> {
  const { before, after, label } = prepare(input);
  const tree = cardTree({ headline: input.headline, sourceName: input.sourceName, capturedAt: input.capturedAt, label, before, after });
  // satori's types want a ReactNode; the plain element objects are exactly what it reads.
  const svg = await satori(tree as unknown as Parameters<typeof satori>[0], { width: WIDTH, height: HEIGHT, fonts: FONTS });
  const png = new Resvg(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'width', value: WIDTH } }).render().asPng();
  return { png: new Uint8Array(png), alt: altText(before, after), width: WIDTH, height: HEIGHT };
}

/** The card's alt text without drawing it (pages put it in og:image:alt). */
export function shareCardAlt(input: ShareCardInput): string {
  const { before, after } = prepare(input);
  return altText(before, after);
}

export const SHARE_CARD_SIZE = { width: WIDTH, height: HEIGHT } as const;

function defaultMarks(before: string, after: string): { before: Segment[]; after: Segment[] } {
  const field = diffField(before || null, after || null);
  return { before: field.left, after: field.right };
}

/** "Before: … After: …" with the same clipped words as the picture; a missing side says so. */
function altText(before: Piece[] | null, after: Piece[] | null): string {
  const text = (p: Piece[] | null, none: string) => (p ? `\u201c${piecesText(p)}\u201d` : none);
  return `Before: ${text(before, '(not there)')} After: ${text(after, '(removed)')}`;
}
