import type { Config } from '../../config/index.ts';
import { startNewsroom, LAST_STEP } from '../../demo/index.ts';
import { createLogger, type Logger } from '../../log/index.ts';
import { UsageError, type Source } from '../../model/index.ts';
import { startDeliveryLoop, syncSubscriptions } from '../../notify/index.ts';
import type { Store } from '../../store/store.ts';
import { startEvidenceLoop } from '../../evidence/loop.ts';
import { loadSigningKey } from '../../evidence/keys.ts';
import { sealPending } from '../../evidence/seal.ts';
import { openTracker, startWorker } from '../../tracker/index.ts';
import { guardProcess } from '../guard.ts';
import { configFrom, newDatabaseNotice, parseCommand } from '../common.ts';
import { serveWebsite, untilSignal, type Website } from '../serve.ts';

const HELP = `usage: redline demo [--duration SECONDS] [--port N] [--data DIR]
  Starts a simulated newsroom on 127.0.0.1 that edits its articles, tracks it with short periods
  and serves the website. Runs until Ctrl-C, or for --duration seconds. Data goes to --data
  (default ./data), so \`redline articles\` and \`redline diff\` show the result afterwards.`;

/** Demo articles are re-checked this often: a newcomer sees versions within seconds, offline. */
export function demoConfig(config: Config): Config {
  config.schedule = {
    ...config.schedule,
    tiers: [],
    minPeriodSec: 2,
    backoffFactor: 1,
    retireAfterSec: 6 * 3600,
    feedMinPeriodSec: 1,
    revertBackoffFactor: 2,
  };
  // The newsroom lives on 127.0.0.1, which the SSRF guard refuses; the demo's worker only fetches the newsroom.
  config.fetch = {
    ...config.fetch,
    perHostConcurrency: 4,
    perHostDelayMs: 0,
    connectTimeoutMs: 2_000,
    totalTimeoutMs: 5_000,
    allowPrivateNetworks: true,
  };
  config.worker = { ...config.worker, idleMs: 250 };
  // Roots every 10 seconds, so the demo's versions get inclusion proofs while one watches.
  config.evidence = { ...config.evidence, sealEverySec: 10, wayback: { ...config.evidence.wayback, sources: [] } };
  config.sources = [];
  return config;
}

export default async function demo(argv: string[]): Promise<number> {
  const { values } = parseCommand(argv, { duration: { type: 'string' }, port: { type: 'string' } }, false);
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const duration = values.duration === undefined ? null : Number(values.duration);
  if (duration !== null && !(duration > 0)) throw new UsageError('--duration must be a positive number of seconds');
  const config = demoConfig(configFrom(values));
  // Spread the whole edit script over the first two thirds of a timed run (8 s per step otherwise).
  const secondsPerStep = duration === null ? 8 : Math.max(1, Math.min(8, Math.floor((duration * 0.7) / (LAST_STEP + 1))));
  // The newsroom starts editing once the first versions are stored, so no edit goes unseen.
  const newsroom = await startNewsroom({ manual: true });
  let editor: NodeJS.Timeout | null = null;
  const startEditing = (checked: number) => {
    if (editor || checked === 0) return;
    editor = setInterval(() => newsroom.advance(), secondsPerStep * 1000);
    editor.unref();
  };
  const announce = newDatabaseNotice(config);
  const deps = await openTracker(config, quietLogger(createLogger()));
  announce();
  const unguard = guardProcess(deps.log);
  let website: Website | null = null;
  const source = await deps.store.upsertSource(
    {
      key: 'demo',
      name: 'The Daily Demo (simulated newsroom)',
      feedUrl: newsroom.feedUrl,
      pollPeriodSec: 2,
      include: [],
      exclude: ['/sport/live/'],
    },
    deps.now(),
  );
  await retireNewsroomArticles(
    deps.store,
    source.id,
    new URL(newsroom.url).host,
    deps.now(),
    'the simulated newsroom of an earlier demo run has closed',
  );
  const worker = startWorker({ ...deps, store: onlySource(deps.store, source.id) }, { onPass: (c) => startEditing(c.checked) });
  const evidence = startEvidenceLoop(deps, 2_000);
  // Subscriptions of the config file (a webhook, say) hear about the demo's edits as they happen.
  await syncSubscriptions(deps.store, config, config.notify.subscriptions, deps.now());
  const delivery = startDeliveryLoop({ config, store: deps.store, log: deps.log, now: deps.now });
  try {
    website = await serveDemoWebsite(config, deps.store, values.port !== undefined);
    process.stdout.write(
      `Redline demo\n  simulated newsroom: ${newsroom.url}/\n  Redline website:    ${website.url}\n  data:               ${config.dataDir}\n` +
        `The newsroom edits its stories every ${secondsPerStep}s; Redline re-checks them every ${config.schedule.minPeriodSec}s.\n` +
        (duration === null ? 'Ctrl-C to stop.\n' : `Stopping after ${duration}s.\n`),
    );
    const timeout = duration === null ? undefined : AbortSignal.timeout(duration * 1000);
    await untilSignal(timeout);
  } finally {
    if (editor) clearInterval(editor);
    await worker.stop();
    await evidence.stop();
    // Everything the demo recorded ends up under a signed root: verify and proofs cover all of it.
    await sealPending(deps.store, loadSigningKey(config), deps.now());
    await delivery.stop();
    await website?.close();
    await newsroom.close();
    await closeDemoSource(deps.store, source, deps.now());
    const stats = await deps.store.listArticles({ limit: 1000, minVersions: 2 });
    const all = await deps.store.stats();
    await deps.store.close();
    unguard();
    process.stdout.write(
      `demo done: ${all.articles} articles, ${stats.items.length} with 2 or more versions, ${all.versions} versions in ${config.dataDir}\n` +
        `next: npx redline articles --data ${config.dataDir}   npx redline diff ARTICLE_ID 1 2 --data ${config.dataDir}\n`,
    );
  }
  return 0;
}

/**
 * The newsroom lives only as long as the demo. Once it is gone, `redline start` on the same data
 * dir must not keep polling its feed and fetching its articles (each would only log a connection
 * error), so the source loses its feed (a source without one is never polled; the next demo gives
 * it a new one) and the articles are retired, their versions kept.
 */
async function closeDemoSource(store: Store, source: Source, now: number): Promise<void> {
  await store.upsertSource(
    {
      key: source.key,
      name: source.name,
      feedUrl: '',
      pollPeriodSec: source.pollPeriodSec,
      include: source.include,
      exclude: source.exclude,
    },
    now,
  );
  await retireNewsroomArticles(store, source.id, null, now, 'the simulated newsroom closed when the demo ended');
}

/**
 * Retires the demo source's articles that are not on `keepHost`. Each demo run serves its newsroom
 * on a new port; articles of an earlier run (say one killed before it could close its source)
 * would fail to connect every two seconds and flood the terminal.
 */
async function retireNewsroomArticles(store: Store, sourceId: number, keepHost: string | null, now: number, detail: string): Promise<void> {
  let cursor: string | null = null;
  do {
    const page = await store.listArticles({ sourceId, limit: 500, cursor });
    for (const a of page.items) {
      if (a.host === keepHost || a.status === 'retired') continue;
      await store.updateArticle(a.id, { status: 'retired', nextCheckAt: null });
      await store.addEvent({ articleId: a.id, at: now, kind: 'retired', versionNumber: null, detail });
    }
    cursor = page.nextCursor;
  } while (cursor);
}

/** The default port may be taken on a newcomer's machine: the demo then takes any free port. */
async function serveDemoWebsite(config: Config, store: Store, portGiven: boolean): Promise<Website> {
  try {
    return await serveWebsite(store, config);
  } catch (err) {
    if (portGiven || !(err instanceof UsageError)) throw err;
    return serveWebsite(store, { ...config, web: { ...config.web, port: 0 } });
  }
}

/**
 * The demo's 2-second periods must never reach real sites sharing the data dir, so its worker only
 * works for the demo source. Work of other sources that it happens to claim is left alone under
 * its lease, and returns to the real workers when the lease expires.
 */
function onlySource(store: Store, sourceId: number): Store {
  const filtered: Pick<Store, 'claimDueSources' | 'claimDueArticles'> = {
    claimDueSources: async (now, limit, lease) => (await store.claimDueSources(now, limit, lease)).filter((s) => s.id === sourceId),
    claimDueArticles: async (now, limit, lease, perHost) =>
      (await store.claimDueArticles(now, limit, lease, perHost)).filter((a) => a.sourceId === sourceId),
  };
  return Object.assign(Object.create(store) as Store, filtered);
}

/**
 * The demo re-checks every few seconds; only changes and errors are worth a line on the terminal,
 * and a page that stays taken down is news once, not every two seconds.
 */
export function quietLogger(log: Logger): Logger {
  const down = new Set<unknown>();
  return {
    info(event, fields) {
      if (event === 'check' && fields?.status === 'unchanged') return;
      if (event === 'check' && fields?.status === 'removed') {
        if (down.has(fields.article)) return;
        down.add(fields.article);
      }
      if (event === 'check' && fields?.status !== 'removed') down.delete(fields?.article);
      if (event === 'poll' && fields?.new === 0) return;
      log.info(event, fields);
    },
    warn: log.warn,
    error: log.error,
  };
}
