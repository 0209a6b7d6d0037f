import { createMetrics } from '../../metrics/index.ts';
import { startDeliveryLoop, syncSubscriptions, type DeliveryLoop } from '../../notify/index.ts';
import { openTracker, startWorker, syncSources, type Worker } from '../../tracker/index.ts';
import { guardProcess } from '../guard.ts';
import { startEvidenceLoop, type EvidenceLoop } from '../../evidence/loop.ts';
import { configFrom, newDatabaseNotice, parseCommand } from '../common.ts';
import { serveWebsite, untilSignal, type Website } from '../serve.ts';

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
  let delivery: DeliveryLoop | null = null;
  let website: Website | null = null;
  try {
    // The website first: a port already in use stops us before any feed is polled.
    if (role !== 'worker') website = await serveWebsite(deps.store, config, metrics);
    if (role !== 'web') {
      await syncSources(deps.store, config.sources, deps.now());
      await syncSubscriptions(deps.store, config, config.notify.subscriptions, deps.now());
      worker = startWorker(deps);
      evidence = startEvidenceLoop(deps);
      // Its own loop: a slow or dead endpoint holds up deliveries, never checks.
      delivery = startDeliveryLoop({ config, store: deps.store, log: deps.log, now: deps.now, metrics });
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
    await delivery?.stop();
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
