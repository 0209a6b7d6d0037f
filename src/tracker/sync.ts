import type { Millis, SourceInput } from '../model/index.ts';
import type { Store } from '../store/store.ts';

/** The built-in source of articles added by hand with `redline check URL`; it has no feed and is never polled. */
export const MANUAL_SOURCE: SourceInput = {
  key: 'manual',
  name: 'Added by hand',
  feedUrl: '',
  pollPeriodSec: 24 * 3600,
  include: [],
  exclude: [],
};

/** Writes the config file's sources (and the manual source) into the store; CLI-added sources stay. */
export async function syncSources(store: Store, sources: SourceInput[], now: Millis): Promise<void> {
  for (const source of sources) await store.upsertSource(source, now);
  if (!(await store.getSource(MANUAL_SOURCE.key))) await store.upsertSource(MANUAL_SOURCE, now);
}
