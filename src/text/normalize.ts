/**
 * Whitespace that should collapse to one space: ASCII and Unicode spaces, NBSP and friends.
 * Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM) are removed outright because sites
 * sprinkle them for line-breaking hints and they must not make two equal texts differ.
 */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

/** NFC, zero-width characters and soft hyphens dropped, whitespace runs collapsed to one space, trimmed. */
export function normalizeText(s: string): string {
  return s.normalize('NFC').replace(ZERO_WIDTH, '').replace(SPACES, ' ').trim();
}
