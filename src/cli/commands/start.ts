import { serve } from '@hono/node-server';
import { publicBaseUrl, type Config } from '../../config/index.ts';
import { createMetrics, type Metrics } from '../../metrics/index.ts';
import { UsageError } from '../../model/index.ts';
import type { Store } from '../../store/store.ts';
import { openTracker, startWorker, syncSources, type Worker } from '../../tracker/index.ts';
import { guardProcess } from '../guard.ts';
import { startEvidenceLoop, type EvidenceLoop } from '../../evidence/loop.ts';
import { createApp } from '../../web/index.ts';
import { configFrom, newDatabaseNotice, parseCommand } from '../common.ts';

const HELP = `usage: redline start [--role web|worker|all] [--port N] [--data DIR]
  Tracks the configured sources and serves the website (default role: all).`;

export default async function start(argv: string[]): Promise<number> {
  const { values } = parseCommand(argv, { role: { type: 'string' }, port: { type: 'string' } }, false);
  if (values.help) return help();
  const config = configFrom(values);
  const announce = newDatabaseNotice(config);
  const tracker = await openTracker(config);
  // One registry per process: the website's /metrics shows this process's tracker counters.
  const metrics = createMetrics({ dueBacklog: () => tracker.store.countDueArticles(Date.now()) });
  const deps = { ...tracker, metrics };
  announce();
  const unguard = guardProcess(deps.log);
  const role = config.worker.role;
  let worker: Worker | null = null;
  let evidence: EvidenceLoop | null = null;
  let website: Website | null = null;
  try {
    // The website first: a port already in use stops us before any feed is polled.
    if (role !== 'worker') website = await serveWebsite(deps.store, config, metrics);
    if (role !== 'web') {
      await syncSources(deps.store, config.sources, deps.now());
      worker = startWorker(deps);
      evidence = startEvidenceLoop(deps);
    }
    const sources = (await deps.store.listSources()).filter((s) => s.feedUrl).length;
    process.stdout.write(
      `redline: ${role === 'web' ? 'website only' : `tracking ${sources} sources`}` +
        `${website ? `; website at ${website.url}` : ''} (data: ${config.databaseUrl ?? config.dataDir}). Ctrl-C to stop.\n`,
    );
    await untilSignal();
    process.stderr.write(`redline: stopping${worker ? ' (finishing checks in flight)' : ''}...\n`);
  } finally {
    await worker?.stop();
    await evidence?.stop();
    await website?.close();
    await deps.store.close();
    unguard();
  }
  return 0;
}

function help(): number {
  process.stdout.write(HELP + '\n');
  return 0;
}

export interface Website {
  url: string;
  close(): Promise<void>;
}

/** Serves the reader website; a port already in use is the user's to fix, so it is a UsageError. */
export async function serveWebsite(store: Store, config: Config, metrics?: Metrics): Promise<Website> {
  const { host, port } = config.web;
  let listening: { host: string; port: number } | null = null;
  const app = createApp({ store, config, metrics, listening: () => listening });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new UsageError(`port ${port} on ${host} is in use; pick another with --port N`) : err),
    );
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  listening = { host, port: actualPort };
  return {
    url: `${publicBaseUrl({ ...config.web, baseUrl: '' }, listening)}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

/** Resolves on the first SIGINT or SIGTERM (or when `signal` aborts); a second signal exits at once. */
export function untilSignal(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    signal?.addEventListener('abort', onSignal, { once: true });
  });
}
