/**
 * Change detection on real furniture (issue 8): page variants built from WCXB ground truth.
 * A word of a without[] snippet (real page furniture) changed wherever the snippet occurs must
 * NOT change the fingerprint (a snippet that the reference body also holds is not applicable); a word of a with[] snippet (article text) changed, or the paragraph
 * holding it deleted, MUST. The no-op variants of src/extract/testdata/robustness.ts run on the same pages.
 */
import { parseDocument } from 'htmlparser2';
import { elementsIn, isElement, Text, type AnyNode, type Element } from '../../src/extract/dom.ts';
import { extractArticle } from '../../src/extract/index.ts';
import { applyEdits, BOILERPLATE_VARIANTS, groundTruthMatcher, makeVariant, type Edit } from '../../src/extract/testdata/robustness.ts';
import type { WcxbPage } from './wcxb.ts';

export const SNIPPET_KINDS = ['without-word-changed', 'with-word-changed', 'with-paragraph-removed'] as const;
export type ChangeKind = (typeof SNIPPET_KINDS)[number] | (typeof BOILERPLATE_VARIANTS)[number];
/** Kinds whose variants must change the fingerprint; every other kind must not. */
export const MUST_CHANGE = new Set<ChangeKind>(['with-word-changed', 'with-paragraph-removed']);

export interface ChangeTally {
  kind: ChangeKind;
  tested: number;
  /** Variants that changed the fingerprint. */
  changed: number;
  notApplicable: number;
  failures: string[];
}

const RAW = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'title']);
/** Lower-case, typographic quotes and dashes folded, one character for one (offsets stay valid). */
const foldChar = (c: string) => {
  const l = c.toLowerCase();
  if (l.length !== 1) return c;
  if ('‘’‛′'.includes(l)) return "'";
  if ('“”„″'.includes(l)) return '"';
  if ('–—‒―'.includes(l)) return '-';
  return l;
};

/** The page's visible text without any whitespace, each character mapped to its offset in the HTML. */
interface FlatText {
  text: string;
  at: number[];
}

function flatten(html: string, doc: ReturnType<typeof parseDocument>): FlatText {
  let text = '';
  const at: number[] = [];
  const stack: AnyNode[] = [...doc.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node instanceof Text) {
      if (node.startIndex === null || node.endIndex === null) continue;
      for (let i = node.startIndex; i <= node.endIndex; i++) {
        const c = html[i];
        if (/\s/.test(c)) continue;
        text += foldChar(c);
        at.push(i);
      }
    } else if (isElement(node) && !RAW.has(node.name)) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
    }
  }
  return { text, at };
}

const squeezeSnippet = (s: string) => [...s.replace(/\s+/g, '')].map(foldChar).join('');

/** The word a variant changes: a number if the snippet has one (counts, times), else its longest word. */
function targetWord(snippet: string): string | null {
  const words = snippet.match(/[\p{L}\p{N}]+/gu) ?? [];
  const number = words.find((w) => /^\d+$/.test(w) && w.length >= 1);
  if (number) return number;
  const long = words.filter((w) => /^\p{L}{4,}$/u.test(w)).sort((a, b) => b.length - a.length);
  return long[0] ?? null;
}

function mutate(word: string): string {
  if (/^\d+$/.test(word)) return String((Number(word) + 7) % 10 ** Math.max(1, word.length)).padStart(word.length, '0');
  const reversed = [...word].reverse().join('');
  return reversed.toLowerCase() === word.toLowerCase() ? `${word}x` : reversed;
}

const apply = applyEdits;

/** Edits replacing the target word inside every occurrence of the snippet, or null when none is editable. */
function wordEdits(html: string, flat: FlatText, snippet: string): Edit[] | null {
  const word = targetWord(snippet);
  if (!word) return null;
  const key = squeezeSnippet(snippet);
  const wordKey = squeezeSnippet(word);
  const offsetInKey = key.indexOf(wordKey);
  if (key.length < 8 || offsetInKey < 0) return null;
  const edits: Edit[] = [];
  for (let i = flat.text.indexOf(key); i >= 0; i = flat.text.indexOf(key, i + key.length)) {
    const first = flat.at[i + offsetInKey];
    const last = flat.at[i + offsetInKey + wordKey.length - 1];
    // Only where the word is written plainly (no entity or tag inside it).
    if (last - first !== wordKey.length - 1 || html.slice(first, last + 1).toLowerCase() !== word.toLowerCase()) continue;
    edits.push({ start: first, end: last + 1, text: mutate(html.slice(first, last + 1)) });
  }
  return edits.length > 0 ? edits : null;
}

const PARAGRAPHS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dd', 'dt', 'td', 'pre', 'div', 'section']);

/**
 * Deletes the innermost paragraph-like element around every occurrence of the snippet, as the word
 * variant edits every occurrence: a snippet also written in a contents list or a teaser above the
 * body is deleted from the article only when its paragraph there goes too. A nested element goes with its outer one.
 */
function paragraphEdit(flat: FlatText, all: Element[], snippet: string): Edit[] | null {
  const key = squeezeSnippet(snippet);
  if (key.length < 8) return null;
  const holders = new Set<Element>();
  for (let i = flat.text.indexOf(key); i >= 0; i = flat.text.indexOf(key, i + key.length)) {
    const from = flat.at[i];
    const to = flat.at[i + key.length - 1];
    let best: Element | null = null;
    for (const el of all) {
      if (!PARAGRAPHS.has(el.name) || el.startIndex === null || el.endIndex === null) continue;
      if (el.startIndex <= from && el.endIndex >= to && (!best || el.endIndex - el.startIndex < best.endIndex! - best.startIndex!))
        best = el;
    }
    if (best) holders.add(best);
  }
  if (holders.size === 0) return null;
  return [...holders].map((el) => ({ start: el.startIndex!, end: el.endIndex! + 1, text: '' }));
}

/** The page without the paragraphs holding the snippet (see paragraphEdit), or null when none holds it. */
export function withoutParagraphsOf(html: string, snippet: string): string | null {
  const doc = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const edits = paragraphEdit(flatten(html, doc), elementsIn(doc), snippet);
  return edits ? apply(html, edits) : null;
}

function fingerprintOf(html: string, url: string): string {
  try {
    return extractArticle(html, url).fingerprint;
  } catch (err) {
    return `error:${(err as Error).message}`;
  }
}

/** Up to `perPage` snippets of each list per page; all no-op kinds once per page; up to `maxFailures` failing page ids kept per kind. */
export function changeDetection(pages: (WcxbPage & { html: string })[], perPage = 2, maxFailures = 8): ChangeTally[] {
  const kinds: ChangeKind[] = [...SNIPPET_KINDS, ...BOILERPLATE_VARIANTS];
  const tallies = new Map<ChangeKind, ChangeTally>(
    kinds.map((k) => [k, { kind: k, tested: 0, changed: 0, notApplicable: 0, failures: [] }]),
  );
  pages.forEach((page, pageIndex) => {
    const original = fingerprintOf(page.html, page.url);
    if (original.startsWith('error:')) return;
    const doc = parseDocument(page.html, { withStartIndices: true, withEndIndices: true });
    const flat = flatten(page.html, doc);
    const all = elementsIn(doc);
    const variants: [ChangeKind, string | null][] = [];
    const body = squeezeSnippet(page.expected);
    for (const s of page.without.slice(0, perPage)) {
      // A furniture snippet the article's own text also holds ("Subscribe" and "newsletters I
      // subscribe to"): editing it everywhere edits the article, which must show. Not applicable.
      const e = body.includes(squeezeSnippet(s)) ? null : wordEdits(page.html, flat, s);
      variants.push(['without-word-changed', e ? apply(page.html, e) : null]);
    }
    for (const s of page.with.slice(0, perPage)) {
      const e = wordEdits(page.html, flat, s);
      variants.push(['with-word-changed', e ? apply(page.html, e) : null]);
    }
    const para = page.with.map((s) => paragraphEdit(flat, all, s)).find((e) => e !== null) ?? null;
    variants.push(['with-paragraph-removed', para ? apply(page.html, para) : null]);
    const isBody = groundTruthMatcher(page.expected);
    BOILERPLATE_VARIANTS.forEach((k, i) => variants.push([k, makeVariant(page.html, k, { seed: pageIndex * 100 + i, isBody })]));
    for (const [kind, html] of variants) {
      const t = tallies.get(kind)!;
      if (html === null || html === page.html) {
        t.notApplicable++;
        continue;
      }
      t.tested++;
      const changed = fingerprintOf(html, page.url) !== original;
      if (changed) t.changed++;
      if (changed !== MUST_CHANGE.has(kind) && t.failures.length < maxFailures) t.failures.push(page.id);
    }
  });
  return [...tallies.values()];
}
