import { describe, expect, it } from 'vitest';
import { EVENT_KINDS } from '../model/index.ts';
import { describeEvent } from './events.ts';

describe('describeEvent', () => {
  it.each([
    [{ kind: 'removed', versionNumber: null, detail: 'HTTP 410' }, 'Removed from the site (HTTP 410)'],
    [{ kind: 'restored', versionNumber: null, detail: null }, 'Back on the site'],
    [{ kind: 'revert', versionNumber: 2, detail: null }, 'Back to the text of version 2'],
    [
      { kind: 'retired', versionNumber: null, detail: 'check period 4000000s exceeds 3456000s' },
      'No longer checked for changes (check period 4000000s exceeds 3456000s)',
    ],
    [{ kind: 'error', versionNumber: null, detail: null }, 'Check failed'],
  ] as const)('%j', (event, expected) => {
    expect(describeEvent(event)).toBe(expected);
  });

  it('has a sentence for every event kind', () => {
    for (const kind of EVENT_KINDS) expect(describeEvent({ kind, versionNumber: 1, detail: null })).toMatch(/^[A-Z]\w+/);
  });
});
