import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import zlib from 'node:zlib';
import { FetchError } from './errors.ts';

type Decoder = zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress;

/** "deflate" is meant to be zlib-wrapped but many servers send raw deflate: the first two bytes tell. */
function zlibWrapped(first: Buffer): boolean {
  return first.length >= 2 && (first[0] & 0x0f) === 8 && ((first[0] << 8) | first[1]) % 31 === 0;
}

type Codec = 'gunzip' | 'inflate' | 'inflateRaw' | 'brotli';

/** The codec of a content-encoding, null for none ('' and identity); `first`: the body's first bytes. */
function codecOf(encoding: string, first: Buffer, url: string): Codec | null {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return 'gunzip';
    case 'deflate':
      return zlibWrapped(first) ? 'inflate' : 'inflateRaw';
    case 'br':
      return 'brotli';
    default:
      throw new FetchError('bad-encoding', `${url}: unsupported content-encoding ${JSON.stringify(encoding)}`);
  }
}

/** Each codec as a stream (a body that arrives in chunks) and in one call (a body that is here whole). */
const STREAMING: Record<Codec, () => Decoder> = {
  gunzip: () => zlib.createGunzip(),
  inflate: () => zlib.createInflate(),
  inflateRaw: () => zlib.createInflateRaw(),
  brotli: () => zlib.createBrotliDecompress(),
};
const WHOLE: Record<Codec, (bytes: Buffer, limit: { maxOutputLength: number }) => Buffer> = {
  gunzip: (b, o) => zlib.gunzipSync(b, o),
  inflate: (b, o) => zlib.inflateSync(b, o),
  inflateRaw: (b, o) => zlib.inflateRawSync(b, o),
  brotli: (b, o) => zlib.brotliDecompressSync(b, o),
};

function decoderFor(encoding: string, first: Buffer, url: string): Decoder | null {
  const codec = codecOf(encoding, first, url);
  return codec ? STREAMING[codec]() : null;
}

/** A buffered body up to this size (as received) is decoded in one call; a larger one streams, so the event loop never waits long. */
const WHOLE_DECODE_MAX = 1024 * 1024;

/** Decodes a whole body at once, with the limit on the decoded bytes; a body over it throws RangeError (too-large). */
function decodeWhole(encoding: string, bytes: Buffer, maxBytes: number, url: string): Buffer {
  if (bytes.byteLength === 0) return bytes; // no bytes at all is an empty body whatever the encoding claims
  const codec = codecOf(encoding, bytes, url);
  if (!codec) return bytes;
  let out: Buffer;
  try {
    out = WHOLE[codec](bytes, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (err) {
    if (err instanceof RangeError) throw err; // ERR_BUFFER_TOO_LARGE: more than maxOutputLength
    throw new FetchError('bad-encoding', `${url}: corrupt ${encoding} body: ${(err as Error).message}`, { cause: err });
  }
  if (out.byteLength > maxBytes) throw new RangeError('too large');
  return out;
}

export interface ReadOptions {
  /** Keep the first `maxBytes` of a longer body instead of failing with too-large (robots.txt). */
  truncate?: boolean;
  /**
   * Asked once the whole body has arrived, before it is decompressed or decoded, with its digest
   * (see bodyDigestPrefix). True: the caller already knows these very bytes, so the body is not
   * decompressed and comes back empty with `known: true`.
   */
  known?: (digest: string) => boolean;
}

export interface BodyRead {
  /** Decompressed body; empty when `known`. */
  body: Uint8Array;
  /** sha256 (hex) of the body as received, with its URL, type, encoding and the size limit; null unless `known` was given. */
  digest: string | null;
  known: boolean;
  /**
   * The body exactly as received when it came gzip-encoded, was read with `known` and decoded whole
   * (not truncated): `gunzip(gzip)` is `body`. Kept so a capture can store the server's compression
   * instead of compressing the page again. Null otherwise.
   */
  gzip: Uint8Array | null;
}

/**
 * What the digest of a body covers besides its bytes as received: the URL, the content type (the
 * charset comes from it and the bytes), the content encoding and the size limit the body passed.
 * Equal digests mean equal decompressed bytes and an equal decoding, under limits the body met.
 */
function bodyDigestPrefix(res: IncomingMessage, url: string, maxBytes: number): string {
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  return JSON.stringify(['redline-body-1', url, res.headers['content-type'] ?? '', encoding, maxBytes]) + '\n';
}

/**
 * Reads a response body, decompressing as it streams. The limit applies to the compressed and to
 * the decompressed bytes, so a 50 MB page or a gzip bomb is cut off after `maxBytes`, never buffered whole.
 * Over the limit it fails with `too-large`, or with `truncate` resolves with the first `maxBytes`
 * (robots.txt: RFC 9309 says parse the first 500 KiB).
 *
 * With `known`, the bytes as received (at most `maxBytes`) are hashed and kept until the body is
 * complete, then decompressed only if `known` says the caller has not seen them.
 */
export function readBody(res: IncomingMessage, maxBytes: number, url: string, options: ReadOptions = {}): Promise<BodyRead> {
  const { truncate = false, known } = options;
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let rawSize = 0;
    let truncated = false;
    let decoder: Decoder | null | undefined;
    let settled = false;
    let digest: string | null = null;
    let gzip: Uint8Array | null = null;
    const settle = (err: Error | null, isKnown = false) => {
      if (settled) return;
      settled = true;
      if (err) {
        decoder?.destroy();
        res.destroy();
        reject(err);
      } else {
        const body = isKnown ? new Uint8Array(0) : Buffer.concat(chunks, size);
        resolve({ body, digest, known: isKnown, gzip: isKnown || truncated ? null : gzip });
      }
    };
    const tooLarge = () =>
      new FetchError('too-large', `${url}: body exceeds ${maxBytes} bytes${encoding ? ` (decompressed, ${encoding})` : ''}`);
    const onData = (chunk: Buffer) => {
      if (settled) return;
      if (truncate && size + chunk.length >= maxBytes) {
        truncated = true;
        chunks.push(chunk.subarray(0, maxBytes - size));
        size = maxBytes;
        settle(null);
        decoder?.destroy();
        res.destroy();
        return;
      }
      size += chunk.length;
      if (size > maxBytes) return settle(tooLarge());
      chunks.push(chunk);
    };
    const startDecoder = (first: Buffer): Decoder | null => {
      const d = decoderFor(encoding, first, url);
      if (!d) return null;
      d.on('data', onData);
      d.on('end', () => settle(null));
      d.on('error', (err) => settle(new FetchError('bad-encoding', `${url}: corrupt ${encoding} body: ${err.message}`, { cause: err })));
      return d;
    };
    /** One chunk as received into the decoder (or straight to the body). */
    const feed = (chunk: Buffer) => {
      if (settled) return;
      try {
        if (decoder === undefined) decoder = startDecoder(chunk);
      } catch (err) {
        return settle(err as Error);
      }
      if (decoder) decoder.write(chunk);
      else onData(chunk);
    };
    // No bytes at all (decoder never started) is an empty body whatever the encoding claims.
    const finish = () => (decoder ? decoder.end() : settle(null));
    const raw: Buffer[] = [];
    const hash = known ? createHash('sha256').update(bodyDigestPrefix(res, url, maxBytes)) : null;
    res.on('data', (chunk: Buffer) => {
      if (settled) return;
      rawSize += chunk.length;
      if (rawSize > maxBytes) return truncate ? ((truncated = true), settle(null)) : settle(tooLarge());
      if (!hash) return feed(chunk);
      hash.update(chunk);
      raw.push(chunk);
    });
    res.on('end', () => {
      if (!hash) return finish();
      if (settled) return;
      digest = hash.digest('hex');
      let seen: boolean;
      try {
        seen = known!(digest);
      } catch (err) {
        return settle(err as Error);
      }
      if (seen) return settle(null, true);
      const whole = Buffer.concat(raw, rawSize);
      raw.length = 0;
      if (encoding === 'gzip' || encoding === 'x-gzip') gzip = whole;
      if (whole.byteLength > WHOLE_DECODE_MAX) {
        feed(whole);
        return finish();
      }
      // The whole body is here: one bounded call costs about half the CPU of the streaming decoder.
      try {
        const decoded = decodeWhole(encoding, whole, maxBytes, url);
        chunks.push(decoded);
        size = decoded.byteLength;
        settle(null);
      } catch (err) {
        settle(err instanceof FetchError ? err : tooLarge());
      }
    });
    res.on('error', (err) =>
      settle(new FetchError('connect', `${url}: connection lost while reading the body: ${err.message}`, { cause: err })),
    );
    res.on('close', () => {
      if (!res.complete) settle(new FetchError('connect', `${url}: connection closed before the body was complete`));
    });
  });
}
