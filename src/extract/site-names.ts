import { comparable, keyOf, runAt, wordsOf, type Word } from './title-words.ts';

/** The site names and section paths that decorate a page's declared titles and headings (used by headline.ts). */

// Colons are left alone when splitting: "Brexit: what happens next" is one headline.
const SEPARATORS = /\s+[|\-–—·•»]\s+|\s+::\s+/;
/** Separator and space characters left over at the cut between a headline and a name. */
const EDGE = /^[\s|\-–—·•»:~/]+|[\s|\-–—·•»:~/]+$/g;

/** The gap between a name and the headline: a separator, or a colon after the name. */
const NAME_GAP = /\s[-–—·•»]+\s|\||\s::\s/;

/** The names a page goes by: recognised in a candidate's first or last words. */
export class SiteNames {
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
