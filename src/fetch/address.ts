import { isIP } from 'node:net';

/**
 * Which IP addresses are not the public internet: the SSRF guard (guard.ts) refuses to connect to
 * them. Every IPv6 form that embeds an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) is
 * judged by the IPv4 address inside it, so `[::ffff:127.0.0.1]` is loopback like `127.0.0.1`.
 */

/** [first address as a 32-bit number, prefix length, why it is not public] */
type V4Range = [number, number, string];

const V4_RANGES: V4Range[] = [
  [v4('0.0.0.0'), 8, 'unspecified ("this network")'],
  [v4('10.0.0.0'), 8, 'private'],
  [v4('100.64.0.0'), 10, 'carrier-grade NAT (shared)'],
  [v4('127.0.0.0'), 8, 'loopback'],
  [v4('169.254.0.0'), 16, 'link-local (cloud metadata)'],
  [v4('172.16.0.0'), 12, 'private'],
  [v4('192.0.0.0'), 24, 'reserved (IETF protocol assignments)'],
  [v4('192.0.2.0'), 24, 'reserved (documentation)'],
  [v4('192.88.99.0'), 24, 'reserved (6to4 relay)'],
  [v4('192.168.0.0'), 16, 'private'],
  [v4('198.18.0.0'), 15, 'reserved (benchmarking)'],
  [v4('198.51.100.0'), 24, 'reserved (documentation)'],
  [v4('203.0.113.0'), 24, 'reserved (documentation)'],
  [v4('224.0.0.0'), 4, 'multicast'],
  [v4('240.0.0.0'), 4, 'reserved (incl. broadcast)'],
];

function v4(text: string): number {
  return text.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function inV4Range(address: number, [first, prefix]: V4Range): boolean {
  const size = 2 ** (32 - prefix);
  return address >= first && address < first + size;
}

function classifyV4(address: number): string | null {
  return V4_RANGES.find((r) => inV4Range(address, r))?.[2] ?? null;
}

/** Eight 16-bit groups; null when the text is not an IPv6 address. */
export function parseV6(text: string): number[] | null {
  let s = text.toLowerCase();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  if (s.includes('%')) s = s.slice(0, s.indexOf('%')); // zone id: fe80::1%eth0
  if (isIP(s) !== 6) return null;
  const lastColon = s.lastIndexOf(':');
  const dotted = s.slice(lastColon + 1);
  if (dotted.includes('.')) {
    // ::ffff:127.0.0.1 -> ::ffff:7f00:1
    const n = v4(dotted);
    s = `${s.slice(0, lastColon + 1)}${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
  }
  const [head, rest] = s.includes('::') ? s.split('::') : [s, null];
  const groups = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = groups(head);
  const right = rest === null ? [] : groups(rest);
  const fill = 8 - left.length - right.length;
  if (fill < 0 || (rest === null && fill !== 0)) return null;
  return [...left, ...Array(fill).fill(0), ...right];
}

function embeddedV4(hi: number, lo: number): number {
  return hi * 65536 + lo;
}

function classifyV6(g: number[]): string | null {
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback';
  if (zeroUpTo(5) && g[5] === 0xffff) return mapped(g, 'IPv4-mapped');
  if (zeroUpTo(6)) return mapped(g, 'IPv4-compatible') ?? 'reserved (IPv4-compatible)';
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return mapped(g, 'NAT64');
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'private (local NAT64)';
  if (g[0] === 0x2002) {
    const inner = classifyV4(embeddedV4(g[1], g[2]));
    return inner && `${inner} (6to4)`;
  }
  if ((g[0] & 0xfe00) === 0xfc00) return 'private (unique local)';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'private (site-local)';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'reserved (documentation)';
  // 2001::/23: Teredo, benchmarking, ORCHID and other IETF assignments.
  if (g[0] === 0x2001 && g[1] < 0x0200) return 'reserved (IETF protocol assignments)';
  if (g[0] === 0x0100 && g[1] === 0 && g[2] === 0 && g[3] === 0) return 'reserved (discard)';
  // Global unicast is 2000::/3; everything else is unassigned or special.
  if ((g[0] & 0xe000) !== 0x2000) return 'reserved';
  return null;
}

function mapped(g: number[], form: string): string | null {
  const inner = classifyV4(embeddedV4(g[6], g[7]));
  return inner && `${inner} (${form})`;
}

/**
 * Why this IP address is not on the public internet ("loopback", "private", "link-local (cloud
 * metadata)" …), or null for a public address. Accepts dotted IPv4 and any IPv6 text, bracketed or not.
 * Anything else (a host name, a malformed address) is "not an IP address": callers resolve names first.
 */
export function nonPublicReason(address: string): string | null {
  if (isIP(address) === 4) return classifyV4(v4(address));
  const groups = parseV6(address);
  if (!groups) return 'not an IP address';
  return classifyV6(groups);
}

/** The hostname of a URL as an IP address, or null for a name ([::1] -> ::1). */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}
