import type { Hono } from 'hono';
import { versionProof } from '../../evidence/proof.ts';
import { NotFoundError, UsageError } from '../../model/index.ts';
import type { WebContext } from '../context.ts';
import { xml } from '../changefeeds/xml.ts';
import { limitParam, optionalInt, pathNumber } from '../params.ts';
import { proofJson, rootJson } from './evidence-json.ts';

/** Proofs and signed roots: the API surface that lets anyone check the history (mounted under /api/v1). */
export function evidenceRoutes(api: Hono, ctx: WebContext): void {
  const { store } = ctx;

  api.get('/proofs/versions/:id', async (c) => {
    const proof = await versionProof(store, pathNumber(c.req.param('id'), 'version'));
    // A sealed proof never changes.
    c.header('Cache-Control', 'public, max-age=86400');
    return c.json(proofJson(proof));
  });

  api.get('/roots', async (c) => {
    const limit = limitParam(c.req.query('limit'));
    const before = optionalInt(c.req.query('cursor'), 'cursor');
    const roots = await store.evidence.listRoots({ newestFirst: true, beforeSeq: before, limit: limit + 1 });
    const more = roots.length > limit;
    const items = roots.slice(0, limit);
    return c.json({ items: items.map(rootJson), nextCursor: more ? String(items[items.length - 1].seq) : null });
  });

  api.get('/roots/:seq{[0-9]+}', async (c) => {
    const seq = pathNumber(c.req.param('seq'), 'root');
    const root = await store.evidence.getRoot(seq);
    if (!root) throw new NotFoundError(`no root ${seq}`);
    c.header('Cache-Control', 'public, max-age=86400');
    return c.json(rootJson(root));
  });

  api.get('/roots.atom', async (c) => {
    const roots = await store.evidence.listRoots({ newestFirst: true, limit: 50 });
    const base = ctx.baseUrl;
    const entries = roots.map(
      (r) => xml`<entry>
<id>${`${base}/api/v1/roots/${r.seq}`}</id>
<title type="text">${`Root ${r.seq}: ${r.treeSize} records, ${r.rootHash}`}</title>
<link rel="alternate" type="application/json" href="${`${base}/api/v1/roots/${r.seq}`}"/>
<updated>${new Date(r.sealedAt).toISOString()}</updated>
<content type="text">${JSON.stringify(rootJson(r))}</content>
</entry>
`,
    );
    const updated = new Date(roots[0]?.sealedAt ?? 0).toISOString();
    c.header('Content-Type', 'application/atom+xml; charset=utf-8');
    return c.body(
      xml`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${`${base}/api/v1/roots.atom`}</id>
<title type="text">Redline signed roots</title>
<subtitle type="text">Each entry is a signed Merkle root over the history recorded since the previous one.</subtitle>
<link rel="self" type="application/atom+xml" href="${`${base}/api/v1/roots.atom`}"/>
<updated>${updated}</updated>
<author><name>Redline</name></author>
${entries}</feed>
`.value,
    );
  });

  api.get('/roots/', () => {
    throw new UsageError('use /api/v1/roots');
  });
}
