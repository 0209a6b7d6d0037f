import type { AdminToken, Millis } from '../../model/index.ts';
import { UsageError } from '../../model/index.ts';
import type { Db } from './db.ts';

// Admin tokens and sessions. Only hashes are stored: the secret itself is shown once, when made.

const TOKEN_COLUMNS = 't.id, t.name, t.created_at, t.last_used_at, t.revoked_at';

function toToken(r: Record<string, unknown>): AdminToken {
  const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    id: Number(r.id),
    name: String(r.name),
    createdAt: Number(r.created_at),
    lastUsedAt: numOrNull(r.last_used_at),
    revokedAt: numOrNull(r.revoked_at),
  };
}

export async function createAdminToken(db: Db, name: string, tokenHash: string, now: Millis): Promise<AdminToken> {
  try {
    const row = await db.get(
      `INSERT INTO admin_tokens (name, token_hash, created_at) VALUES (?, ?, ?)
       RETURNING id, name, created_at, last_used_at, revoked_at`,
      [name, tokenHash, now],
    );
    return toToken(row!);
  } catch (err) {
    if (db.isUniqueViolation(err)) throw new UsageError(`an admin token named ${JSON.stringify(name)} already exists`, { cause: err });
    throw err;
  }
}

export async function listAdminTokens(db: Db): Promise<AdminToken[]> {
  return (await db.all(`SELECT ${TOKEN_COLUMNS} FROM admin_tokens t ORDER BY t.name`)).map(toToken);
}

/** Revokes the token and ends its sessions; false when there is no live token of that name. */
export async function revokeAdminToken(db: Db, name: string, now: Millis): Promise<boolean> {
  return db.tx(async (tx) => {
    const token = await tx.get<{ id: number }>('SELECT id FROM admin_tokens WHERE name = ? AND revoked_at IS NULL', [name]);
    if (!token) return false;
    await tx.run('UPDATE admin_tokens SET revoked_at = ? WHERE id = ?', [now, token.id]);
    await tx.run('DELETE FROM admin_sessions WHERE token_id = ?', [token.id]);
    return true;
  });
}

export async function useAdminToken(db: Db, tokenHash: string, now: Millis): Promise<AdminToken | null> {
  const row = await db.get(`SELECT ${TOKEN_COLUMNS} FROM admin_tokens t WHERE t.token_hash = ? AND t.revoked_at IS NULL`, [tokenHash]);
  if (!row) return null;
  await db.run('UPDATE admin_tokens SET last_used_at = ? WHERE id = ?', [now, Number(row.id)]);
  return { ...toToken(row), lastUsedAt: now };
}

export async function createAdminSession(db: Db, idHash: string, tokenId: number, now: Millis, expiresAt: Millis): Promise<void> {
  // Expired sessions are swept here, so the table never grows without bound.
  await db.run('DELETE FROM admin_sessions WHERE expires_at <= ?', [now]);
  await db.run('INSERT INTO admin_sessions (id_hash, token_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
    idHash,
    tokenId,
    now,
    expiresAt,
  ]);
}

export async function getAdminSession(db: Db, idHash: string, now: Millis): Promise<AdminToken | null> {
  const row = await db.get(
    `SELECT ${TOKEN_COLUMNS} FROM admin_sessions x JOIN admin_tokens t ON t.id = x.token_id
     WHERE x.id_hash = ? AND x.expires_at > ? AND t.revoked_at IS NULL`,
    [idHash, now],
  );
  return row ? toToken(row) : null;
}

export async function deleteAdminSession(db: Db, idHash: string): Promise<void> {
  await db.run('DELETE FROM admin_sessions WHERE id_hash = ?', [idHash]);
}
