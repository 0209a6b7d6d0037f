import { existsSync, readFileSync } from 'node:fs';
import { defaultKeyPath, loadSigningKey } from '../../evidence/keys.ts';
import { verifyStore, type VerifyReport } from '../../evidence/verify.ts';
import { UsageError, type SignedRoot } from '../../model/index.ts';
import { configFrom, parseCommand, withStore } from '../common.ts';

const HELP = `usage: redline verify [--article ID] [--from-root FILE] [--data DIR]
  Recomputes every article's hash chain (versions and removed/restored/revert events), each
  capture's sha256, every signed root's Merkle tree and Ed25519 signature, and prints every break
  it finds with the article and version it concerns. Exits 1 on any break, 0 when all holds.
  --article ID     check only this article's chains (roots are still all checked)
  --from-root FILE a root saved earlier (from /api/v1/roots or a proof): the stored history must
                   still contain it unchanged, and every root must be signed with its key`;

export default async function verify(argv: string[]): Promise<number> {
  const { values } = parseCommand(argv, { article: { type: 'string' }, 'from-root': { type: 'string' } }, false);
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const articleId = values.article === undefined ? undefined : Number(values.article);
  if (articleId !== undefined && !(Number.isSafeInteger(articleId) && articleId > 0))
    throw new UsageError(`--article must be an article id (got ${values.article})`);
  const trustedRoot = values['from-root'] ? readRoot(values['from-root']) : undefined;
  const config = configFrom(values);
  return withStore(config, async (store) => {
    // The local key, when there is one, is what the roots must be signed with; verify never creates one.
    const hasKey = config.evidence.signingKeyFile !== null || existsSync(defaultKeyPath(config.dataDir));
    const publicKey = hasKey ? loadSigningKey(config).publicKey : undefined;
    const report = await verifyStore(store, { articleId, trustedRoot, publicKey });
    process.stdout.write(describe(report));
    return report.breaks.length ? 1 : 0;
  });
}

function describe(r: VerifyReport): string {
  const lines = r.breaks.map((b) => `BREAK ${b.message}\n`);
  const counts = `${r.articles} articles, ${r.versions} versions, ${r.events} events, ${r.captures} captures, ${r.roots} signed roots`;
  lines.push(r.breaks.length ? `verify: ${r.breaks.length} breaks (${counts} checked)\n` : `verify: OK (${counts} checked)\n`);
  return lines.join('');
}

/** A root as served by /api/v1/roots (an item, a page of them: the newest, or a proof's root). */
function readRoot(path: string): SignedRoot {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`cannot read root file ${path}: ${(err as Error).message}`, { cause: err });
  }
  const candidate = (Array.isArray(json.items) ? json.items[0] : (json.root ?? json)) as Record<string, unknown>;
  const fields = ['seq', 'sealedAt', 'treeSize', 'rootHash', 'prevRootHash', 'statement', 'signature', 'publicKey'];
  if (!candidate || fields.some((f) => candidate[f] === undefined))
    throw new UsageError(`${path} does not hold a signed root (fields ${fields.join(', ')})`);
  return { id: 0, ...(candidate as unknown as Omit<SignedRoot, 'id'>) };
}
