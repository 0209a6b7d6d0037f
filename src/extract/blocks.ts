import { normalizeText } from '../text/normalize.ts';
import { Text, isElement, type AnyNode, type Element } from './dom.ts';
import { BLOCK_TAGS, visibleLength } from './stats.ts';

export type BlockKind = 'p' | 'heading' | 'li' | 'quote' | 'pre' | 'other';

export interface Block {
  kind: BlockKind;
  text: string;
  /** Share of the block's characters inside links. */
  linkDensity: number;
}

function kindOf(name: string, inherited: BlockKind): BlockKind {
  if (/^h[1-6]$/.test(name)) return 'heading';
  if (name === 'li' || name === 'dd' || name === 'dt') return 'li';
  if (name === 'blockquote') return 'quote';
  if (name === 'pre') return 'pre';
  if (name === 'p') return inherited === 'quote' ? 'quote' : 'p';
  return inherited;
}

type Frame =
  | { exit: false; node: AnyNode; inLink: boolean; kind: BlockKind }
  | { exit: true; isBlock: boolean; restore: BlockKind };

/**
 * The container's text as blocks in document order: one per paragraph, heading, list item, quote.
 * Iterative (explicit stack), because real pages nest tens of thousands of unclosed tags.
 */
export function collectBlocks(container: Element): Block[] {
  const blocks: Block[] = [];
  let parts: string[] = [];
  let linkChars = 0;
  let kind: BlockKind = 'other';
  let brRun = 0;

  const flush = () => {
    const text = normalizeText(parts.join(''));
    if (text) blocks.push({ kind, text, linkDensity: Math.min(1, linkChars / Math.max(1, visibleLength(text))) });
    parts = [];
    linkChars = 0;
  };

  const stack: Frame[] = [{ exit: false, node: container, inLink: false, kind: 'other' }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.exit) {
      if (frame.isBlock) flush();
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
    if (node.name === 'td' || node.name === 'th') parts.push(' ');
    const isBlock = BLOCK_TAGS.has(node.name);
    const restore = frame.kind;
    if (isBlock) {
      flush();
      kind = kindOf(node.name, frame.kind);
    }
    stack.push({ exit: true, isBlock, restore });
    const childKind = isBlock ? kind : frame.kind;
    const childInLink = inLink || node.name === 'a';
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ exit: false, node: node.children[i], inLink: childInLink, kind: childKind });
  }
  flush();
  return blocks;
}
