import { extractArticle } from '../../src/extract/index.ts';
import { isFurnitureText } from '../../src/extract/filter.ts';
import {
  BODY_VARIANTS,
  BOILERPLATE_VARIANTS,
  groundTruthMatcher,
  makeVariant,
  variantTarget,
  type VariantKind,
} from '../../src/extract/testdata/robustness.ts';
import { readPageHtml, type CorpusPage } from './corpus.ts';

export interface VariantTally {
  kind: VariantKind;
  body: boolean;
  changed: number;
  tested: number;
  notApplicable: number;
  failures: string[];
  /** Body edits not detected because the edited paragraph is furniture the filters drop on purpose. */
  furnitureMisses: number;
}

function fingerprintOf(html: string, url: string): string {
  try {
    return extractArticle(html, url).fingerprint;
  } catch (err) {
    return `error:${(err as Error).message}`;
  }
}

/** Every variant kind on every page; a body paragraph is one whose text is in the ground truth. */
export function robustnessMatrix(pages: CorpusPage[]): VariantTally[] {
  const kinds = [...BOILERPLATE_VARIANTS.map((k) => ({ kind: k, body: false })), ...BODY_VARIANTS.map((k) => ({ kind: k, body: true }))];
  const tallies: VariantTally[] = kinds.map((k) => ({ ...k, changed: 0, tested: 0, notApplicable: 0, failures: [], furnitureMisses: 0 }));
  pages.forEach((page, pageIndex) => {
    const html = readPageHtml(page);
    const isBody = groundTruthMatcher(page.expected);
    const original = fingerprintOf(html, page.url);
    tallies.forEach((t, kindIndex) => {
      const variant = makeVariant(html, t.kind, { seed: pageIndex * 100 + kindIndex, isBody });
      if (variant === null) {
        t.notApplicable++;
        return;
      }
      t.tested++;
      const changed = fingerprintOf(variant, page.url) !== original;
      if (changed) t.changed++;
      if (changed !== t.body) t.failures.push(page.id.slice(0, 12));
      if (t.body && !changed && isFurnitureText(variantTarget(html, isBody) ?? '')) t.furnitureMisses++;
    });
  });
  return tallies;
}
