import { UsageError, type AdminToken, type Millis } from '../model/index.ts';
import type { Store } from '../store/store.ts';
import type { AdminDeps } from './actions.ts';
import { hashSecret, newSecret, TOKEN_NAME } from './tokens.ts';

/** Makes a token; the secret is returned once and only its hash is kept. */
export async function createToken(deps: AdminDeps, actor: string, name: string): Promise<{ token: AdminToken; secret: string }> {
  if (!TOKEN_NAME.test(name)) throw new UsageError(`token name must be 1-64 letters, digits, ., _ or - (got ${JSON.stringify(name)})`);
  const secret = newSecret('rla');
  const at = deps.now();
  const token = await deps.store.createAdminToken(name, hashSecret(secret), at);
  await deps.store.addAudit({ at, actor, action: 'token-create', target: `token:${name}`, reason: null });
  return { token, secret };
}

export async function revokeToken(deps: AdminDeps, actor: string, name: string): Promise<void> {
  const at = deps.now();
  if (!(await deps.store.revokeAdminToken(name, at))) throw new UsageError(`no live admin token named ${JSON.stringify(name)}`);
  await deps.store.addAudit({ at, actor, action: 'token-revoke', target: `token:${name}`, reason: null });
}

/** The token behind an `Authorization: Bearer` secret, or null. */
export async function tokenForSecret(store: Store, secret: string, now: Millis): Promise<AdminToken | null> {
  if (!/^rla_[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  return store.useAdminToken(hashSecret(secret), now);
}

/** Logs in with a token secret: a new session id (for the cookie), or null for a wrong secret. */
export async function startSession(
  store: Store,
  secret: string,
  now: Millis,
  hours: number,
): Promise<{ sessionId: string; token: AdminToken } | null> {
  const token = await tokenForSecret(store, secret.trim(), now);
  if (!token) return null;
  const sessionId = newSecret('rls');
  await store.createAdminSession(hashSecret(sessionId), token.id, now, now + hours * 3600_000);
  return { sessionId, token };
}

export async function sessionToken(store: Store, sessionId: string, now: Millis): Promise<AdminToken | null> {
  if (!/^rls_[A-Za-z0-9_-]{43}$/.test(sessionId)) return null;
  return store.getAdminSession(hashSecret(sessionId), now);
}

export async function endSession(store: Store, sessionId: string): Promise<void> {
  await store.deleteAdminSession(hashSecret(sessionId));
}
