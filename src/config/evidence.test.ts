import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './load.ts';

const dir = mkdtempSync(join(tmpdir(), 'redline-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function withFile(value: unknown) {
  const file = join(dir, `c${Math.random()}.json`);
  writeFileSync(file, JSON.stringify(value));
  return () => loadConfig({ dataDir: dir, configFile: file }, {});
}

describe('evidence settings', () => {
  it('default to hourly roots, every capture kept, no archiving', () => {
    const c = withFile({})();
    expect(c.evidence).toMatchObject({ sealEverySec: 3600, keepCapturesDays: null, signingKeyFile: null });
    expect(c.evidence.wayback).toMatchObject({ sources: [], endpoint: 'https://web.archive.org', maxRequests: 12, windowSec: 60 });
  });

  it('merge from the file, nested wayback included, and take the archive keys from the environment', () => {
    const file = join(dir, 'keys.json');
    writeFileSync(file, JSON.stringify({ evidence: { keepCapturesDays: 30, wayback: { sources: ['bbc'], maxRequests: 5 } } }));
    const c = loadConfig({ dataDir: dir, configFile: file }, { REDLINE_SPN_ACCESS_KEY: 'a', REDLINE_SPN_SECRET_KEY: 's' });
    expect(c.evidence.keepCapturesDays).toBe(30);
    expect(c.evidence.wayback).toMatchObject({ sources: ['bbc'], maxRequests: 5, windowSec: 60, accessKey: 'a', secretKey: 's' });
  });

  it.each([
    [{ evidence: { sealEverySec: 0 } }, /sealEverySec must be a positive number/],
    [{ evidence: { keepCapturesDays: -1 } }, /keepCapturesDays/],
    [{ evidence: { wayback: { sources: 'bbc' } } }, /wayback.sources must be a list/],
    [{ evidence: { wayback: { endpoint: 'ftp://x' } } }, /endpoint must be an http/],
    [{ evidence: { wayback: { maxRequests: 0 } } }, /maxRequests/],
    [{ evidence: 3 }, /: evidence must be an object/],
  ])('rejects %j', (value, message) => {
    expect(withFile(value)).toThrow(message);
  });
});
