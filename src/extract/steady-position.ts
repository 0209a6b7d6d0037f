import { F } from './feature-names.ts';

/** No filter cut it (teaser, link list, furniture): a steady block, the ones neighbours and positions are measured over. */
export const isSteady = (x: Float32Array) => x[F.cutTeaser] === 0 && x[F.cutLinkList] === 0 && x[F.cutFurniture] === 0;
const isHeading = (x: Float32Array) => x[F.kindHeading] === 1;
export const charsOf = (x: Float32Array) => Math.expm1(x[F.logChars]);

/**
 * The text of each block's section, as log(1 + characters), into F.sectionText: the steady
 * non-heading blocks between two steady headings. A heading a pass cut ("More on this story"
 * over an inserted related list) does not end a section, so inserting one beside the article
 * moves no paragraph's section; a heading's own value is the steady text after it, up to the
 * next steady heading.
 */
export function addSectionText(base: Float32Array[]): void {
  const n = base.length;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    if (i < n && !(isHeading(base[i]) && isSteady(base[i]))) continue;
    let chars = 0;
    for (let j = start; j < i; j++) if (!isHeading(base[j]) && isSteady(base[j])) chars += charsOf(base[j]);
    const value = Math.log1p(chars);
    for (let j = start; j < i; j++) if (!isHeading(base[j])) base[j][F.sectionText] = value;
    start = i + 1;
  }
  // Headings: the steady text after them, up to the next steady heading.
  let after = 0;
  for (let i = n - 1; i >= 0; i--) {
    const x = base[i];
    if (isHeading(x)) {
      x[F.sectionText] = Math.log1p(after);
      if (isSteady(x)) after = 0;
    } else if (isSteady(x)) after += charsOf(x);
  }
}

/** Long enough to be a standfirst or a paragraph, not a byline or a date line. */
const LONG_CHARS = 60;
const LONG_LINKS = 0.3;

/**
 * Which long block under the headline each block is, into F.longAfterTitle: the steady blocks of
 * at least LONG_CHARS characters (mostly not links) between the nearest headline block above and
 * this one, at most 3; -1 with no headline above (and on the headline). The first long block
 * under the headline is the standfirst or the first paragraph (edited most) or a disclaimer,
 * where the byline, date and share bar between them are short; a cut promo in between counts not.
 */
export function addLongAfterTitle(blocks: readonly { text: string; linkDensity: number }[], base: Float32Array[]): void {
  let since = -1;
  for (let i = 0; i < base.length; i++) {
    const x = base[i];
    if (x[F.titleText] === 1) {
      since = 0;
      x[F.longAfterTitle] = -1;
      continue;
    }
    x[F.longAfterTitle] = since < 0 ? -1 : Math.min(since, 3);
    const b = blocks[i];
    if (since >= 0 && isSteady(x) && b.text.length >= LONG_CHARS && b.linkDensity < LONG_LINKS) since++;
  }
}
