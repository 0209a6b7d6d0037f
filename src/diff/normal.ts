import { normalizeText } from '../text/normalize.ts';

/**
 * Printable ASCII with single inner spaces is already normal; testing for that is ~5× cheaper
 * than normalising, and it is by far the common case for English paragraphs.
 */
const MAY_NEED_WORK = /[^\x21-\x7e ]|  |^ | $/;

/** normalizeText (NFC, zero-width dropped, whitespace collapsed), skipped when it would change nothing. */
export function normal(text: string): string {
  return MAY_NEED_WORK.test(text) ? normalizeText(text) : text;
}
