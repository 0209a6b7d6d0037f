import { Parser } from 'htmlparser2';
import { textContent, type XmlElement } from './xml-tree.ts';

/**
 * Elements whose tags in a title mean the title is HTML (what feed readers call "looks like HTML").
 * Deliberately the ordinary inline and block elements only: "History of the <blink> tag" or
 * "Markets <rally>" are titles about angle brackets, not markup.
 */
const HTML_ELEMENTS = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'big',
  'br',
  'cite',
  'code',
  'del',
  'dfn',
  'div',
  'em',
  'font',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'i',
  'img',
  'ins',
  'kbd',
  'mark',
  'p',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

const TAG = /<\/?([a-z][a-z0-9]*)\b[^<>]*>/gi;
const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,31});/i;

export function looksLikeHtml(text: string): boolean {
  if (ENTITY.test(text)) return true;
  for (const m of text.matchAll(TAG)) if (HTML_ELEMENTS.has(m[1].toLowerCase())) return true;
  return false;
}

/** Plain text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  let out = '';
  const parser = new Parser(
    {
      ontext(t) {
        out += t;
      },
      onopentag(name) {
        if (name === 'br' || name === 'p' || name === 'div') out += ' ';
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return out;
}

export function collapse(text: string): string | null {
  const t = text.replace(/\s+/g, ' ').trim();
  return t || null;
}

/**
 * An Atom text construct (RFC 4287 3.1): `type="text"` (the default) is plain text and stays as
 * it is, `html` is escaped HTML (decoded once more and flattened), `xhtml` is inline markup whose
 * text is the content.
 */
export function atomText(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const type = (el.attrs.type ?? 'text').trim().toLowerCase();
  const raw = textContent(el);
  if (type === 'html' || type === 'text/html') return collapse(htmlToText(raw));
  return collapse(raw);
}

/**
 * A title that does not say what it holds (RSS, RDF, Dublin Core, Media RSS). Publishers put HTML
 * in them all the time, often double-escaped (`AT&amp;amp;T`) or in CDATA (`Jerry&#8217;s`): when
 * it looks like HTML it is read as HTML, otherwise as plain text.
 */
export function untypedText(el: XmlElement | undefined): string | null {
  if (!el) return null;
  const raw = textContent(el);
  return collapse(looksLikeHtml(raw) ? htmlToText(raw) : raw);
}
