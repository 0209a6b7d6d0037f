import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  body: string;
  contentType: string;
  /** Short content hash, put in the URL so the file can be cached for a year. */
  hash: string;
}

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'static');
const TYPES: Record<string, string> = {
  'style.css': 'text/css; charset=utf-8',
  'enhance.js': 'text/javascript; charset=utf-8',
  'icon.svg': 'image/svg+xml',
};

function load(name: string): Asset {
  const body = readFileSync(join(DIR, name), 'utf8');
  return { body, contentType: TYPES[name], hash: createHash('sha256').update(body).digest('hex').slice(0, 12) };
}

/** The only files the site serves besides its pages: read once, at import. */
export const ASSETS: Record<string, Asset> = Object.fromEntries(Object.keys(TYPES).map((n) => [n, load(n)]));

export function assetUrl(name: 'style.css' | 'enhance.js' | 'icon.svg'): string {
  return `/static/${name}?v=${ASSETS[name].hash}`;
}
