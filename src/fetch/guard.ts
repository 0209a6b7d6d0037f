import dns from 'node:dns';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { ipLiteral, nonPublicReason } from './address.ts';
import { FetchError } from './errors.ts';

/**
 * The SSRF guard: a hostile feed must not make Redline fetch (and publish) pages of the machine it
 * runs on or its network: 127.0.0.1, 169.254.169.254 (cloud metadata), 10.x, [::1] and the like.
 *
 * An IP literal in the URL is judged before connecting (the URL parser already turned 2130706433,
 * 0x7f000001 and 127.1 into 127.0.0.1). A host name is judged at connect time by the socket's own
 * lookup: the addresses checked are the ones the socket connects to, so a DNS answer that changes
 * between a check and the connection (rebinding) cannot slip a private address in.
 */
export interface AddressGuard {
  /** Throws FetchError kind `blocked` for a URL whose host is a non-public IP literal. */
  checkUrl(url: URL): void;
  /** The lookup to give every socket: resolves, refuses non-public answers, hands on exactly what it checked. */
  lookup: LookupFunction | undefined;
}

export interface GuardOptions {
  /** Off: private networks are allowed (the demo, tests, intranets). */
  allowPrivateNetworks: boolean;
  /** Host names (lower-case) let through even when they resolve to private addresses. */
  allowPrivateHosts: string[];
  /** The resolver underneath (tests map made-up names); default dns.lookup. */
  lookup?: LookupFunction;
}

const HINT = 'set fetch.allowPrivateNetworks: true (or list the host in fetch.allowPrivateHosts) to fetch from private networks';

export function blockedError(target: string, address: string, reason: string): FetchError {
  const shown = address === target ? address : `${target} (${address})`;
  return new FetchError('blocked', `refused to connect to ${shown}: ${reason} address; ${HINT}`);
}

export function createGuard(options: GuardOptions): AddressGuard {
  if (options.allowPrivateNetworks) return { checkUrl: () => {}, lookup: options.lookup };
  const allowed = new Set(options.allowPrivateHosts.map((h) => h.toLowerCase()));
  const resolve = options.lookup ?? (dns.lookup as LookupFunction);
  return {
    checkUrl(url) {
      const ip = ipLiteral(url.hostname);
      if (!ip || allowed.has(url.hostname.toLowerCase())) return;
      const reason = nonPublicReason(ip);
      if (reason) throw blockedError(url.host, ip, reason);
    },
    lookup: allowed.size ? exempting(allowed, resolve, guardedLookup(resolve)) : guardedLookup(resolve),
  };
}

function exempting(allowed: Set<string>, plain: LookupFunction, guarded: LookupFunction): LookupFunction {
  return (hostname, options, callback) => (allowed.has(hostname.toLowerCase()) ? plain : guarded)(hostname, options, callback);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** Wraps a resolver so that it only ever answers public addresses; a name with any non-public answer is refused. */
export function guardedLookup(resolve: LookupFunction): LookupFunction {
  return (hostname, options, callback) => {
    const cb = callback as unknown as LookupCallback;
    const wantAll = (options as { all?: boolean }).all === true;
    resolve(hostname, { ...options, all: true }, (err, answer) => {
      if (err) return cb(err, wantAll ? [] : '');
      const addresses = normalise(answer as unknown as string | LookupAddress[]);
      for (const a of addresses) {
        const reason = nonPublicReason(a.address);
        if (reason) return cb(blockedError(hostname, a.address, reason) as NodeJS.ErrnoException, wantAll ? [] : '');
      }
      if (addresses.length === 0) {
        return cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), wantAll ? [] : '');
      }
      if (wantAll) cb(null, addresses);
      else cb(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** A test resolver may answer in either form whatever it was asked. */
function normalise(answer: string | LookupAddress[] | undefined): LookupAddress[] {
  if (Array.isArray(answer)) return answer;
  if (typeof answer === 'string') return [{ address: answer, family: answer.includes(':') ? 6 : 4 }];
  return [];
}
