import { UsageError, type Delivery, type DeliveryStatus } from '../../model/index.ts';
import { openStore } from '../../store/index.ts';
import { formatTime } from '../../text/time.ts';
import { configFrom, parseCommand } from '../common.ts';

const HELP = `usage: redline deliveries [--subscription ID] [--status pending|sent|failed|cancelled] [--limit N] [--json]
       redline deliveries show ID
       redline deliveries redeliver ID
  The delivery log, newest first: each notification with its idempotency key, attempts, status and
  last error. redeliver sends a sent or failed one again, with the same key.`;

const STATUSES: DeliveryStatus[] = ['pending', 'sent', 'failed', 'cancelled'];

export default async function deliveries(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, {
    subscription: { type: 'string' },
    status: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const [sub, idText] = positionals;
  if (sub && sub !== 'show' && sub !== 'redeliver')
    throw new UsageError(`unknown deliveries command ${JSON.stringify(sub)} (show, redeliver)`);
  if (sub && (!idText || !/^\d+$/.test(idText))) throw new UsageError(`deliveries ${sub} needs a delivery ID`);
  const status = values.status as DeliveryStatus | undefined;
  if (status && !STATUSES.includes(status)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`);
  const limit = values.limit === undefined ? 50 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit must be 1..1000');
  const config = configFrom(values);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    if (sub === 'redeliver') {
      const d = await store.redeliver(Number(idText), Date.now());
      if (!d) throw new UsageError(`no delivery ${idText}`);
      process.stdout.write(
        d.status === 'pending' ? `delivery ${d.id} (${d.key}) queued again\n` : `delivery ${d.id} is ${d.status}; not queued\n`,
      );
      return 0;
    }
    if (sub === 'show') {
      const d = await store.getDelivery(Number(idText));
      if (!d) throw new UsageError(`no delivery ${idText}`);
      const attempts = await store.listDeliveryAttempts(d.id);
      if (values.json) process.stdout.write(JSON.stringify({ ...d, attemptLog: attempts }, null, 2) + '\n');
      else {
        process.stdout.write(row(d) + '\n');
        for (const a of attempts)
          process.stdout.write(
            `  attempt ${a.attempt} ${formatTime(a.at, { seconds: true })} ${a.ok ? 'ok' : `failed: ${a.error}`} (${a.durationMs} ms)\n`,
          );
      }
      return 0;
    }
    const subscriptionId = values.subscription === undefined ? undefined : Number(values.subscription);
    if (subscriptionId !== undefined && !Number.isInteger(subscriptionId)) throw new UsageError('--subscription must be an ID');
    const page = await store.listDeliveries({ subscriptionId, status, limit });
    if (values.json) process.stdout.write(JSON.stringify(page.items, null, 2) + '\n');
    else if (page.items.length === 0) process.stdout.write('no deliveries\n');
    else process.stdout.write(page.items.map(row).join('\n') + '\n');
    return 0;
  } finally {
    await store.close();
  }
}

function row(d: Delivery): string {
  const what = d.kind === 'confirm' ? 'confirmation' : `article ${d.articleId} v${d.versionNumber}`;
  const when =
    d.status === 'sent' ? `sent ${formatTime(d.sentAt!)}` : d.status === 'pending' ? `next try ${formatTime(d.nextAttemptAt)}` : d.status;
  return `${String(d.id).padStart(5)}  ${d.status.padEnd(9)} ${d.channel}:${d.address}  ${what}  key ${d.key}  attempts ${d.attempts}  ${when}${d.lastError ? `  last error: ${d.lastError}` : ''}${d.redelivery ? '  (redelivered)' : ''}`;
}
