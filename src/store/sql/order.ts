import type { Article } from '../../model/index.ts';

/** RETURNING gives no order guarantee; callers get the oldest due first. */
export function byDue(a: Article, b: Article): number {
  return (a.nextCheckAt ?? 0) - (b.nextCheckAt ?? 0) || a.id - b.id;
}
