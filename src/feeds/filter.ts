export interface SourceFilter {
  include: string[];
  exclude: string[];
}

const cache = new Map<string, RegExp>();

function compile(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    re = new RegExp(pattern);
    cache.set(pattern, re);
  }
  return re;
}

/** An article is tracked when its URL matches any include (or there are none) and no exclude. */
export function sourceAccepts(source: SourceFilter, url: string): boolean {
  const included = source.include.length === 0 || source.include.some((p) => compile(p).test(url));
  return included && !source.exclude.some((p) => compile(p).test(url));
}
