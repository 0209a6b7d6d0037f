import { describe, expect, it } from 'vitest';
import { diffVersions } from './engine.ts';
import { renderTerminalDiff } from './terminal.ts';

const a = {
  title: 'Storm closes roads',
  byline: 'By A Reporter',
  published: null,
  paragraphs: ['At least 12 people were hurt, police said.', 'This paragraph goes away.', 'Schools stay open.', 'Trains run as normal.'],
};
const b = {
  title: 'Storm closes roads and schools',
  byline: 'By A Reporter',
  published: null,
  paragraphs: [
    'At least 15 people were hurt, police said.',
    'Trains run as normal.',
    'Schools stay open.',
    'A new paragraph appears here.',
  ],
};
const model = diffVersions(a, b);
const ESC = String.fromCharCode(27);

describe('renderTerminalDiff', () => {
  it('without colour marks changes with [-…-] and {+…+} and a sign column', () => {
    const out = renderTerminalDiff(model, { color: false });
    expect(out).not.toContain(ESC);
    expect(out.split('\n')).toEqual([
      '~ Headline: Storm closes roads{+ and schools+}',
      '  Byline: By A Reporter',
      '  +8 / -5 words; paragraphs: 1 added, 1 removed, 1 changed, 1 moved',
      '',
      '~ At least [-12-]{+15+} people were hurt, police said.',
      '- [-This paragraph goes away.-]',
      '< (moved to ¶3) Schools stay open.',
      '  Trains run as normal.',
      '> (moved from ¶3) Schools stay open.',
      '+ {+A new paragraph appears here.+}',
      '',
    ]);
  });

  it('with colour uses red strike-through and green underline', () => {
    const out = renderTerminalDiff(model, { color: true });
    expect(out).toContain(`${ESC}[31;9m12${ESC}[0m${ESC}[32;4m15${ESC}[0m`);
    expect(out).toContain(`- ${ESC}[31;9mThis paragraph goes away.${ESC}[0m`);
    expect(out).not.toContain('[-');
  });

  it('wraps to the width, indenting continuation lines under the text', () => {
    const long = { ...b, paragraphs: [...b.paragraphs, 'word '.repeat(40).trim()] };
    const out = renderTerminalDiff(diffVersions(a, long), { color: false, width: 40 });
    const lines = out.split('\n');
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(40);
    const wrapped = lines.filter((l) => /\bword\b/.test(l));
    expect(wrapped.length).toBeGreaterThan(4);
    expect(wrapped.slice(1).every((l) => l.startsWith('  ') && !l.startsWith('   '))).toBe(true);
    expect(wrapped.join(' ').match(/word/g)!.length).toBe(40);
  });
});

describe('renderTerminalDiff: moves with edits, splits, merges', () => {
  it('shows each with its sign, note and word marks', () => {
    const m = diffVersions(
      {
        title: 'T',
        byline: null,
        published: null,
        paragraphs: [
          'Kept one.',
          'Kept two here.',
          'The crown rose slightly after the news.',
          'The bridge shut at noon. It reopens next week.',
          'Polls open at seven.',
          'They close at ten.',
        ],
      },
      {
        title: 'T',
        byline: null,
        published: null,
        paragraphs: [
          'The crown rose sharply after the news.',
          'Kept one.',
          'Kept two here.',
          'The bridge shut at noon.',
          'It reopens next week.',
          'Polls open at seven. They close at eleven.',
        ],
      },
    );
    expect(renderTerminalDiff(m, { color: false }).split('\n').slice(3)).toEqual([
      '> (moved from ¶3, changed) The crown rose [-slightly-]{+sharply+} after the news.',
      '  Kept one.',
      '  Kept two here.',
      '< (moved to ¶1, changed) The crown rose [-slightly-] after the news.',
      '/ (¶4 split into ¶4–5) The bridge shut at noon.',
      '/ It reopens next week.',
      '\\ (¶5–6 merged into ¶6) Polls open at seven. They close at [-ten-]{+eleven+}.',
      '',
    ]);
  });
});
