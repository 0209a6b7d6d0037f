import type { IncomingMessage } from 'node:http';
import zlib from 'node:zlib';
import { FetchError } from './errors.ts';

type Decoder = zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress;

/** "deflate" is meant to be zlib-wrapped but many servers send raw deflate: the first two bytes tell. */
function deflateDecoder(first: Buffer): Decoder {
  const wrapped = first.length >= 2 && (first[0] & 0x0f) === 8 && ((first[0] << 8) | first[1]) % 31 === 0;
  return wrapped ? zlib.createInflate() : zlib.createInflateRaw();
}

function decoderFor(encoding: string, first: Buffer, url: string): Decoder | null {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return deflateDecoder(first);
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new FetchError('bad-encoding', `${url}: unsupported content-encoding ${JSON.stringify(encoding)}`);
  }
}

/**
 * Reads a response body, decompressing as it streams. The limit applies to the compressed and to
 * the decompressed bytes, so a 50 MB page or a gzip bomb is cut off after `maxBytes`, never buffered whole.
 * Over the limit it fails with `too-large`, or with `truncate` resolves with the first `maxBytes`
 * (robots.txt: RFC 9309 says parse the first 500 KiB).
 */
export function readBody(res: IncomingMessage, maxBytes: number, url: string, truncate = false): Promise<Uint8Array> {
  const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let rawSize = 0;
    let decoder: Decoder | null | undefined;
    let settled = false;
    const settle = (err: Error | null) => {
      if (settled) return;
      settled = true;
      if (err) {
        decoder?.destroy();
        res.destroy();
        reject(err);
      } else resolve(Buffer.concat(chunks, size));
    };
    const tooLarge = () =>
      new FetchError('too-large', `${url}: body exceeds ${maxBytes} bytes${encoding ? ` (decompressed, ${encoding})` : ''}`);
    const onData = (chunk: Buffer) => {
      if (settled) return;
      if (truncate && size + chunk.length >= maxBytes) {
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
    res.on('data', (chunk: Buffer) => {
      if (settled) return;
      rawSize += chunk.length;
      if (rawSize > maxBytes) return truncate ? settle(null) : settle(tooLarge());
      try {
        if (decoder === undefined) decoder = startDecoder(chunk);
      } catch (err) {
        return settle(err as Error);
      }
      if (decoder) decoder.write(chunk);
      else onData(chunk);
    });
    // No bytes at all (decoder never started) is an empty body whatever the encoding claims.
    res.on('end', () => (decoder ? decoder.end() : settle(null)));
    res.on('error', (err) =>
      settle(new FetchError('connect', `${url}: connection lost while reading the body: ${err.message}`, { cause: err })),
    );
    res.on('close', () => {
      if (!res.complete) settle(new FetchError('connect', `${url}: connection closed before the body was complete`));
    });
  });
}
