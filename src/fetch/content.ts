import { decodeHtml, utf16WithoutBom } from '../text/charset.ts';
import { FetchError } from './errors.ts';
import type { Accept } from './types.ts';

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
/** Types that say nothing about the content: decide from the bytes. */
const UNKNOWN_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

export function mimeType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function feedType(mime: string): boolean {
  return mime.startsWith('text/') || /xml|rss|atom|json/.test(mime);
}

const WANTED = { html: 'an HTML page', feed: 'a feed' } as const;

/** Rejects, before the body is read, a response whose declared type cannot be what we asked for. */
export function checkDeclaredType(accept: Accept, contentType: string | undefined, url: string): void {
  const mime = mimeType(contentType);
  if (accept === 'any' || UNKNOWN_TYPES.has(mime)) return;
  if (accept === 'html' ? HTML_TYPES.has(mime) : feedType(mime)) return;
  throw new FetchError(accept === 'html' ? 'not-html' : 'not-feed', `${url}: expected ${WANTED[accept]}, got ${mime}`);
}

/** Leading bytes of formats that are never pages or feeds, however they are labelled. */
const MAGIC: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['ZIP', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip', [0x1f, 0x8b]],
  ['RIFF (WebP/WAV/AVI)', [0x52, 0x49, 0x46, 0x46]],
  ['Ogg', [0x4f, 0x67, 0x67, 0x53]],
  ['MP3', [0x49, 0x44, 0x33]],
  ['ELF', [0x7f, 0x45, 0x4c, 0x46]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf]],
];

const SNIFF_BYTES = 1024;

/** Names the binary format of a body, or null when it looks like text. */
export function sniffBinary(body: Uint8Array): string | null {
  for (const [name, magic] of MAGIC) {
    if (magic.every((b, i) => body[i] === b)) return name;
  }
  if (body[4] === 0x66 && body[5] === 0x74 && body[6] === 0x79 && body[7] === 0x70) return 'MP4/ISO media';
  // UTF-16 text is full of NULs; it announces itself with a BOM, or with ASCII markup beside NULs.
  const utf16 = (body[0] === 0xff && body[1] === 0xfe) || (body[0] === 0xfe && body[1] === 0xff) || utf16WithoutBom(body) !== null;
  if (!utf16 && body.subarray(0, SNIFF_BYTES).includes(0)) return 'binary (NUL bytes)';
  return null;
}

export function checkBody(body: Uint8Array, accept: Accept, url: string): void {
  if (accept === 'any') return;
  const binary = sniffBinary(body);
  if (binary) {
    throw new FetchError(accept === 'html' ? 'not-html' : 'not-feed', `${url}: expected ${WANTED[accept]}, got ${binary} data`);
  }
}

const XML_DECLARATION = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

/**
 * Decodes with text/charset.ts. Feeds (and XHTML) declare their encoding in `<?xml encoding=...?>`,
 * which HTML sniffing does not read: when the header names no charset, the declaration stands in for it.
 */
export function decodeBody(body: Uint8Array, contentType: string | undefined): { text: string; charset: string } {
  if (!/charset\s*=/i.test(contentType ?? '')) {
    const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 256)).toString('latin1');
    const declared = XML_DECLARATION.exec(head)?.[1];
    if (declared) return decodeHtml(body, `${mimeType(contentType) || 'text/xml'}; charset=${declared}`);
  }
  return decodeHtml(body, contentType ?? null);
}
