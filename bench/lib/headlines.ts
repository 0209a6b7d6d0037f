import { collectMeta, comparable, stripSiteName } from '../../src/extract/metadata.ts';
import { parseHtml } from '../../src/extract/dom.ts';
import { readPageHtml, type CorpusPage } from './corpus.ts';

/**
 * The ground truth has no headline, so headline quality is checked where the page agrees with
 * itself: its first <h1> and its og:title (site name stripped) say the same thing.
 */
export function headlineReferences(pages: CorpusPage[]): Map<string, string> {
  const refs = new Map<string, string>();
  for (const page of pages) {
    const meta = collectMeta(parseHtml(readPageHtml(page)));
    const h1 = meta.h1s[0];
    const og = meta.meta.get('og:title');
    if (!h1 || !og) continue;
    const key = comparable(h1);
    if (key !== '' && (key === comparable(og) || key === comparable(stripSiteName(og, meta.meta.get('og:site_name')))))
      refs.set(page.id, key);
  }
  return refs;
}

export function headlineAgreement(pages: { id: string; title: string }[], refs: Map<string, string>): { agree: number; total: number } {
  let agree = 0;
  let total = 0;
  for (const p of pages) {
    const ref = refs.get(p.id);
    if (ref === undefined) continue;
    total++;
    if (comparable(p.title) === ref) agree++;
  }
  return { agree, total };
}
