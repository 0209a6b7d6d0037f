// A worker process for the multi-process tests: claims due articles from a shared database and
// stores a new version of each, forever (the test kills it).
// Usage: writer.ts sqlite:PATH|postgres://URL WORKER_ID [PG_SCHEMA]
import { VersionConflictError } from '../errors.ts';
import { openSqliteFile } from '../index.ts';
import { openPostgresStore } from '../postgres/open.ts';
import type { Store } from '../store.ts';

const [target, workerId, schema] = process.argv.slice(2);
const store: Store = target.startsWith('sqlite:')
  ? await openSqliteFile(target.slice('sqlite:'.length))
  : openPostgresStore(target, { schema });
let stored = 0;
for (;;) {
  const now = Date.now();
  const claimed = await store.claimDueArticles(now, 4, { workerId, until: now + 5_000 }, 2);
  for (const article of claimed) {
    const number = article.versionCount + 1;
    try {
      await store.addVersion(article.id, number, {
        title: `${article.url} v${number}`,
        byline: workerId,
        published: null,
        paragraphs: [`version ${number} by ${workerId}`, 'x'.repeat(2000)],
        fingerprint: `${article.id}:${number}`,
        extractorVersion: 't',
        capturedAt: now,
        rawHtml: new TextEncoder().encode(`<p>${'y'.repeat(20_000)}</p>`),
        wordsAdded: 1,
        wordsRemoved: 1,
      });
      stored++;
    } catch (err) {
      if (!(err instanceof VersionConflictError)) throw err;
    }
    await store.updateArticle(article.id, { lastCheckedAt: now, nextCheckAt: now });
  }
  if (stored > 0 && process.send) process.send({ stored });
  if (claimed.length === 0) await new Promise((r) => setTimeout(r, 5));
}
