/**
 * A declarative extraction rule for one site, used where generic extraction is not enough.
 * Selectors are CSS (css-select). When `body` matches nothing (a redesign), generic extraction runs.
 */
export interface SiteRule {
  /** Matches the page's hostname. */
  site: RegExp;
  /** Bump on every change: it feeds EXTRACTOR_VERSION so the tracker re-baselines stored versions. */
  version: number;
  /** Headline element. */
  title?: string;
  /** Article body container(s); all matches are read in document order. */
  body?: string;
  /** Elements removed before anything else is read. */
  drop?: string[];
}
