import { UsageError } from '../../model/index.ts';

// Keyset cursors: the sort key of the last row of a page, as opaque base64url JSON.

export function encodeCursor(values: (number | string)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor with `arity` numbers; anything else is a usage error (HTTP 400). */
export function decodeCursor(cursor: string, arity: number): number[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (err) {
    throw new UsageError(`invalid page cursor: ${cursor}`, { cause: err });
  }
  if (!Array.isArray(values) || values.length !== arity || !values.every((v) => Number.isFinite(v))) {
    throw new UsageError(`invalid page cursor: ${cursor}`);
  }
  return values as number[];
}

/** `nextCursor` for a page fetched with LIMIT n+1: null when there is no further row. */
export function pageOf<T>(rows: T[], limit: number, key: (last: T) => number[]): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(key(items[items.length - 1])) };
}
