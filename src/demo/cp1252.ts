/**
 * Encodes text as windows-1252 for the one article served in that charset. Written here (a
 * 27-entry table) rather than pulling an encoding library into the demo; characters the charset
 * lacks become numeric character references, as browsers do.
 */
const HIGH: Record<number, number> = {
  0x20ac: 0x80,
  0x201a: 0x82,
  0x0192: 0x83,
  0x201e: 0x84,
  0x2026: 0x85,
  0x2020: 0x86,
  0x2021: 0x87,
  0x02c6: 0x88,
  0x2030: 0x89,
  0x0160: 0x8a,
  0x2039: 0x8b,
  0x0152: 0x8c,
  0x017d: 0x8e,
  0x2018: 0x91,
  0x2019: 0x92,
  0x201c: 0x93,
  0x201d: 0x94,
  0x2022: 0x95,
  0x2013: 0x96,
  0x2014: 0x97,
  0x02dc: 0x98,
  0x2122: 0x99,
  0x0161: 0x9a,
  0x203a: 0x9b,
  0x0153: 0x9c,
  0x017e: 0x9e,
  0x0178: 0x9f,
};

export function encodeWindows1252(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    const mapped = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : HIGH[code];
    if (mapped !== undefined) bytes.push(mapped);
    else for (const c of `&#${code};`) bytes.push(c.charCodeAt(0));
  }
  return Buffer.from(bytes);
}

const LOW = new Map(Object.entries(HIGH).map(([code, byte]) => [byte, Number(code)]));

/**
 * The inverse, for tests that read the page back. Not TextDecoder: Node 20's
 * `new TextDecoder('windows-1252')` decodes 0x80-0x9F as Latin-1 control characters.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCodePoint(LOW.get(b) ?? b);
  return out;
}
