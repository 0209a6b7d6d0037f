import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validSignature } from './websub.ts';

describe('validSignature', () => {
  const body = new TextEncoder().encode('<rss/>');
  const sig = (alg: string, secret = 'k') => `${alg}=${createHmac(alg, secret).update(body).digest('hex')}`;
  it.each([
    ['sha1', sig('sha1'), true],
    ['sha256', sig('sha256'), true],
    ['sha512', sig('sha512'), true],
    ['upper-case hex', sig('sha256').toUpperCase().replace('SHA256', 'sha256'), true],
    ['wrong secret', sig('sha256', 'other'), false],
    ['truncated', sig('sha256').slice(0, -2), false],
    ['md5 is not offered', `md5=${createHmac('md5', 'k').update(body).digest('hex')}`, false],
    ['missing', undefined, false],
    ['garbage', 'sha256=zz', false],
  ])('%s', (_name, header, ok) => {
    expect(validSignature('k', body, header)).toBe(ok);
  });
});
