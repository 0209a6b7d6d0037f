import type { Config } from '../config/index.ts';
import { createFetcher, createRenderer } from '../fetch/index.ts';
import { createLogger, type Logger } from '../log/index.ts';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/store.ts';
import type { TrackerDeps } from './deps.ts';

/**
 * Wires the real store, fetcher, renderer and clock for the CLI. The caller closes deps.store,
 * which also closes the renderer's browser, if one was started (no browser runs until a source
 * with `render: "chromium"` needs one).
 */
export async function openTracker(config: Config, log: Logger = createLogger()): Promise<TrackerDeps> {
  const opened = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  await opened.migrate();
  const fetcher = createFetcher(config.fetch);
  const renderer = createRenderer(fetcher, config.render, config.fetch, log);
  const store: Store = Object.assign(Object.create(opened) as Store, {
    close: async () => {
      await renderer.close();
      await opened.close();
    },
  });
  return { config, store, fetcher, renderer, log, now: Date.now };
}
