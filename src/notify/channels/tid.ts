import { createHash } from 'node:crypto';

// A record key derived from the idempotency key, so a post retried after a crash lands on the same
// record (the PDS refuses a second one) instead of posting twice. It has the shape of a TID (13
// base32-sortable characters: 53 bits of microseconds, 10 bits of clock id), which
// app.bsky.feed.post keys must be.

const ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

export function tidFor(key: string, atMs: number): string {
  const h = createHash('sha256').update(key).digest();
  const micros = BigInt(Math.floor(atMs)) * 1000n + BigInt(h.readUInt16BE(0) % 1000);
  const n = (micros << 10n) | BigInt(h.readUInt16BE(2) % 1024);
  let out = '';
  for (let i = 12; i >= 0; i--) out += ALPHABET[Number((n >> BigInt(5 * i)) & 31n)];
  return out;
}
