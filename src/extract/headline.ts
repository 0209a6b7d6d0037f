import { normalizeText } from '../text/normalize.ts';
import type { LinkedArticle } from './jsonld.ts';
import type { PageMeta } from './metadata.ts';
import { comparable, keyOf, runAt, wordAgreement, wordsOf, type Word } from './title-words.ts';

export { comparable } from './title-words.ts';

/**
 * The article's own headline from the candidates a page offers: its <h1>s and the titles it
 * declares (og:title, twitter:title, JSON-LD headline, <meta name=headline>, <title>).
 *
 * Site names and section paths are recognised, not guessed from position: a name is what the
 * page calls itself (og:site_name, application-name), what its host is called ("Newegg.com",
 * "BBC NEWS" on news.bbc.co.uk), or what one candidate adds to another ("Headline | Site" beside
 * an og:title "Headline"). Candidates are compared with their typography folded (curly quotes,
 * dashes) and the chosen one keeps the page's own text.
 */
export function chooseTitle(page: PageMeta, ld: LinkedArticle | null, url?: string): string {
  return weigh(page, ld, url).chosen;
}

/** Where a declared title came from. */
export type TitleSource = 'og:title' | 'twitter:title' | 'ld:headline' | 'meta:headline' | 'title';

/** What chooseTitle weighs, for benches that study the choice (bench/headline-choice.ts). */
export interface HeadlineCandidates {
  /** The headline chooseTitle returns. */
  chosen: string;
  /** The page's own <h1>s, names cut, furniture trimmed and the pipe rule applied; at most 4, in page order. */
  headings: string[];
  /** Each heading's best word agreement with a declared title (0 when none is declared). */
  agreements: number[];
  /** The declared titles with names cut and the pipe rule applied, with where each came from. */
  declared: { source: TitleSource; text: string }[];
}

/** The candidates of chooseTitle and its choice. */
export function headlineCandidates(page: PageMeta, ld: LinkedArticle | null, url?: string): HeadlineCandidates {
  const { chosen, headings, agreements, sourced, cleaned } = weigh(page, ld, url);
  return {
    chosen,
    headings: headings.map((h) => noPipe(trimFurniture(h, cleaned))),
    agreements,
    declared: cleaned.map((text, i) => ({ source: sourced[i].source, text: noPipe(text) })),
  };
}

/** The <h1> that agrees best with a declared title, else the first declared title; and what was weighed. */
function weigh(page: PageMeta, ld: LinkedArticle | null, url?: string) {
  const siteName = page.meta.get('og:site_name') ?? page.meta.get('application-name') ?? null;
  const sourced = (
    [
      ['og:title', page.meta.get('og:title')],
      ['twitter:title', page.meta.get('twitter:title')],
      ['ld:headline', ld?.headline],
      ['meta:headline', page.meta.get('headline')],
      ['title', page.title],
    ] as [TitleSource, string | null | undefined][]
  )
    .map(([source, t]) => ({ source, text: t ? normalizeText(t) : '' }))
    .filter((d) => d.text !== '');
  const declared = sourced.map((d) => d.text);
  const names = new SiteNames(siteName, url);
  const h1s = page.h1s.slice(0, 6).filter((h) => h.length <= 400);
  names.learn(declared, h1s, page.title);

  const ownH1s = h1s.filter((h) => !names.isName(h));
  const cleaned = declared.map((d) => names.strip(d, ownH1s));
  const headings = ownH1s.map((h) => names.strip(h, [], true)).slice(0, 4);
  const agreements = headings.map((h1) =>
    declared.length === 0 ? 0 : Math.max(...declared.map((d) => wordAgreement(h1, d)), ...cleaned.map((d) => wordAgreement(h1, d))),
  );
  const weighed = { headings, agreements, sourced, cleaned };
  if (declared.length === 0) return { chosen: headings[0] ?? '', ...weighed };
  let best: string | null = null;
  let bestAgreement = 0.3;
  for (let i = 0; i < headings.length; i++) {
    if (agreements[i] > bestAgreement) {
      best = headings[i];
      bestAgreement = agreements[i];
    }
  }
  return { chosen: noPipe(best ? trimFurniture(best, cleaned) : cleaned[0]), ...weighed };
}

/**
 * A " | " does not stand inside a headline: it parts the headline from a tagline, a section or a
 * name nobody declared ("Best Movers in NYC 2025 | Top 19 Companies"). The longest part is kept.
 */
function noPipe(title: string): string {
  const parts = title.split(/\s+\|\s+/);
  if (parts.length < 2) return title;
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a)).trim();
  return wordsOf(longest).length >= 2 ? longest : title;
}

// Colons are left alone when splitting: "Brexit: what happens next" is one headline.
const SEPARATORS = /\s+[|\-–—·•»]\s+|\s+::\s+/;
/** Separator and space characters left over at the cut between a headline and a name. */
const EDGE = /^[\s|\-–—·•»:~/]+|[\s|\-–—·•»:~/]+$/g;

/** The gap between a name and the headline: a separator, or a colon after the name. */
const NAME_GAP = /\s[-–—·•»]+\s|\||\s::\s/;

/** The names a page goes by: recognised in a candidate's first or last words. */
class SiteNames {
  /** Names the page states or one candidate adds to another across a separator. */
  private readonly keys = new Set<string>();
  /** Names one candidate adds to another across a colon ("Blog Name: Headline"): not cut from an <h1>. */
  private readonly colonKeys = new Set<string>();
  private readonly host: string | null;

  private readonly siteKey: string | null;

  constructor(siteName: string | null, url: string | undefined) {
    if (siteName) this.add(siteName, this.keys);
    this.siteKey = siteName ? keyOf(wordsOf(siteName)) : null;
    this.host = url ? hostLabel(url) : null;
  }

  private add(name: string, to: Set<string>): void {
    const key = keyOf(wordsOf(name));
    if (key) to.add(key);
  }

  /**
   * The host's own label as the first words of a short text, with at most two words more:
   * "BBC NEWS", "Newegg.com", "UC Davis Children's Hospital" (not "Apple unveils a new iPhone").
   */
  private hostName(ws: Word[]): boolean {
    if (!this.host || ws.length === 0) return false;
    let joined = '';
    for (let i = 0; i < Math.min(ws.length, 4); i++) {
      joined += ws[i].w;
      if (joined === this.host) return ws.length - (i + 1) <= 2;
      if (joined.length >= this.host.length) return false;
    }
    return false;
  }

  /** A stated or learned name, the host's label, or the first words of og:site_name ("Thrive Internet Marketing" of "… Agency"). */
  private known(ws: Word[]): boolean {
    const key = keyOf(ws);
    return this.keys.has(key) || this.hostName(ws) || (ws.length >= 2 && !!this.siteKey && this.siteKey.startsWith(`${key} `));
  }

  /** A whole text that is a name: a stated or learned one, or the host's label alone ("davidbau.com"). */
  isName(text: string): boolean {
    const ws = wordsOf(text);
    const key = keyOf(ws);
    if (this.keys.has(key) || this.colonKeys.has(key)) return true;
    return !!this.host && (key.replace(/ /g, '') === this.host || (ws.length === 2 && ws[0].w === this.host && TLD.test(ws[1].w)));
  }

  /**
   * Names one candidate adds to another: "Headline | Site" beside "Headline" makes "Site" a name,
   * "Blog Name: Headline" beside "Headline" makes "Blog Name" one. A candidate equal to another
   * as a whole (an <h1> that repeats the full <title>) teaches nothing.
   */
  learn(declared: string[], h1s: string[], title: string): void {
    // The short last part of a separated <title> ("Headline - Site", "Headline | Opinion").
    const parts = title.split(SEPARATORS);
    const last = wordsOf(parts[parts.length - 1]).length;
    if (parts.length > 1 && last <= 3 && last < wordsOf(parts[0]).length) this.add(parts[parts.length - 1], this.keys);
    // An <h1> that is itself a name ("Cory Dransfeldt" over "A brief intro to git • Cory Dransfeldt") teaches nothing.
    const others = [
      ...declared.map((d) => ({ ws: wordsOf(d), declared: true })),
      ...h1s.filter((h) => !this.isName(h)).map((h) => ({ ws: wordsOf(h), declared: false })),
    ];
    for (const d of declared) {
      const dw = wordsOf(d);
      for (const { ws: o, declared: both } of others) {
        if (o.length < 2 || o.length >= dw.length) continue;
        const m = o.length;
        // Beside an <h1>, the name must be shorter than the headline; two declared titles are trusted.
        const limit = both ? 7 : m;
        if (runAt(dw, o, 0, 0) === 0) this.learnRest(d.slice(dw[m - 1].end, dw[m].start), d.slice(dw[m].start), limit);
        else if (runAt(dw, o, dw.length - m) === dw.length - m) {
          const gap = d.slice(dw[dw.length - m - 1].end, dw[dw.length - m].start);
          this.learnRest(gap, d.slice(0, dw[dw.length - m - 1].end), limit);
        }
      }
    }
  }

  /** `rest` is a name when it is short, shorter than the headline, and a separator (or a colon) stands between it and the headline. */
  private learnRest(gap: string, rest: string, limit: number): void {
    const n = wordsOf(rest).length;
    if (n > 6 || n >= limit) return;
    if (NAME_GAP.test(gap)) this.add(rest, this.keys);
    else if (/:\s*$|^:/.test(gap.trim())) this.add(rest, this.colonKeys);
  }

  /**
   * Drops names from either end ("Site | Headline", "Headline - Site", "davidbau.com Vibe Coding"),
   * then a section path left beside a dropped name ("BBC NEWS | World | Middle East | Headline").
   * Never drops words an <h1> holds. Without any name recognised, the old rule: the longest part of
   * a separated title, when it is clearly the headline.
   */
  strip(text: string, h1s: string[], heading = false): string {
    const protectedKeys = h1s.map(comparable).filter(Boolean);
    const keeps = (part: string) => protectedKeys.some((k) => ` ${k} `.includes(` ${comparable(part)} `));
    let s = text;
    let cutStart = false;
    let cutEnd = false;
    for (let guard = 0; guard < 4; guard++) {
      const ws = wordsOf(s);
      const atStart = this.nameAt(s, ws, true);
      const atEnd = this.nameAt(s, ws, false);
      if (atStart > 0 && !keeps(s.slice(0, ws[atStart - 1].end))) {
        // The headline keeps its opening quote or bracket; the name goes with its separator.
        const gap = s.slice(ws[atStart - 1].end, ws[atStart].start);
        s = s.slice(ws[atStart].start - /[(["'‘“]*$/.exec(gap)![0].length).replace(EDGE, '');
        cutStart = true;
      } else if (atEnd > 0 && !keeps(s.slice(ws[ws.length - atEnd].start))) {
        // The headline keeps its closing punctuation ("(OCL)", "Why?"); the name goes with its separator.
        const end = ws[ws.length - atEnd - 1].end;
        s = s.slice(0, end + /^[?!.)\]"'’”]*/.exec(s.slice(end))![0].length).replace(EDGE, '');
        cutEnd = true;
      } else break;
    }
    if (cutStart || cutEnd) return dropSectionPath(s, cutStart, keeps);
    return heading ? text : stripSiteName(text, null);
  }

  /** How many first (or last) words of `s` are a name followed (preceded) by a separator; 0 when none. */
  private nameAt(s: string, ws: Word[], start: boolean): number {
    for (let n = Math.min(ws.length - 1, 8); n >= 1; n--) {
      const part = start ? ws.slice(0, n) : ws.slice(ws.length - n);
      if (!this.known(part)) continue;
      const gap = start ? s.slice(ws[n - 1].end, ws[n].start) : s.slice(ws[ws.length - n - 1].end, ws[ws.length - n].start);
      // A domain needs no separator: "davidbau.com Vibe Coding".
      const domain = start && /^\S+\.[a-z]{2,}$/i.test(s.slice(0, ws[n - 1].end));
      if (NAME_GAP.test(gap) || domain) return n;
    }
    return 0;
  }
}

/** Short parts between a dropped name and the headline are a section path: "World", "Middle East". */
function dropSectionPath(s: string, cutStart: boolean, keeps: (part: string) => boolean): string {
  const parts = s.split(SEPARATORS).map((p) => p.trim());
  if (parts.length < 2) return s;
  const words = (p: string) => wordsOf(p).length;
  let first = 0;
  let last = parts.length - 1;
  const head = cutStart ? parts[last] : parts[first];
  const short = (p: string) => words(p) <= 3 && words(p) < words(head) && !keeps(p);
  if (cutStart) while (first < last && short(parts[first])) first++;
  else while (last > first && short(parts[last])) last--;
  if (first === 0 && last === parts.length - 1) return s;
  // Cut the original text at the kept parts' own bounds, so their separators inside stay as written.
  const kept = parts.slice(first, last + 1);
  const from = s.indexOf(kept[0]);
  const to = s.lastIndexOf(kept[kept.length - 1]) + kept[kept.length - 1].length;
  return from >= 0 && to > from ? s.slice(from, to) : s;
}

/** The registrable label of a URL's host: "bbc" for news.bbc.co.uk, "newegg" for promotions.newegg.com. */
function hostLabel(url: string): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  const labels = host.split('.').filter(Boolean);
  labels.pop();
  if (labels.length > 1 && SECOND_LEVEL.has(labels[labels.length - 1])) labels.pop();
  const label = labels.pop()?.replace(/[^\p{L}\p{N}]/gu, '') ?? '';
  return label.length >= 3 ? label : null;
}
const TLD = /^(com|org|net|co|uk|de|fr|io|ai|info|news|blog)$/;
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or', 'go']);

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})`;
const GLUE = '[\\s,|·•\\-–—]*';
/** What a page's <h1> element may hold beside the headline: a date line, a "(source.com) 87" comment count, a "Blog:" label. */
const FURNITURE_AFTER = new RegExp(`^${GLUE}(?:${DATE}|\\([a-z0-9.-]+\\.[a-z]{2,}\\)\\s*\\d*)${GLUE}$`, 'i');
const FURNITURE_BEFORE = new RegExp(`^${GLUE}(?:${DATE}|\\p{L}+:)${GLUE}$`, 'iu');

/**
 * An <h1> that holds a declared title plus a date, a comment count or a one-word label: the
 * declared title's words (and the punctuation that closes them), cut from the <h1>'s own text.
 */
function trimFurniture(h1: string, declared: string[]): string {
  const hw = wordsOf(h1);
  for (const d of declared) {
    const dw = wordsOf(d);
    if (dw.length < 2 || dw.length >= hw.length) continue;
    const at = runAt(hw, dw);
    if (at < 0) continue;
    const opening = /[(["'‘“]*$/.exec(h1.slice(0, hw[at].start))![0];
    const before = h1.slice(0, hw[at].start - opening.length);
    const closing = /^[?!.)\]"'’”]*/.exec(h1.slice(hw[at + dw.length - 1].end))![0];
    const after = h1.slice(hw[at + dw.length - 1].end + closing.length);
    if ((before === '' || FURNITURE_BEFORE.test(before)) && (after.trim() === '' || FURNITURE_AFTER.test(after))) {
      return h1.slice(before.length, h1.length - after.length).trim();
    }
  }
  return h1;
}

/** Drops a " - Site Name" / "Site | " decoration: keeps the longest part when the title is split by separators. */
export function stripSiteName(title: string, siteName?: string | null): string {
  const parts = title
    .split(SEPARATORS)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return title;
  const site = siteName ? comparable(siteName) : null;
  const kept = site ? parts.filter((p) => comparable(p) !== site) : parts;
  if (kept.length === 1) return kept[0];
  const longest = kept.reduce((a, b) => (b.length > a.length ? b : a));
  // Only strip when the remainder is clearly the headline; "Brexit: what happens next" must survive.
  const siteRemoved = kept.length < parts.length;
  return longest.split(/\s+/).length >= 3 && (siteRemoved || longest.length >= title.length * 0.5) ? longest : title;
}
