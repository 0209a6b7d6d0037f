import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../config/index.ts';
import { EvidenceError } from './errors.ts';

export interface SigningKey {
  privateKey: KeyObject;
  /** SPKI DER, base64: how roots name their key. */
  publicKey: string;
  path: string;
}

export function defaultKeyPath(dataDir: string): string {
  return join(dataDir, 'evidence', 'signing-key.pem');
}

/**
 * The Ed25519 key that signs roots: config.evidence.signingKeyFile, else DATA/evidence/signing-key.pem,
 * generated there (mode 0600) on first use. A configured file that is missing is an error, never replaced.
 */
export function loadSigningKey(config: Pick<Config, 'dataDir' | 'evidence'>): SigningKey {
  const configured = config.evidence.signingKeyFile;
  const path = configured ?? defaultKeyPath(config.dataDir);
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || configured) {
      throw new EvidenceError('key', `cannot read the signing key ${path}: ${(err as Error).message}`, { cause: err });
    }
    pem = createKeyFile(path);
  }
  return fromPem(pem, path);
}

function createKeyFile(path: string): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    // wx: two processes starting at once must not both write a key; the loser reads the winner's.
    writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
    return pem;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(path, 'utf8');
    throw new EvidenceError('key', `cannot write the signing key ${path}: ${(err as Error).message}`, { cause: err });
  }
}

function fromPem(pem: string, path: string): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch (err) {
    throw new EvidenceError('key', `${path} is not a PEM private key: ${(err as Error).message}`, { cause: err });
  }
  if (privateKey.asymmetricKeyType !== 'ed25519')
    throw new EvidenceError('key', `${path} holds a ${privateKey.asymmetricKeyType} key, not Ed25519`);
  const publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');
  return { privateKey, publicKey, path };
}

/** Whether the key file can be read by others than its owner (it should not). */
export function keyFileIsOpen(path: string): boolean {
  return (statSync(path).mode & 0o077) !== 0;
}

export function signStatement(key: SigningKey, statement: string): string {
  return sign(null, Buffer.from(statement, 'utf8'), key.privateKey).toString('base64');
}

export function verifyStatement(publicKey: string, statement: string, signature: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    return verify(null, Buffer.from(statement, 'utf8'), key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
