import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Admin secrets: 256 random bits, shown once, stored only as sha256. Looking a token up by its hash
 * is safe against timing attacks: what the comparison leaks is about the hash, and the hash of a
 * 256-bit random secret says nothing about the secret.
 */
export function newSecret(prefix: 'rla' | 'rls'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The CSRF token of a session: derived from its secret id, so it needs no storage and reveals nothing. */
export function csrfToken(sessionId: string): string {
  return createHash('sha256').update(`csrf:${sessionId}`, 'utf8').digest('base64url');
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Token names appear in the audit log as the actor: short and plain. */
export const TOKEN_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/i;
