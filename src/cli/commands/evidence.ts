import { loadSigningKey } from '../../evidence/keys.ts';
import { pruneExpiredCaptures } from '../../evidence/retention.ts';
import { sealPending } from '../../evidence/seal.ts';
import { UsageError } from '../../model/index.ts';
import type { Store } from '../../store/index.ts';
import { configFrom, parseCommand, withStore } from '../common.ts';

const HELP = `usage: redline evidence seal | pin ARTICLE_ID N | unpin ARTICLE_ID N | prune [--days N] | status [--data DIR]
  seal     seal every record not yet covered under a new signed root now (the worker does it every
           evidence.sealEverySec)
  pin      keep the capture bytes of version N of an article whatever the retention (evidence.keepCapturesDays)
  unpin    undo pin
  prune    delete capture bytes past retention now (--days N overrides the setting); texts, digests,
           records and roots are never deleted, so the history stays verifiable
  status   capture storage, records, roots, archive queue`;

export default async function evidence(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommand(argv, { days: { type: 'string' } });
  const [sub, ...args] = positionals;
  if (values.help || !sub) {
    process.stdout.write(HELP + '\n');
    return values.help ? 0 : 2;
  }
  const config = configFrom(values);
  return withStore(config, async (store) => {
    if (sub === 'seal') {
      const root = await sealPending(store, loadSigningKey(config), Date.now());
      process.stdout.write(root ? `sealed root ${root.seq}: ${root.treeSize} records, ${root.rootHash}\n` : 'nothing to seal\n');
    } else if (sub === 'pin' || sub === 'unpin') {
      await pin(store, args, sub === 'pin');
    } else if (sub === 'prune') {
      const days = values.days === undefined ? config.evidence.keepCapturesDays : Number(values.days);
      if (days === null) throw new UsageError('retention is off (evidence.keepCapturesDays is null); pass --days N to prune anyway');
      if (!(days >= 0)) throw new UsageError(`--days must be a number of days >= 0 (got ${values.days})`);
      const result = (await pruneExpiredCaptures(store, days, Date.now()))!;
      process.stdout.write(`pruned ${result.captures} capture bodies (${result.storedBytes} bytes stored)\n`);
    } else if (sub === 'status') {
      await status(store);
    } else {
      throw new UsageError(`unknown evidence command ${JSON.stringify(sub)} (seal, pin, unpin, prune, status)`);
    }
    return 0;
  });
}

async function pin(store: Store, args: string[], pinned: boolean): Promise<void> {
  const [articleId, number] = args.map(Number);
  if (args.length !== 2 || !(articleId > 0) || !(number > 0))
    throw new UsageError(`${pinned ? 'pin' : 'unpin'} needs ARTICLE_ID and a version number`);
  const version = await store.getVersion(articleId, number);
  if (!version) throw new UsageError(`article ${articleId} has no version ${number}`);
  if (!(await store.evidence.setPinned(version.id, pinned)))
    throw new UsageError(`version ${number} of article ${articleId} has no capture to pin`);
  process.stdout.write(`${pinned ? 'pinned' : 'unpinned'} the capture of article ${articleId} version ${number}\n`);
}

async function status(store: Store): Promise<void> {
  const s = await store.evidence.captureStats();
  const [latest] = await store.evidence.listRoots({ newestFirst: true, limit: 1 });
  const unsealed = (await store.evidence.listUnsealedRecords(1_000_000)).length;
  process.stdout.write(
    `versions ${s.versions}, with capture ${s.withCapture} (bytes kept for ${s.withBytes})\n` +
      `capture bodies ${s.distinctBodies}: ${s.rawBytes} bytes as received, ${s.storedBytes} stored ` +
      `(${s.undedupedRawBytes} bytes without deduplication)\n` +
      `signed roots ${latest?.seq ?? 0}${latest ? ` (latest sealed ${new Date(latest.sealedAt).toISOString()})` : ''}, records waiting for a root ${unsealed}\n`,
  );
}
