import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../evidence/errors.ts';
import { ExtractError } from '../extract/index.ts';
import { FeedError } from '../feeds/index.ts';
import { FetchError } from '../fetch/index.ts';
import { UsageError } from '../model/index.ts';
import { StoreError } from '../store/errors.ts';
import { describeFailure, failureText } from './failure.ts';

describe('describeFailure', () => {
  it.each<[string, unknown, object]>([
    [
      'a fetch error with its status',
      new FetchError('http', 'HTTP 503', { status: 503, retryAfterMs: 60_000 }),
      { stage: 'fetch', kind: 'http', status: 503, retryAfterMs: 60_000 },
    ],
    ['a feed error', new FeedError('malformed', 'bad XML'), { stage: 'feed', kind: 'malformed', status: null }],
    ['an extraction error', new ExtractError('empty', 'no text'), { stage: 'extract', kind: 'empty' }],
    ['a store error', new StoreError('disk'), { stage: 'store', kind: 'store' }],
    ['an evidence error', new EvidenceError('key', 'no key'), { stage: 'evidence', kind: 'key' }],
    ['a usage error', new UsageError('bad flag'), { stage: 'input', kind: 'usage' }],
    ['a plain Error', new TypeError('x is undefined'), { stage: 'internal', kind: 'internal', message: 'x is undefined' }],
    ['a thrown string', 'boom', { stage: 'internal', kind: 'internal', message: 'boom' }],
  ])('%s', (_name, err, expected) => {
    expect(describeFailure(err)).toMatchObject(expected);
  });

  it('reads the class, not the name: an Error calling itself FetchError stays internal', () => {
    const spoof = Object.assign(new Error('HTTP 404'), { name: 'FetchError', kind: 'gone', status: 404 });
    expect(describeFailure(spoof)).toMatchObject({ stage: 'internal', kind: 'internal', status: null });
  });

  it('words the stored error with stage and kind, at most 500 characters', () => {
    expect(failureText(describeFailure(new FetchError('timeout', 'no answer in 30s')))).toBe('fetch timeout: no answer in 30s');
    expect(failureText(describeFailure(new FetchError('http', 'x'.repeat(600)))).length).toBe(500);
  });
});
