import { gunzipSync, gzipSync } from 'node:zlib';
import { StoreError } from '../errors.ts';

// Raw pages are gzip-compressed at level 3: on real news pages (../shared corpus, 156 KB average) it is
// about 2.5x faster than the default level 6 for 10% more bytes (22% vs 20% of the original), and
// every first check of an article stores one.

export function compressRaw(bytes: Uint8Array): { encoding: string; body: Uint8Array } {
  return { encoding: 'gzip', body: gzipSync(bytes, { level: 3 }) };
}

/** A server's gzip is kept only when it is about as small as ours would be (level 3 gives ~22% on news pages). */
const MAX_SERVER_GZIP_RATIO = 0.3;

/**
 * The bytes to store for a capture: the server's own gzip of them when it sent one that is small
 * enough and decompresses to exactly `bytes` (checked here, so the stored form is always the
 * capture), otherwise compressRaw. Decompressing 20 KB costs a fraction of compressing 100 KB.
 */
export function compressCapture(bytes: Uint8Array, serverGzip: Uint8Array | null | undefined): { encoding: string; body: Uint8Array } {
  if (serverGzip && serverGzip.byteLength <= bytes.byteLength * MAX_SERVER_GZIP_RATIO && gunzipsTo(serverGzip, bytes)) {
    return { encoding: 'gzip', body: serverGzip };
  }
  return compressRaw(bytes);
}

function gunzipsTo(gzip: Uint8Array, bytes: Uint8Array): boolean {
  try {
    // One byte more than expected is enough to tell a longer stream; a bomb stops there.
    const out = gunzipSync(gzip, { maxOutputLength: bytes.byteLength + 1 });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(out);
  } catch {
    return false;
  }
}

export function decompressRaw(encoding: string, body: Uint8Array): Uint8Array {
  if (encoding === 'gzip') return new Uint8Array(gunzipSync(body));
  if (encoding === 'identity') return new Uint8Array(body);
  throw new StoreError(`unknown raw page encoding ${encoding}`);
}
