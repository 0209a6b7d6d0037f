import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './index.ts';
import { sharedDir } from './testdata/shared.ts';
import { isFurnitureText } from './filter.ts';
import {
  BODY_VARIANTS,
  BOILERPLATE_VARIANTS,
  groundTruthMatcher,
  makeVariant,
  variantTarget,
  type VariantKind,
} from './testdata/robustness.ts';

const CORPUS = join(sharedDir(), 'corpus/scrapinghub');
const hasCorpus = existsSync(join(CORPUS, 'ground-truth.json'));

function fingerprintOf(html: string, url: string): string {
  try {
    return extractArticle(html, url).fingerprint;
  } catch (err) {
    return `error: ${(err as Error).message}`;
  }
}

const PARAS = [
  'The regional parliament approved the water bill late on Thursday after a debate that lasted more than nine hours.',
  'Farmers had asked for an exemption during the summer months, but the amendment was rejected by a narrow margin.',
  'The bill now goes to the upper house, where ministers expect it to pass before the end of the session in July.',
];
const SYNTHETIC = `<!doctype html><html><head><title>Water bill approved - Example</title><script>var x = 1;</script></head>
<body class="page"><nav class="menu"><a href="/">Home</a></nav><main class="layout"><article class="story">
<h1 class="headline">Water bill approved</h1><div class="story-body">${PARAS.map((p) => `<p class="para">${p}</p>`).join('\n')}</div>
<img src="/img/river.jpg" alt=""></article></main><footer>© Example</footer></body></html>`;

describe('robustness variants of a synthetic page', () => {
  const url = 'https://example.org/water-bill';
  const original = fingerprintOf(SYNTHETIC, url);
  const isBody = (text: string) => PARAS.includes(text);

  it.each(BOILERPLATE_VARIANTS.map((k) => [k]))('%s keeps the fingerprint', (kind) => {
    const variant = makeVariant(SYNTHETIC, kind, { seed: 7, isBody });
    expect(variant).not.toBeNull();
    expect(variant).not.toBe(SYNTHETIC);
    expect(fingerprintOf(variant!, url)).toBe(original);
  });

  it.each(BODY_VARIANTS.map((k) => [k]))('%s changes the fingerprint', (kind) => {
    const variant = makeVariant(SYNTHETIC, kind, { seed: 7, isBody });
    expect(fingerprintOf(variant!, url)).not.toBe(original);
  });
});

/**
 * On all development pages: two variants per page, rotating through the kinds so every kind
 * is exercised on ~1/8 (boilerplate) or ~1/2 (body) of the pages. The full matrix is in the bench.
 */
describe.skipIf(!hasCorpus)('robustness on the development pages', () => {
  const truth = hasCorpus
    ? (JSON.parse(readFileSync(join(CORPUS, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>)
    : {};
  const ids = Object.keys(truth).sort();

  it('boilerplate-only variants never change the fingerprint; body edits always do', { timeout: 300_000 }, () => {
    const falseChanges: string[] = [];
    const missedEdits: string[] = [];
    let tested = 0;
    ids.forEach((id, i) => {
      const html = gunzipSync(readFileSync(join(CORPUS, 'html', `${id}.html.gz`))).toString('utf8');
      const { url, articleBody } = truth[id];
      const isBody = groundTruthMatcher(articleBody);
      const original = fingerprintOf(html, url);
      const kinds: VariantKind[] = [BOILERPLATE_VARIANTS[i % BOILERPLATE_VARIANTS.length], BODY_VARIANTS[i % BODY_VARIANTS.length]];
      for (const kind of kinds) {
        const variant = makeVariant(html, kind, { seed: i, isBody });
        if (variant === null) continue;
        tested++;
        const changed = fingerprintOf(variant, url) !== original;
        const isBodyEdit = (BODY_VARIANTS as readonly string[]).includes(kind);
        if (changed && !isBodyEdit) falseChanges.push(`${id.slice(0, 12)} ${kind}`);
        // Furniture the filters drop on purpose (a newsletter prompt the annotators kept) is not a miss.
        if (!changed && isBodyEdit && !isFurnitureText(variantTarget(html, isBody) ?? '')) missedEdits.push(`${id.slice(0, 12)} ${kind}`);
      }
    });
    expect(tested).toBeGreaterThan(ids.length * 1.8);
    expect(falseChanges).toEqual([]);
    expect(missedEdits).toEqual([]);
  });
});
