import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { sharedDir } from '../../src/extract/testdata/shared.ts';

export const CORPUS_DIR = join(sharedDir(), 'corpus/scrapinghub');

export interface CorpusPage {
  id: string;
  url: string;
  /** Ground-truth article body (no headline). */
  expected: string;
  path: string;
}

export function corpusAvailable(): boolean {
  return existsSync(join(CORPUS_DIR, 'ground-truth.json'));
}

/** The development pages, sorted by id for stable runs. */
export function loadCorpus(limit = Infinity): CorpusPage[] {
  const truth = JSON.parse(readFileSync(join(CORPUS_DIR, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  return Object.keys(truth)
    .sort()
    .slice(0, limit)
    .map((id) => ({ id, url: truth[id].url, expected: truth[id].articleBody, path: join(CORPUS_DIR, 'html', `${id}.html.gz`) }));
}

/** The pages are gzip'd UTF-8. */
export function readPageHtml(page: CorpusPage): string {
  return gunzipSync(readFileSync(page.path)).toString('utf8');
}
