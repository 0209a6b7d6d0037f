import { describe, expect, it } from 'vitest';
import { diffVersions } from '../diff/index.ts';
import { changedSentence, digestOf, firstWords } from './digest.ts';

const v1 = { title: 'Ferry runs aground', byline: null, published: null, paragraphs: ['First paragraph here.', 'Second paragraph about the ferry and its passengers.', 'Third one.', 'Fourth one.'] };
const digest = (b: typeof v1) => digestOf(diffVersions(v1, b), b);

describe('change digests', () => {
  it('name the change: headline, removed paragraphs, moves', () => {
    expect(digest({ ...v1, title: 'Ferry refloated' }).title).toBe('Headline changed: \u201cFerry runs aground\u201d \u2192 \u201cFerry refloated\u201d');
    const removed = digest({ ...v1, paragraphs: ['First paragraph here.', 'Fourth one.'] });
    expect(removed.title).toBe('2 paragraphs removed from \u201cFerry runs aground\u201d');
    expect(removed.preview).toEqual({ kind: 'paragraphs', what: 'removed', count: 2, firstWords: 'Second paragraph about the ferry and its passengers.' });
    const moved = digest({ ...v1, paragraphs: ['Fourth one.', 'First paragraph here.', 'Second paragraph about the ferry and its passengers.', 'Third one.'] });
    expect(moved.title).toBe('1 paragraph moved in \u201cFerry runs aground\u201d');
    expect(moved.summary).toMatch(/^1 paragraph moved/);
  });

  it('preview the changed sentence only, with "…" where the paragraph is cut', () => {
    const segs = [
      { op: 'same' as const, text: 'An opening sentence. The council said ' },
      { op: 'del' as const, text: '12' }, { op: 'ins' as const, text: '15' },
      { op: 'same' as const, text: ' people were hurt. A closing sentence follows here.' },
    ];
    expect(changedSentence(segs).map((s) => s.text).join('|')).toBe('\u2026 The council said |12|15| people were hurt. \u2026');
    expect(firstWords('one two three four five six seven eight nine ten eleven twelve thirteen fourteen', 30)).toBe('one two three four five six\u2026');
  });

  it('feed HTML escapes the text of the page', () => {
    const evil = digest({ ...v1, paragraphs: [...v1.paragraphs, '<script>alert(1)</script>'] });
    expect(evil.html).toContain('<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>');
    expect(evil.html).not.toContain('<script>');
  });
});
