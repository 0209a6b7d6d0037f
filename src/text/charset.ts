import iconv from 'iconv-lite';

/**
 * Charset labels as browsers resolve them (WHATWG Encoding): the Latin-1 family is decoded as
 * windows-1252, the GB family as GB18030 (a superset), Shift_JIS as Microsoft's CP932 variant.
 * Labels not listed here are passed to iconv-lite as they are, when it knows them.
 */
const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'utf-8': 'utf-8',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  cp1252: 'windows-1252',
  'windows-1252': 'windows-1252',
  'x-cp1252': 'windows-1252',
  cp819: 'windows-1252',
  ibm819: 'windows-1252',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  chinese: 'gb18030',
  csgb2312: 'gb18030',
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  'x-sjis': 'shift_jis',
  ms932: 'shift_jis',
  'windows-31j': 'shift_jis',
  ms_kanji: 'shift_jis',
  csshiftjis: 'shift_jis',
  'euc-jp': 'euc-jp',
  'x-euc-jp': 'euc-jp',
  'euc-kr': 'euc-kr',
  'ks_c_5601-1987': 'euc-kr',
  'windows-949': 'euc-kr',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'x-x-big5': 'big5',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
};

/** The iconv-lite codec used for each canonical name (CP932 is what "Shift_JIS" means on the web). */
const CODEC: Record<string, string> = { shift_jis: 'cp932', 'euc-kr': 'cp949', big5: 'big5hkscs' };

const PRESCAN_BYTES = 4096;

/** Canonical charset name for a label, or null when neither we nor iconv-lite know it. */
export function resolveCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const key = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  const alias = ALIASES[key];
  if (alias) return alias;
  if (key === 'x-user-defined') return 'windows-1252';
  return iconv.encodingExists(key) ? key : null;
}

/** The `charset=` parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType ?? '');
  return m ? resolveCharset(m[2]) : null;
}

function charsetFromBom(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  return null;
}

/** `<meta charset>` or `<meta http-equiv=content-type content="...; charset=...">` in the first 4 KB. */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString('latin1');
  const withoutComments = head.replace(/<!--[\s\S]*?-->/g, '');
  for (const [tag] of withoutComments.matchAll(/<meta\b[^>]*>/gi)) {
    const direct = /\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(tag);
    if (!direct) continue;
    const found = resolveCharset(direct[1]);
    // A page cannot really be UTF-16 if its meta tag was readable as ASCII (browsers do the same).
    if (found) return found.startsWith('utf-16') ? 'utf-8' : found;
  }
  return null;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodeWith(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), CODEC[charset] ?? charset);
}

/**
 * UTF-16 without a byte-order mark (XML 1.0 appendix F): ASCII markup with a NUL beside every
 * byte. Judged on the first 32 bytes, all of which must fit the pattern.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.byteLength, 32) & ~1;
  if (n < 4) return null;
  const ascii = (b: number) => b === 0x09 || b === 0x0a || b === 0x0d || (b >= 0x20 && b < 0x7f);
  let le = true;
  let be = true;
  for (let i = 0; i < n; i += 2) {
    le &&= ascii(bytes[i]) && bytes[i + 1] === 0;
    be &&= bytes[i] === 0 && ascii(bytes[i + 1]);
  }
  const startsWithMarkup = (b: number) => b === 0x3c || b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
  if (le && startsWithMarkup(bytes[0])) return 'utf-16le';
  if (be && startsWithMarkup(bytes[1])) return 'utf-16be';
  return null;
}

/** Encodings in which a byte above 0x7F is part of a multi-byte character; the others are one byte per character. */
const MULTIBYTE = new Set(['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'shift_jis', 'euc-jp', 'euc-kr', 'big5']);

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.byteLength; i++) if (bytes[i] > 0x7f) return true;
  return false;
}

/**
 * Whether a declared charset can be what the bytes are. Declarations are often wrong: a CMS that
 * says UTF-8 over windows-1252 bytes (invalid UTF-8), or a server header of ISO-8859-1 over UTF-8
 * bytes. Valid UTF-8 with non-ASCII characters is practically never meant as a one-byte encoding
 * ("CafÃ©"), so it overrules one.
 */
function fits(bytes: Uint8Array, charset: string, validUtf8: () => boolean): boolean {
  if (charset === 'utf-8') return validUtf8();
  // Real UTF-16 was recognised from its bytes already; a declaration readable as ASCII is wrong.
  if (charset.startsWith('utf-16')) return false;
  if (MULTIBYTE.has(charset)) return true;
  return !(hasNonAscii(bytes) && validUtf8());
}

/**
 * Decodes an HTML document. A byte-order mark wins over any declaration (as in browsers), and so does
 * the unmistakable byte pattern of UTF-16 without one. Then the charset of the Content-Type header,
 * then a `<meta>` declaration in the first 4 KB, each taken only if the bytes fit it: UTF-8 needs
 * valid UTF-8, UTF-16 without a BOM is refused, and a single-byte charset (windows-1252, ISO-8859-x...)
 * loses to UTF-8 when the bytes are valid UTF-8 with non-ASCII in them (the usual mislabelling);
 * multi-byte East Asian charsets are trusted. Last, UTF-8 if the bytes are valid UTF-8, else windows-1252.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): { text: string; charset: string } {
  const bom = charsetFromBom(bytes);
  // A BOM beats a header that disagrees with it, as in browsers; the BOM itself is not text.
  if (bom) return { text: decodeWith(bytes.subarray(bom.skip), bom.charset), charset: bom.charset };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: decodeWith(bytes, utf16), charset: utf16 };
  let valid: boolean | undefined;
  const validUtf8 = () => (valid ??= isValidUtf8(bytes));
  for (const declared of [charsetFromContentType(contentType), charsetFromMeta(bytes)]) {
    if (declared && fits(bytes, declared, validUtf8)) return { text: decodeWith(bytes, declared), charset: declared };
  }
  const sniffed = validUtf8() ? 'utf-8' : 'windows-1252';
  return { text: decodeWith(bytes, sniffed), charset: sniffed };
}
