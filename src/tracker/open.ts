import type { Config } from '../config/index.ts';
import { createFetcher, createRenderer } from '../fetch/index.ts';
import { createLogger, type Logger } from '../log/index.ts';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/store.ts';
import { databaseClock } from './clock.ts';
import type { TrackerDeps } from './deps.ts';
import { createParsers } from './threads/index.ts';
import { relabelVersions } from './relabel.ts';

/**
 * Wires the real store, fetcher, renderer and clock for the CLI. The caller closes deps.store,
 * which also closes the renderer's browser, if one was started (no browser runs until a source
 * with `render: "chromium"` needs one).
 */
export async function openTracker(config: Config, log: Logger = createLogger()): Promise<TrackerDeps> {
  // openStore brings the schema up to date itself.
  const opened = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  // Versions stored before change labels existed get them now (a no-op once done).
  await relabelVersions(opened, log);
  const fetcher = createFetcher(config.fetch);
  const renderer = createRenderer(fetcher, config.render, config.fetch, log);
  const parsers = createParsers(config.worker);
  const store: Store = Object.assign(Object.create(opened) as Store, {
    close: async () => {
      await renderer.close();
      await parsers.close();
      await opened.close();
    },
  });
  return { config, store, fetcher, renderer, log, now: await schedulingClock(opened, log), parsers };
}

/** Clock skew worth a warning: leases and schedules are measured in seconds to minutes. */
const SKEW_WARNING_MS = 2_000;

/** PostgreSQL workers schedule by the database's clock, so a machine with a wrong clock cannot grab all the work. */
async function schedulingClock(store: Store, log: Logger): Promise<() => number> {
  if (store.kind !== 'postgres') return Date.now;
  const clock = await databaseClock(store);
  if (Math.abs(clock.offsetMs()) > SKEW_WARNING_MS) {
    log.warn('clock_skew', {
      offset_ms: Math.round(clock.offsetMs()),
      note: "this machine's clock differs from the database's; scheduling uses the database clock",
    });
  }
  return clock.now;
}
