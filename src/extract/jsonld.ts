import { decodeHTML } from 'entities';
import { attr, elementsIn, textOf, type Document } from './dom.ts';

export interface LinkedArticle {
  headline: string | null;
  datePublished: string | null;
  author: string | null;
  articleBody: string | null;
}

const ARTICLE_TYPE = /Article$|^BlogPosting$|^Report$|^LiveBlogPosting$/;

/** The first schema.org Article-like object in the page's JSON-LD, if any. Malformed JSON is skipped. */
export function readJsonLd(doc: Document): LinkedArticle | null {
  for (const script of elementsIn(doc)) {
    if (script.name !== 'script' || !/ld\+json/i.test(attr(script, 'type'))) continue;
    let data: unknown;
    try {
      data = JSON.parse(textOf(script));
    } catch {
      continue;
    }
    const article = flatten(data).find((o) => types(o).some((t) => ARTICLE_TYPE.test(t)));
    if (article) return toLinkedArticle(article);
  }
  return null;
}

type Obj = Record<string, unknown>;

function flatten(data: unknown, depth = 0): Obj[] {
  if (depth > 4 || data === null || typeof data !== 'object') return [];
  if (Array.isArray(data)) return data.flatMap((d) => flatten(d, depth + 1));
  const obj = data as Obj;
  return [obj, ...flatten(obj['@graph'], depth + 1), ...flatten(obj['mainEntity'], depth + 1)];
}

function types(o: Obj): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** A non-empty string; CMSs often leave HTML entities in JSON-LD ("Tools &#038; Tips"), decoded here. */
function str(v: unknown): string | null {
  if (typeof v !== 'string' || v.trim() === '') return null;
  return v.includes('&') ? decodeHTML(v).trim() : v.trim();
}

function authorName(v: unknown): string | null {
  const list = Array.isArray(v) ? v : [v];
  const names = list.map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? str((a as Obj).name) : null));
  const kept = names.filter((n): n is string => !!n && !/^https?:/.test(n));
  return kept.length > 0 ? kept.join(', ') : null;
}

function toLinkedArticle(o: Obj): LinkedArticle {
  return {
    headline: str(o.headline) ?? str(o.name),
    datePublished: str(o.datePublished) ?? str(o.dateCreated),
    author: authorName(o.author),
    articleBody: str(o.articleBody),
  };
}
