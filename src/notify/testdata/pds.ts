import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isPng } from './png.ts';

/** A post record as the fake PDS stored it. */
export interface FakeRecord {
  uri: string;
  cid: string;
  rkey: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- protocol JSON, read loosely by the fake
  value: Record<string, any>;
}

export interface FakePds {
  url: string;
  did: string;
  records: FakeRecord[];
  blobs: Map<string, { mimeType: string; size: number }>;
  sessions: number;
  /** Requests refused, with why (a test asserts there are none beyond the expected). */
  problems: string[];
  close(): Promise<void>;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/** A CIDv1 (sha2-256) in base32, as atproto writes them. */
function cid(codec: number, data: Uint8Array): string {
  const bytes = Buffer.concat([Buffer.from([0x01, codec, 0x12, 0x20]), createHash('sha256').update(data).digest()]);
  let bits = 0;
  let value = 0;
  let out = 'b';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

const graphemes = (t: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(t)].length;

/**
 * com.atproto.server.createSession, com.atproto.repo.uploadBlob, createRecord and getRecord, checking
 * post records as the network would: text within 300 graphemes, link facets on exact UTF-8 byte
 * ranges, image embeds with alt text and an uploaded blob, reply refs to existing posts of one thread.
 */
export async function startFakePds(identifier: string, password: string): Promise<FakePds> {
  const did = 'did:plc:redlinetestaccount0000';
  const access = `access-${createHash('sha256').update(password).digest('hex').slice(0, 16)}`;
  const fake: FakePds = { url: '', did, records: [], blobs: new Map(), sessions: 0, problems: [], close: async () => {} };
  const reply = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const refuse = (res: ServerResponse, status: number, error: string, message: string) => {
    fake.problems.push(`${error}: ${message}`);
    reply(res, status, { error, message });
  };
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://x');
    const method = url.pathname.replace(/^\/xrpc\//, '');
    if (method === 'com.atproto.server.createSession') {
      const p = JSON.parse(body.toString('utf8'));
      if (p.identifier !== identifier || p.password !== password) return refuse(res, 401, 'AuthenticationRequired', 'Invalid identifier or password');
      fake.sessions++;
      return reply(res, 200, { accessJwt: access, refreshJwt: `refresh-${access}`, handle: 'redline.test', did, active: true });
    }
    if (req.headers.authorization !== `Bearer ${access}`) return refuse(res, 401, 'AuthenticationRequired', 'Bad token');
    if (method === 'com.atproto.repo.uploadBlob') {
      const mimeType = String(req.headers['content-type']);
      if (mimeType !== 'image/png' || !isPng(body)) return refuse(res, 400, 'InvalidRequest', 'expected a PNG');
      const ref = cid(0x55, body);
      fake.blobs.set(ref, { mimeType, size: body.length });
      return reply(res, 200, { blob: { $type: 'blob', ref: { $link: ref }, mimeType, size: body.length } });
    }
    if (method === 'com.atproto.repo.getRecord') {
      const r = fake.records.find((x) => x.rkey === url.searchParams.get('rkey') && url.searchParams.get('repo') === did);
      if (!r) return refuse(res, 400, 'RecordNotFound', 'Could not locate record');
      return reply(res, 200, { uri: r.uri, cid: r.cid, value: r.value });
    }
    if (method === 'com.atproto.repo.createRecord') {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- protocol JSON, read loosely by the fake
      const p = JSON.parse(body.toString('utf8')) as { repo: string; collection: string; rkey?: string; record: Record<string, any> };
      const why = checkPost(fake, p);
      if (why) return refuse(res, 400, 'InvalidRequest', why);
      const rkey = p.rkey!;
      if (fake.records.some((r) => r.rkey === rkey)) return refuse(res, 400, 'InvalidRequest', `Record already exists: ${rkey}`);
      const record: FakeRecord = { uri: `at://${did}/${p.collection}/${rkey}`, cid: cid(0x71, body), rkey, value: p.record };
      fake.records.push(record);
      return reply(res, 200, { uri: record.uri, cid: record.cid });
    }
    refuse(res, 404, 'MethodNotImplemented', method);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return fake;
}

/** What a PDS (and the AppView) would refuse in a post record; null when it is fine. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- protocol JSON, read loosely by the fake
function checkPost(fake: FakePds, p: { repo: string; collection: string; rkey?: string; record: Record<string, any> }): string | null {
  const r = p.record;
  if (p.repo !== fake.did) return 'repo is not the session account';
  if (p.collection !== 'app.bsky.feed.post' || r.$type !== 'app.bsky.feed.post') return 'not a post';
  if (!p.rkey || !/^[234567a-j][234567a-z]{12}$/.test(p.rkey)) return `rkey is not a TID: ${p.rkey}`;
  if (typeof r.text !== 'string' || graphemes(r.text) > 300) return `text over 300 graphemes (${graphemes(String(r.text))})`;
  if (Number.isNaN(Date.parse(r.createdAt))) return 'createdAt is not a date';
  const bytes = Buffer.from(r.text, 'utf8');
  for (const f of r.facets ?? []) {
    const { byteStart, byteEnd } = f.index ?? {};
    if (!(byteStart >= 0 && byteEnd > byteStart && byteEnd <= bytes.length)) return 'facet outside the text';
    for (const feat of f.features ?? []) {
      if (feat.$type !== 'app.bsky.richtext.facet#link') return `unexpected facet ${feat.$type}`;
      if (bytes.subarray(byteStart, byteEnd).toString('utf8') !== feat.uri) return 'link facet does not cover its URL';
    }
  }
  if (r.embed) {
    if (r.embed.$type !== 'app.bsky.embed.images') return 'unexpected embed';
    for (const img of r.embed.images ?? []) {
      if (typeof img.alt !== 'string' || !img.alt) return 'image without alt text';
      if (img.image?.$type !== 'blob' || !fake.blobs.has(img.image?.ref?.$link)) return 'image is not an uploaded blob';
    }
  }
  if (r.reply) {
    const root = fake.records.find((x) => x.uri === r.reply.root?.uri && x.cid === r.reply.root?.cid);
    const parent = fake.records.find((x) => x.uri === r.reply.parent?.uri && x.cid === r.reply.parent?.cid);
    if (!root || !parent) return 'reply refs do not name existing posts (uri + cid)';
    const parentRoot = parent.value.reply?.root?.uri ?? parent.uri;
    if (parentRoot !== root.uri) return 'reply root is not the root of the parent thread';
  }
  return null;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}
