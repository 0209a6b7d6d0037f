import { normalizeText } from '../text/normalize.ts';
import { Text, isElement, type AnyNode, type Element } from './dom.ts';
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

type Frame =
  { exit: false; node: AnyNode; inLink: boolean; kind: BlockKind } | { exit: true; isBlock: boolean; restore: BlockKind; el: Element };

/**
 * The container's text as blocks in document order: one per paragraph, heading, list item, quote.
 * Iterative (explicit stack), because real pages nest deeply. `skip` leaves out inline
 * elements (and their text) that a boilerplate pass took out of a paragraph.
 */
export function collectBlocks(container: Element, skip?: (el: Element) => boolean): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let kind: BlockKind = 'other';
  let brRun = 0;
  const open: Element[] = [container];

  const flush = () => {
    if (parts.length === 0) return;
    const text = normalizeText(parts.join(''));
    if (text) {
      const el = open[open.length - 1];
      const level = kind === 'heading' && /^h[1-6]$/.test(el.name) ? Number(el.name[1]) : 0;
      blocks.push({ kind, text, linkDensity: Math.min(1, linkChars / Math.max(1, visibleLength(text))), el, level });
    }
    parts = [];
    linkChars = 0;
  };

  const stack: Frame[] = [{ exit: false, node: container, inLink: false, kind: 'other' }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.exit) {
      if (frame.isBlock) {
        flush();
        open.pop();
      }
      // Text after a nested block belongs to the enclosing block's kind again.
      kind = frame.restore;
      continue;
    }
    const { node, inLink } = frame;
    if (node instanceof Text) {
      if (node.data.trim() !== '') brRun = 0;
      parts.push(node.data);
      if (inLink) linkChars += visibleLength(node.data);
      continue;
    }
    if (!isElement(node)) continue;
    if (node.name === 'br') {
      // <br><br> separates paragraphs in div-and-br layouts; a single <br> is a line break.
      if (++brRun === 2) flush();
      parts.push(' ');
      continue;
    }
    const isBlock = node !== container && BLOCK_TAGS.has(node.name);
    if (!isBlock && node !== container && skip?.(node)) continue;
    if (node.name === 'td' || node.name === 'th') parts.push(' ');
    const restore = frame.kind;
    if (isBlock) {
      flush();
      kind = kindOf(node.name, frame.kind);
      open.push(node);
    } else if (node === container) kind = kindOf(node.name, 'other');
    stack.push({ exit: true, isBlock, restore, el: node });
    const childKind = isBlock || node === container ? kind : frame.kind;
    const childInLink = inLink || node.name === 'a';
    for (let i = node.children.length - 1; i >= 0; i--)
      stack.push({ exit: false, node: node.children[i], inLink: childInLink, kind: childKind });
  }
  flush();
  return blocks;
}
