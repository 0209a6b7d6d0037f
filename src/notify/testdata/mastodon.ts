import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isPng } from './png.ts';

/** A status as the fake instance stored it. */
export interface FakeStatus {
  id: string;
  status: string;
  mediaIds: string[];
  inReplyToId: string | null;
  idempotencyKey: string | null;
  at: number;
}

export interface FakeMastodon {
  url: string;
  statuses: FakeStatus[];
  media: Map<string, { description: string; bytes: number; polled: number }>;
  /** Requests the fake refused, with why (a test asserts there are none). */
  problems: string[];
  close(): Promise<void>;
}

/** The two endpoints Redline uses (/api/v2/media, /api/v1/statuses), checking requests like a real instance. */
export async function startFakeMastodon(token: string): Promise<FakeMastodon> {
  const fake: FakeMastodon = { url: '', statuses: [], media: new Map(), problems: [], close: async () => {} };
  let next = 100;
  const byKey = new Map<string, FakeStatus>();
  const reply = (res: import('node:http').ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const refuse = (res: import('node:http').ServerResponse, status: number, why: string) => {
    fake.problems.push(why);
    reply(res, status, { error: why });
  };
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    if (req.headers.authorization !== `Bearer ${token}`) return refuse(res, 401, 'The access token is invalid');
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'POST' && url.pathname === '/api/v2/media') {
      const form = await new Request('http://x', { method: 'POST', headers: { 'content-type': String(req.headers['content-type']) }, body: new Uint8Array(body) }).formData();
      const file = form.get('file');
      const description = String(form.get('description') ?? '');
      if (!(file instanceof Blob) || !isPng(new Uint8Array(await file.arrayBuffer()))) return refuse(res, 422, 'file must be a PNG');
      if (!description || description.length > 1500) return refuse(res, 422, 'description must be 1..1500 characters');
      const id = String(next++);
      fake.media.set(id, { description, bytes: file.size, polled: 0 });
      return reply(res, 202, { id, type: 'image', url: null, description }); // still processing
    }
    const media = /^\/api\/v1\/media\/(\d+)$/.exec(url.pathname);
    if (req.method === 'GET' && media) {
      const m = fake.media.get(media[1]);
      if (!m) return refuse(res, 404, 'Record not found');
      m.polled++;
      return reply(res, 200, { id: media[1], type: 'image', url: `${fake.url}/media/${media[1]}.png`, description: m.description });
    }
    if (req.method === 'POST' && url.pathname === '/api/v1/statuses') {
      const key = (req.headers['idempotency-key'] as string | undefined) ?? null;
      if (key && byKey.has(key)) return reply(res, 200, json(fake, byKey.get(key)!));
      const p = JSON.parse(body.toString('utf8')) as { status?: string; media_ids?: string[]; in_reply_to_id?: string };
      const text = p.status ?? '';
      // Mastodon counts characters, and every URL as 23.
      const length = [...text.replace(/https?:\/\/\S+/g, 'x'.repeat(23))].length;
      if (!text || length > 500) return refuse(res, 422, `Text is too long (${length})`);
      for (const id of p.media_ids ?? []) if (!fake.media.get(id)?.polled) return refuse(res, 422, `media ${id} not processed`);
      if (p.in_reply_to_id && !fake.statuses.some((s) => s.id === p.in_reply_to_id)) return refuse(res, 404, 'in_reply_to_id not found');
      const s: FakeStatus = { id: String(next++), status: text, mediaIds: p.media_ids ?? [], inReplyToId: p.in_reply_to_id ?? null, idempotencyKey: key, at: Date.now() };
      fake.statuses.push(s);
      if (key) byKey.set(key, s);
      return reply(res, 200, json(fake, s));
    }
    refuse(res, 404, `no route ${req.method} ${url.pathname}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return fake;
}

function json(fake: FakeMastodon, s: FakeStatus) {
  return { id: s.id, url: `${fake.url}/@redline/${s.id}`, uri: `${fake.url}/users/redline/statuses/${s.id}`, in_reply_to_id: s.inReplyToId, content: s.status };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}
