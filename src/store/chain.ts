import { createHash } from 'node:crypto';
import type { Millis } from '../model/index.ts';

// The canonical encodings of Redline's hash chain. Each record is the sha256 (hex) of a JSON array
// of fixed fields in a fixed order: strings, integers and null only, so JSON.stringify is canonical
// and anyone can recompute a record in any language (docs/verify-version.mjs does, in plain Node).
// Changing an encoding breaks every existing chain: add a new tag (…-v2) instead.

/** The previous hash of the first record of a chain. */
export const GENESIS = '';

const sha256 = (s: string | Uint8Array): string => createHash('sha256').update(s).digest('hex');

/** sha256 of bytes, hex: the digest that content-addresses a capture. */
export function bytesDigest(bytes: Uint8Array): string {
  return sha256(bytes);
}

export interface VersionText {
  title: string;
  byline: string | null;
  published: string | null;
  paragraphs: string[];
}

/** Pins the exact stored text (the fingerprint is normalised and may be redefined by a newer extractor). */
export function textDigest(v: VersionText): string {
  return sha256(JSON.stringify(['redline-text-v1', v.title, v.byline, v.published, v.paragraphs]));
}

export interface VersionRecordFields {
  prevHash: string;
  url: string;
  number: number;
  capturedAt: Millis;
  fingerprint: string;
  textDigest: string;
  captureDigest: string | null;
}

export function versionRecordHash(f: VersionRecordFields): string {
  return sha256(
    JSON.stringify(['redline-version-v1', f.prevHash, f.url, f.number, f.capturedAt, f.fingerprint, f.textDigest, f.captureDigest]),
  );
}

export interface EventRecordFields {
  prevHash: string;
  url: string;
  seq: number;
  at: Millis;
  kind: string;
  versionNumber: number | null;
  detail: string | null;
}

export function eventRecordHash(f: EventRecordFields): string {
  return sha256(JSON.stringify(['redline-event-v1', f.prevHash, f.url, f.seq, f.at, f.kind, f.versionNumber, f.detail]));
}

/** Events that are part of an article's public history, and so of its chain. */
export const CHAINED_EVENT_KINDS: readonly string[] = ['removed', 'restored', 'revert'];
