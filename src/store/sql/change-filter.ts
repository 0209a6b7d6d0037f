import type { ChangeLabel, ChangeLevel } from '../../model/index.ts';
import { UsageError } from '../../model/index.ts';

/**
 * SQL conditions on a version's stored change (migration 3's columns), shared by the change list
 * and search, and by migration 11's partial indexes: a planner uses a partial index only when the
 * query holds the index's own condition, so both are built here, with the values as literals.
 */

/** Label ids are lower-case words joined by hyphens; checked before they go into SQL as literals. */
const LABEL_ID = /^[a-z]+(-[a-z]+)*$/;

/** Version carries the label (labels are stored comma-separated, `''` for none). */
export function labelCondition(label: ChangeLabel, column = 'change_labels'): string {
  if (!LABEL_ID.test(label)) throw new UsageError(`not a change label: ${JSON.stringify(label)}`);
  return `',' || ${column} || ',' LIKE '%,${label},%'`;
}

/** Version is at least this level; null for minor (everything, unlabelled versions included). */
export function levelCondition(min: ChangeLevel, column = 'change_level'): string | null {
  if (min === 'minor') return null;
  if (min === 'substantive') return `${column} IN ('substantive', 'major')`;
  if (min === 'major') return `${column} = 'major'`;
  throw new UsageError(`not a change level: ${JSON.stringify(min)}`);
}

/** Conditions for a query's level and labels (any of them), on the versions table aliased `alias`. */
export function changeConditions(alias: string, q: { minLevel?: ChangeLevel; labels?: ChangeLabel[] }): string[] {
  const out: string[] = [];
  const level = q.minLevel ? levelCondition(q.minLevel, `${alias}.change_level`) : null;
  if (level) out.push(level);
  if (q.labels?.length) out.push(`(${q.labels.map((l) => labelCondition(l, `${alias}.change_labels`)).join(' OR ')})`);
  return out;
}
