import { formatDate } from '../text/time.ts';
import { clipText, type Piece } from './clip.ts';
import { CARD_FONT } from './fonts.ts';

/** satori takes React-like elements; plain objects need no React. */
export interface Node {
  type: string;
  props: { style?: Record<string, unknown>; children?: Node | Node[] | string };
}

const el = (type: string, style: Record<string, unknown>, children?: Node | Node[] | string): Node => ({
  type,
  props: { style, children },
});

export const WIDTH = 1200;
export const HEIGHT = 630;
const PAD = 52;

// The website's light palette (static/style.css), so a card looks like the page it links to.
const C = {
  bg: '#ffffff',
  fg: '#1a1a1a',
  muted: '#595959',
  line: '#d0d0d0',
  panel: '#f5f5f2',
  accent: '#b3261e',
  delBg: '#ffe3e0',
  delFg: '#7a0d05',
  insBg: '#daf5df',
  insFg: '#0b4a1c',
};

export interface CardContent {
  headline: string;
  sourceName: string;
  capturedAt: number;
  label: string;
  before: Piece[] | null;
  after: Piece[] | null;
}

function word(p: Piece): Node {
  const base = { marginRight: p.space ? 8 : 0, padding: '0 1px' };
  if (p.op === 'del') return el('span', { ...base, background: C.delBg, color: C.delFg, textDecoration: 'line-through' }, p.text);
  if (p.op === 'ins') return el('span', { ...base, background: C.insBg, color: C.insFg, textDecoration: 'underline' }, p.text);
  return el('span', base, p.text);
}

function side(title: string, pieces: Piece[], colour: string, maxHeight: number): Node {
  return el(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      borderLeft: `6px solid ${colour}`,
      background: C.panel,
      padding: '10px 18px',
      maxHeight,
      overflow: 'hidden',
    },
    [
      el('div', { fontSize: 20, fontWeight: 700, color: colour, textTransform: 'uppercase', letterSpacing: 1 }, title),
      el('div', { display: 'flex', flexWrap: 'wrap', fontSize: 27, lineHeight: 1.35, color: C.fg }, pieces.map(word)),
    ],
  );
}

/** Brand and source on top, the headline, what changed, then the marked before and after text. */
export function cardTree(c: CardContent): Node {
  const both = c.before !== null && c.after !== null;
  const boxHeight = both ? 176 : 330;
  const sides: Node[] = [];
  if (c.before) sides.push(side('Before', c.before, C.delFg, boxHeight));
  if (c.after) sides.push(side('After', c.after, C.insFg, boxHeight));
  // Explicit inner width: the layout engine lets wrapped text overflow a padded box otherwise.
  const inner = { width: WIDTH - 2 * PAD, display: 'flex' };
  return el(
    'div',
    {
      width: WIDTH,
      height: HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      background: C.bg,
      color: C.fg,
      fontFamily: CARD_FONT,
      padding: `${PAD - 10}px ${PAD}px ${PAD}px`,
      borderTop: `10px solid ${C.accent}`,
    },
    [
      el('div', { ...inner, fontSize: 24, color: C.muted }, [
        el('span', { fontWeight: 700, color: C.accent, marginRight: 18 }, 'Redline'),
        el('span', {}, clipText(`${c.sourceName} \u00b7 ${formatDate(c.capturedAt)}`, 80)),
      ]),
      el(
        'div',
        { ...inner, fontSize: 40, fontWeight: 700, lineHeight: 1.2, marginTop: 14, maxHeight: 100, overflow: 'hidden' },
        clipText(c.headline, 110),
      ),
      el('div', { ...inner, fontSize: 24, fontWeight: 700, color: C.accent, marginTop: 12, marginBottom: 10 }, clipText(c.label, 90)),
      el('div', { ...inner, flexDirection: 'column', gap: 14 }, sides),
    ],
  );
}
