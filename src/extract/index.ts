import { createHash } from 'node:crypto';
import { selectAll, selectOne } from 'css-select';
import type { Extraction } from '../model/index.ts';
import { normalizeText } from '../text/normalize.ts';
import { collectBlocks } from './blocks.ts';
import { removeJunk, removeLinkLists, removeStrongNegative, removeWeakNegative } from './clean.ts';
import { isElement, parseHtml, removeNode, textOf, type AnyNode, type Document, type Element } from './dom.ts';
import { ExtractError } from './errors.ts';
import { filterBlocks, removeFurniture } from './filter.ts';
import { fingerprint } from './fingerprint.ts';
import { readJsonLd } from './jsonld.ts';
import { chooseByline, chooseCanonical, choosePublished, chooseTitle, collectMeta } from './metadata.ts';
import { RULES, ruleFor } from './rules/index.ts';
import type { SiteRule } from './rules/types.ts';
import { chooseContainer } from './score.ts';
import { removeTeaserLists } from './teasers.ts';
import { computeStats } from './stats.ts';

export { ExtractError } from './errors.ts';
export { fingerprint } from './fingerprint.ts';

export type ExtractResult = Extraction & { canonicalUrl: string | null };

/** Bump CORE on any change to generic extraction; site rule versions are folded in automatically. */
const CORE_VERSION = '2';
const rulesDigest = createHash('sha256')
  .update(RULES.map((r) => `${r.site.source}@${r.version}`).join(','))
  .digest('hex')
  .slice(0, 8);
export const EXTRACTOR_VERSION = `${CORE_VERSION}+rules.${rulesDigest}`;

/** Pure: HTML text and its URL in, headline, byline, time, paragraphs and fingerprint out. */
export function extractArticle(html: string, url: string): ExtractResult {
  assertLooksLikeHtml(html, url);
  const doc = parseHtml(html);
  const page = collectMeta(doc);
  const ld = readJsonLd(doc);
  const rule = ruleFor(url);
  const title = (rule?.title && selectedText(rule.title, doc)) || chooseTitle(page, ld);

  removeJunk(doc);
  for (const selector of rule?.drop ?? []) for (const el of selectAll<AnyNode, Element>(selector, doc)) removeNode(el);
  const paragraphs = filterBlocks(bodyContainers(doc, rule).flatMap(collectBlocks), title);
  if (paragraphs.length === 0) throw new ExtractError('empty', `no article text found in ${url}`);

  return {
    title,
    byline: chooseByline(page, ld),
    published: choosePublished(page, ld),
    paragraphs,
    fingerprint: fingerprint(title, paragraphs),
    extractorVersion: EXTRACTOR_VERSION,
    canonicalUrl: chooseCanonical(page, url),
  };
}

function bodyContainers(doc: Document, rule: SiteRule | null): Element[] {
  const raw = computeStats(doc);
  removeTeaserLists(doc, raw);
  removeLinkLists(doc, raw);
  removeFurniture(doc, raw);
  removeStrongNegative(doc);
  const stats = computeStats(doc);
  const totalProse = doc.children.reduce((sum, c) => sum + (isElement(c) ? stats.get(c)!.prose : 0), 0);
  removeWeakNegative(doc, (el) => stats.get(el)?.prose ?? 0, totalProse);
  if (rule?.body) {
    const matched = selectAll<AnyNode, Element>(rule.body, doc);
    // Nested matches would be read twice; keep the outermost ones.
    const outer = matched.filter((el) => !matched.some((o) => o !== el && isAncestor(o, el)));
    if (outer.length > 0) return outer;
  }
  const container = chooseContainer(doc, computeStats(doc));
  return container ? [container] : [];
}

function isAncestor(a: Element, b: Element): boolean {
  for (let p = b.parent; p; p = p.parent) if (p === a) return true;
  return false;
}

function selectedText(selector: string, doc: Document): string {
  const el = selectOne<AnyNode, Element>(selector, doc);
  return el ? normalizeText(textOf(el)) : '';
}

function assertLooksLikeHtml(html: string, url: string): void {
  const head = html.slice(0, 4096);
  // Binary files served as text/html: NULs or many control characters near the start.
  const controls = head.match(/[\u0000-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  if (head.includes('\u0000') || controls > head.length * 0.05) throw new ExtractError('not-html', `${url} is binary, not HTML`);
  if (!/<[a-zA-Z!?]/.test(html.slice(0, 65536))) throw new ExtractError('not-html', `${url} has no HTML markup`);
}
