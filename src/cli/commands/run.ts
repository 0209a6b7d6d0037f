import { UsageError } from '../../model/index.ts';
import { createSenders, deliverDue, syncSubscriptions } from '../../notify/index.ts';
import { openTracker, runOnce, syncSources, type PassCounts } from '../../tracker/index.ts';
import { guardProcess } from '../guard.ts';
import { formatCounts } from '../report.ts';
import { configFrom, newDatabaseNotice, parseCommand } from '../common.ts';

const HELP = `usage: redline run --once [--data DIR]
  One pass over every feed and article that is due, then exit (for cron).
  Progress goes to stderr every few seconds, the summary to stdout. Exit 1 when every feed polled failed.`;

/** How often a long pass reports progress on stderr. */
const PROGRESS_EVERY_MS = 2_000;

export default async function run(argv: string[]): Promise<number> {
  const { values } = parseCommand(argv, { once: { type: 'boolean' } }, false);
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (!values.once) throw new UsageError('run needs --once (to keep tracking, use `redline start`)');
  const config = configFrom(values);
  const announce = newDatabaseNotice(config);
  const deps = await openTracker(config);
  announce();
  const unguard = guardProcess(deps.log);
  let stopping = false;
  let failed = false;
  const stop = () => {
    stopping = true;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await syncSources(deps.store, config.sources, deps.now());
    await syncSubscriptions(deps.store, config, config.notify.subscriptions, deps.now());
    let lastReport = Date.now();
    const onProgress = (c: PassCounts) => {
      if (Date.now() - lastReport < PROGRESS_EVERY_MS) return;
      lastReport = Date.now();
      process.stderr.write(`progress: ${formatCounts(c)}\n`);
    };
    const counts = await runOnce(deps, { onProgress, shouldStop: () => stopping });
    process.stdout.write(`${stopping ? 'interrupted: ' : ''}${formatCounts(counts)}\n`);
    // For cron: a pass in which every feed failed (offline, DNS down) is a failure, not a quiet success.
    if (!stopping && counts.sourcesPolled > 0 && counts.sourceErrors === counts.sourcesPolled) {
      process.stderr.write(`redline: every feed polled (${counts.sourcesPolled}) failed; see \`redline sources list\` for the errors\n`);
      failed = true;
    }
    if (!stopping) await deliverOnce(deps);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await deps.store.close();
    unguard();
  }
  return stopping ? 130 : failed ? 1 : 0;
}

/** Cron setups have no delivery loop: the pass also sends the notifications that are due. */
async function deliverOnce(deps: Awaited<ReturnType<typeof openTracker>>): Promise<void> {
  const notify = { config: deps.config, store: deps.store, log: deps.log, now: deps.now };
  const senders = createSenders(notify);
  try {
    const sent = await deliverDue(notify, senders);
    if (sent > 0) process.stderr.write(`deliveries attempted: ${sent}\n`);
  } finally {
    for (const s of Object.values(senders)) await s?.close?.();
  }
}
