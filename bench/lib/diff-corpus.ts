/**
 * Real article texts for the diff benchmark: the ground-truth bodies of the ScrapingHub and WCXB
 * development sets in ../shared (read in place). Paragraphs are normalised as the tracker stores
 * them; articles with repeated paragraphs are left out (a repeat makes "which one moved" a guess).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeText } from '../../src/text/normalize.ts';

/** `../shared` next to the project, unless the caller names another copy (a git worktree sits deeper). */
export const DEFAULT_SHARED = join(dirname(fileURLToPath(import.meta.url)), '../../../shared');

const sources = (shared: string) => ({
  scrapinghub: join(shared, 'corpus/scrapinghub/ground-truth.json'),
  wcxb: join(shared, 'corpus/wcxb-dev/ground-truth'),
});

export interface BenchArticle {
  id: string;
  title: string;
  paragraphs: string[];
}

export function diffCorpusAvailable(shared = DEFAULT_SHARED): boolean {
  const { scrapinghub, wcxb } = sources(shared);
  return existsSync(scrapinghub) || existsSync(wcxb);
}

function paragraphsOf(body: string): string[] {
  return body
    .split(/\n+/)
    .map(normalizeText)
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
}

/** Every usable article, in a stable order (ScrapingHub by id, then WCXB by file name). */
export function loadArticles(shared = DEFAULT_SHARED): BenchArticle[] {
  const { scrapinghub: SCRAPINGHUB, wcxb: WCXB } = sources(shared);
  const out: BenchArticle[] = [];
  if (existsSync(SCRAPINGHUB)) {
    const truth = JSON.parse(readFileSync(SCRAPINGHUB, 'utf8')) as Record<string, { articleBody: string }>;
    for (const id of Object.keys(truth).sort()) {
      const paragraphs = paragraphsOf(truth[id].articleBody);
      out.push({ id: `sh-${id}`, title: paragraphs[0]?.split(' ').slice(0, 10).join(' ') ?? '', paragraphs });
    }
  }
  if (existsSync(WCXB)) {
    for (const file of readdirSync(WCXB).sort()) {
      const page = JSON.parse(readFileSync(join(WCXB, file), 'utf8')) as { ground_truth?: { title?: string; main_content?: string } };
      const paragraphs = paragraphsOf(page.ground_truth?.main_content ?? '');
      out.push({ id: `wcxb-${file.replace(/\.json$/, '')}`, title: normalizeText(page.ground_truth?.title ?? ''), paragraphs });
    }
  }
  return out.filter((a) => a.title && a.paragraphs.length >= 4 && new Set(a.paragraphs).size === a.paragraphs.length);
}
