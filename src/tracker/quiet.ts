import type { OpsConfig } from '../config/index.ts';
import type { Millis, Source } from '../model/index.ts';
import type { Store } from '../store/store.ts';

/** A source that stopped yielding articles, or whose feed keeps failing. */
export interface SourceAlert {
  source: string;
  kind: 'quiet' | 'failing';
  /** When the silence or the failures began. */
  since: Millis;
  message: string;
}

/** Articles found within this of each other came from one poll: a poll's burst counts once. */
const BATCH_MS = 60_000;
/** Discoveries read per source: enough for a median, cheap with the (source_id, first_seen_at) index. */
const HISTORY = 200;

/** The median gap between discovery batches (newest-first times), or null with too little history. */
export function usualInterval(discoveries: Millis[], minBatches: number): number | null {
  const batches: Millis[] = [];
  for (const t of discoveries) if (!batches.length || batches[batches.length - 1] - t > BATCH_MS) batches.push(t);
  if (batches.length < Math.max(2, minBatches)) return null;
  const gaps = batches
    .slice(1)
    .map((t, i) => batches[i] - t)
    .sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
}

function hours(ms: number): string {
  return ms >= 48 * 3600_000 ? `${Math.round(ms / 86_400_000)} days` : `${Math.max(1, Math.round(ms / 3600_000))} hours`;
}

/** Pure: the alert for one source given its latest discoveries (newest first), or null. */
export function sourceAlert(source: Source, discoveries: Millis[], now: Millis, ops: OpsConfig): SourceAlert | null {
  if (!source.feedUrl || !source.enabled || source.pausedAt !== null) return null;
  const okSince = source.lastOkAt ?? source.createdAt;
  if (source.lastStatus === 'error' && now - okSince > ops.failingSec * 1000) {
    return {
      source: source.key,
      kind: 'failing',
      since: okSince,
      message: `every poll has failed for ${hours(now - okSince)}: ${source.lastError ?? 'error'}`,
    };
  }
  const interval = usualInterval(discoveries, ops.quietMinBatches);
  if (interval === null || interval > ops.quietMaxIntervalSec * 1000) return null;
  const last = discoveries[0];
  const silence = now - last;
  if (silence <= Math.max(ops.quietMultiple * interval, ops.quietMinSec * 1000)) return null;
  return {
    source: source.key,
    kind: 'quiet',
    since: last,
    message: `no new article for ${hours(silence)}; it usually finds one every ${hours(interval)}`,
  };
}

/** Alerts for every source (one discovery query per polled source). */
export async function sourceAlerts(store: Store, ops: OpsConfig, now: Millis): Promise<SourceAlert[]> {
  const alerts: SourceAlert[] = [];
  for (const source of await store.listSources()) {
    if (!source.feedUrl || source.pausedAt !== null) continue;
    const alert = sourceAlert(source, await store.recentDiscoveries(source.id, HISTORY), now, ops);
    if (alert) alerts.push(alert);
  }
  return alerts;
}
