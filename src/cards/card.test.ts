import { describe, expect, it } from 'vitest';
import { diffVersions } from '../diff/index.ts';
import { clipPieces, toPieces } from './clip.ts';
import { createCardCache, renderShareCard, shareCardFromDiff, type ShareCardInput } from './index.ts';

const AT = Date.UTC(2026, 10, 26, 13, 17);
const meta = { headline: 'Ferry runs aground off Port Calder in heavy fog', sourceName: 'The Daily Demo', capturedAt: AT };

/** Width and height from the PNG's IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

const long = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('renderShareCard', () => {
  it('draws a 1200x630 PNG of at most 200 KB, with "Before: … After: …" alt text', async () => {
    const input: ShareCardInput = {
      ...meta,
      before: 'A passenger ferry carrying 214 people ran aground, and 12 people were taken to hospital with minor injuries.',
      after: 'A passenger ferry carrying 214 people ran aground, and 15 people were taken to hospital with minor injuries.',
    };
    const card = await renderShareCard(input);
    expect([...card.png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(card.png)).toEqual({ width: 1200, height: 630 });
    expect({ width: card.width, height: card.height }).toEqual({ width: 1200, height: 630 });
    expect(card.png.byteLength).toBeLessThanOrEqual(200 * 1024);
    expect(card.alt).toBe(`Before: \u201c${input.before}\u201d After: \u201c${input.after}\u201d`);
  });

  it('clips long paragraphs around the change, in the picture and in the alt text', async () => {
    const before = `${long(80)} old ending here.`;
    const after = `${long(80)} new ending here.`;
    const card = await renderShareCard({ ...meta, before, after });
    expect(card.png.byteLength).toBeLessThanOrEqual(200 * 1024);
    // The changed word is near the end, so the start is cut and the change is kept.
    expect(card.alt).toMatch(/^Before: \u201c\u2026 .*old ending here\.\u201d After: \u201c\u2026 .*new ending here\.\u201d$/);
    expect(card.alt.length).toBeLessThan(before.length + after.length);
  });

  it('says which side is missing for an added or a removed paragraph, and keeps markup as text', async () => {
    const added = await renderShareCard({ ...meta, before: '', after: 'Update: <script>alert(1)</script> the ship was refloated.' });
    expect(added.alt).toBe('Before: (not there) After: \u201cUpdate: <script>alert(1)</script> the ship was refloated.\u201d');
    const removed = await renderShareCard({ ...meta, before: 'Gone paragraph.', after: '' });
    expect(removed.alt).toBe('Before: \u201cGone paragraph.\u201d After: (removed)');
  });
});

describe('shareCardFromDiff', () => {
  const v1 = {
    title: 'Ferry runs aground',
    byline: null,
    published: null,
    paragraphs: ['One two three.', 'Four five six seven.', 'Eight nine.'],
  };

  it('tells the headline change first', () => {
    const input = shareCardFromDiff(diffVersions(v1, { ...v1, title: 'Ferry refloated' }), meta);
    expect(input).toMatchObject({ label: 'Headline changed', before: 'Ferry runs aground', after: 'Ferry refloated' });
  });

  it('else the paragraph that changed most, and a move-only edit says it moved', () => {
    const edited = { ...v1, paragraphs: ['One two three.', 'Four 5 six seven and more words here.', 'Eight nine.'] };
    expect(shareCardFromDiff(diffVersions(v1, edited), meta)).toMatchObject({ label: 'Paragraph changed', before: 'Four five six seven.' });
    const removed = { ...v1, paragraphs: ['One two three.', 'Eight nine.'] };
    expect(shareCardFromDiff(diffVersions(v1, removed), meta)).toMatchObject({
      label: 'Paragraph removed',
      before: 'Four five six seven.',
      after: '',
    });
    const moved = { ...v1, paragraphs: ['Eight nine.', 'One two three.', 'Four five six seven.'] };
    expect(shareCardFromDiff(diffVersions(v1, moved), meta).label).toMatch(/^Paragraph moved from position \d to \d$/);
  });
});

describe('clipping and caching', () => {
  it('keeps a few words before the first mark and ellipses at cut ends', () => {
    const pieces = toPieces([
      { op: 'same', text: long(50) + ' ' },
      { op: 'del', text: 'gone' },
      { op: 'same', text: ' ' + long(50) },
    ]);
    const clipped = clipPieces(pieces, 20);
    expect(clipped[0].text).toBe('\u2026');
    expect(clipped.at(-1)!.text).toBe('\u2026');
    expect(clipped.findIndex((p) => p.op === 'del')).toBe(9);
    expect(clipped).toHaveLength(22);
  });

  it('draws a card once per key', async () => {
    const cache = createCardCache(2);
    let draws = 0;
    const draw = async () => (draws++, renderShareCard({ ...meta, before: 'a b', after: 'a c' }));
    const first = await cache.get('1:1:2', draw);
    expect(await cache.get('1:1:2', draw)).toBe(first);
    expect(draws).toBe(1);
    await cache.get('1:2:3', draw);
    await cache.get('1:3:4', draw);
    expect(cache.size).toBe(2);
  });
});
