/**
 * The text a page shows, as written: every text node outside <script> and <style>, with a space
 * at block boundaries and none inside a line (so "<b>wo</b>rd" stays "word"). It measures the
 * reference, not an extractor: a with[] snippet that is not in this text (case-insensitive,
 * whitespace runs as one space) cannot be found by an extractor that stores what the page wrote.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import { squash } from './wcxb-score.ts';

const SKIP = new Set(['script', 'style']);
const BLOCK = new Set(
  'address article aside blockquote body br dd details div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol option p pre section summary table td th title tr ul'.split(
    ' ',
  ),
);

export function pageText(html: string): string {
  const out: string[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text') out.push(n.data);
      else if ('children' in n && !('name' in n && SKIP.has(n.name))) {
        walk(n.children);
        if ('name' in n && BLOCK.has(n.name)) out.push(' ');
      }
    }
  };
  walk(parseDocument(html, { decodeEntities: true }).children);
  return squash(out.join(''));
}

/** The snippets (squashed) that the page's text holds as written. */
export function snippetsOnPage(html: string, snippets: readonly string[]): Set<string> {
  const text = pageText(html);
  return new Set(snippets.map(squash).filter((s) => s !== '' && text.includes(s)));
}
