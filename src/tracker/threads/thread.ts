import { parentPort } from 'node:worker_threads';
import { extractArticle } from '../../extract/index.ts';
import { pageLinks, parseFeedDocument } from '../../feeds/index.ts';
import { packItems, type Job, type Reply } from './protocol.ts';

/** Runs inside a worker thread: parses what a hostile site sent, so that only this thread can be stuck on it. */
const port = parentPort!;

function run(job: Job): unknown {
  switch (job.task) {
    case 'extract':
      return extractArticle(job.text, job.url);
    case 'feed': {
      const doc = parseFeedDocument(job.text, job.url);
      return { ...doc, items: packItems(doc.items) };
    }
    case 'links':
      return packItems(pageLinks(job.text, job.url, new RegExp(job.pattern!.source, job.pattern!.flags)));
  }
}

port.on('message', (job: Job) => {
  let reply: Reply;
  try {
    reply = { id: job.id, ok: true, value: run(job) };
  } catch (err) {
    const e = err as Error & { kind?: unknown };
    reply = {
      id: job.id,
      ok: false,
      error: { name: e?.name ?? 'Error', kind: typeof e?.kind === 'string' ? e.kind : null, message: e?.message ?? String(err) },
    };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
