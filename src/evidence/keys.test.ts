import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/index.ts';
import { defaultKeyPath, loadSigningKey, signStatement, verifyStatement } from './keys.ts';

const dir = mkdtempSync(join(tmpdir(), 'redline-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('signing key', () => {
  it('is generated on first use with mode 0600, then reused', () => {
    const config = { ...defaultConfig(), dataDir: dir };
    const key = loadSigningKey(config);
    expect(key.path).toBe(defaultKeyPath(dir));
    expect(statSync(key.path).mode & 0o777).toBe(0o600);
    expect(loadSigningKey(config).publicKey).toBe(key.publicKey);
    const sig = signStatement(key, 'hello');
    expect(verifyStatement(key.publicKey, 'hello', sig)).toBe(true);
    expect(verifyStatement(key.publicKey, 'hellO', sig)).toBe(false);
    expect(verifyStatement('not a key', 'hello', sig)).toBe(false);
  });

  it('refuses a configured key file that is missing or not Ed25519', () => {
    const missing = { ...defaultConfig(), dataDir: dir, evidence: { ...defaultConfig().evidence, signingKeyFile: join(dir, 'nope.pem') } };
    expect(() => loadSigningKey(missing)).toThrow(/cannot read the signing key/);
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'not a key');
    expect(() => loadSigningKey({ ...missing, evidence: { ...missing.evidence, signingKeyFile: junk } })).toThrow(/not a PEM private key/);
  });
});
