import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { sharedDir } from '../../src/extract/testdata/shared.ts';

/** WCXB development split (../shared/corpus/wcxb-dev, CC-BY-4.0, Murrough Foley 2026). */
export const WCXB_DIR = join(sharedDir(), 'corpus/wcxb-dev');

export interface WcxbPage {
  id: string;
  /** The page URL; one page has none and gets a placeholder on its own host. */
  url: string;
  host: string;
  title: string;
  /** Reference body, paragraphs separated by blank lines ('' for the one page without). */
  expected: string;
  with: string[];
  without: string[];
  path: string;
}

export function wcxbAvailable(): boolean {
  return existsSync(join(WCXB_DIR, 'ground-truth'));
}

interface Raw {
  url?: string;
  ground_truth: { title?: string | null; main_content?: string; with?: string[]; without?: string[] };
}

/** The pages, sorted by id for stable runs. */
export function loadWcxb(limit = Infinity): WcxbPage[] {
  const dir = join(WCXB_DIR, 'ground-truth');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .slice(0, limit)
    .map((f) => {
      const id = f.replace(/\.json$/, '');
      const raw = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Raw;
      const url = raw.url ?? `https://unknown-${id}.invalid/`;
      const g = raw.ground_truth;
      return {
        id,
        url,
        host: hostOf(url),
        title: g.title ?? '',
        expected: g.main_content ?? '',
        with: g.with ?? [],
        without: g.without ?? [],
        path: join(WCXB_DIR, 'html', `${id}.html.gz`),
      };
    });
}

/** Hostname without a leading "www.": the unit of the by-site folds. */
/** The fold of a site in k-fold cross-validation by site: a hash of its host, so a site's pages share one fold. */
export const siteFold = (host: string, folds: number): number => createHash('sha256').update(host).digest().readUInt32BE(0) % folds;

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function readWcxbHtml(page: { path: string }): string {
  return gunzipSync(readFileSync(page.path)).toString('utf8');
}
