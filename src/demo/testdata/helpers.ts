/** Test-only: read back what the demo pages say, with regexes that know the demo's own markup. */

export function unescapeHtml(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Body text blocks (h2, p, each li) of a demo article page, in order, unescaped. */
export function bodyTexts(html: string): string[] {
  const body = /<div class="article-body">(.*?)<\/div>/s.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<(p|h2|li)>(.*?)<\/\1>/gs)].map((m) => unescapeHtml(m[2]));
}

export function headlineOf(html: string): string | null {
  const m = /<h1>(.*?)<\/h1>/s.exec(html);
  return m ? unescapeHtml(m[1]) : null;
}

/** Everything outside <main>'s article: the chrome that changes per request. */
export function chromeOf(html: string): string {
  return html.replace(/<div class="article-body">.*?<\/div>/s, '');
}
