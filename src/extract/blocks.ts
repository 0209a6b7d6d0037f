import { normalizeText } from '../text/normalize.ts';
import { Text, isElement, type Element } from './dom.ts';
import { BLOCK_TAGS, visibleLength } from './stats.ts';

export type BlockKind = 'p' | 'heading' | 'li' | 'quote' | 'pre' | 'other';

export interface Block {
  kind: BlockKind;
  text: string;
  /** Share of the block's characters inside links. */
  linkDensity: number;
  /** The innermost block element holding the text (several blocks share one in div+br layouts). */
  el: Element;
  /** h1..h6 level for headings, else 0. */
  level: number;
}

function kindOf(name: string, inherited: BlockKind): BlockKind {
  if (name.length === 2 && name[0] === 'h' && name[1] >= '1' && name[1] <= '6') return 'heading';
  if (name === 'li' || name === 'dd' || name === 'dt') return 'li';
  if (name === 'blockquote') return 'quote';
  if (name === 'pre') return 'pre';
  if (name === 'p') return inherited === 'quote' ? 'quote' : 'p';
  return inherited;
}

/**
 * The container's text as blocks in document order: one per paragraph, heading, list item, quote.
 * Iterative (an explicit stack of elements and child positions, no object per node), because
 * real pages nest deeply. `skip` leaves out inline elements (and their text) that a boilerplate
 * pass took out of a paragraph.
 */
export function collectBlocks(container: Element, skip?: (el: Element) => boolean): Block[] {
  const blocks: Block[] = [];
  const parts: string[] = [];
  let linkChars = 0;
  let brRun = 0;
  // The open block elements; the innermost holds the text being gathered.
  const open: Element[] = [container];

  // Whether a part holds more than white space: most flushes (the indentation between block
  // elements) hold none, and normalise to '' without being joined and normalised.
  let hasText = false;
  const flush = (kind: BlockKind) => {
    if (parts.length === 0) return;
    const text = hasText ? normalizeText(parts.length === 1 ? parts[0] : parts.join('')) : '';
    if (text) {
      const el = open[open.length - 1];
      const level = kind === 'heading' && /^h[1-6]$/.test(el.name) ? Number(el.name[1]) : 0;
      // A normalised text's visibleLength is its length (stats.test.ts): single inner spaces only.
      blocks.push({ kind, text, linkDensity: Math.min(1, linkChars / Math.max(1, text.length)), el, level });
    }
    parts.length = 0;
    linkChars = 0;
    hasText = false;
  };

  // One level per element being read: the element, the next child to read, the kind its text
  // takes (the nearest enclosing block's), whether it is a block, and how many links it is in.
  const els: Element[] = [container];
  const next: number[] = [0];
  const kinds: BlockKind[] = [kindOf(container.name, 'other')];
  const isBlocks: boolean[] = [false];
  const links: number[] = [container.name === 'a' ? 1 : 0];
  let depth = 1;
  if (container.name === 'td' || container.name === 'th') parts.push(' ');
  while (depth > 0) {
    const top = depth - 1;
    const el = els[top];
    const kind = kinds[top];
    const i = next[top];
    if (i >= el.children.length) {
      // Leaving the element: text after a nested block belongs to the enclosing block's kind again.
      if (isBlocks[top]) {
        flush(kind);
        open.pop();
      }
      depth--;
      continue;
    }
    next[top] = i + 1;
    const node = el.children[i];
    if (node instanceof Text) {
      const data = node.data;
      if (hasNonSpace(data)) {
        brRun = 0;
        hasText = true;
      }
      parts.push(data);
      if (links[top] > 0) linkChars += visibleLength(data);
      continue;
    }
    if (!isElement(node)) continue;
    const name = node.name;
    if (name === 'br') {
      // <br><br> separates paragraphs in div-and-br layouts; a single <br> is a line break.
      if (++brRun === 2) flush(kind);
      parts.push(' ');
      continue;
    }
    const isBlock = BLOCK_TAGS.has(name);
    if (!isBlock && skip?.(node)) continue;
    if (name === 'td' || name === 'th') parts.push(' ');
    let childKind = kind;
    if (isBlock) {
      flush(kind);
      childKind = kindOf(name, kind);
      open.push(node);
    }
    els[depth] = node;
    next[depth] = 0;
    kinds[depth] = childKind;
    isBlocks[depth] = isBlock;
    links[depth] = links[top] + (name === 'a' ? 1 : 0);
    depth++;
  }
  // Text after the container's last block is read as 'other', as the container's own kind is
  // left with the container.
  flush('other');
  return blocks;
}

/**
 * `s.trim() !== ''` without making the trimmed string: whether `s` holds a character that
 * String.prototype.trim keeps (anything but ECMAScript white space and line terminators).
 */
export function hasNonSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 32 && c < 127) return true;
    if (!isTrimmedSpace(c)) return true;
  }
  return false;
}

function isTrimmedSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
