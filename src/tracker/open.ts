import type { Config } from '../config/index.ts';
import { createFetcher } from '../fetch/index.ts';
import { createLogger, type Logger } from '../log/index.ts';
import { openStore } from '../store/index.ts';
import type { TrackerDeps } from './deps.ts';

/** Wires the real store, fetcher and clock for the CLI. The caller closes deps.store. */
export async function openTracker(config: Config, log: Logger = createLogger()): Promise<TrackerDeps> {
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  await store.migrate();
  return { config, store, fetcher: createFetcher(config.fetch), log, now: Date.now };
}
