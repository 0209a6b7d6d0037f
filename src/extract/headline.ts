import { normalizeText } from '../text/normalize.ts';
import type { LinkedArticle } from './jsonld.ts';
import type { PageMeta } from './metadata.ts';
import { SiteNames } from './site-names.ts';
import { foldQuotes, repairMojibake, runAt, wordAgreement, wordsOf } from './title-words.ts';

export { comparable } from './title-words.ts';
export { stripSiteName } from './site-names.ts';

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
    .map(([source, t]) => ({ source, text: t ? repairMojibake(normalizeText(t)) : '' }))
    .filter((d) => d.text !== '');
  const declared = sourced.map((d) => d.text);
  const names = new SiteNames(siteName, url);
  const h1s = page.h1s
    .slice(0, 6)
    .filter((h) => h.length <= 400)
    .map(repairMojibake);
  names.learn(declared, h1s, repairMojibake(page.title));

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
  const chosen = noPipe(best ? trimFurniture(best, cleaned) : cleaned[0]);
  return { chosen: commonMarks(chosen, best !== null, cleaned.map(noPipe)), ...weighed };
}

/**
 * The chosen headline as most candidates write its marks. A CMS educates the marks of the <h1> it
 * renders (WordPress's wptexturize, SmartyPants: curly quotes, "--" as "—", "..." as "…") and
 * often not those of the titles it declares, so the same headline comes as "Why Hasn’t …" and
 * "Why Hasn't …". The <h1> is one candidate, each declared title another; a tie keeps the chosen
 * text. A declared title worded otherwise still votes on an apostrophe in a word it writes too
 * ("Visitor's Guide" in og:title and <title> beside the <h1>'s "Visitor’s Guide").
 */
function commonMarks(chosen: string, fromHeading: boolean, declared: string[]): string {
  const own = fromHeading ? 1 : 0;
  const key = plainMarks(chosen);
  const whole = mostWritten(
    chosen,
    own,
    declared.filter((d) => plainMarks(d) === key),
  );
  if (whole !== chosen) return whole;
  return chosen.replace(APOSTROPHE_WORD, (word) => {
    const wordKey = foldQuotes(word).toLowerCase();
    const written = declared.flatMap((d) => {
      const same = d.match(APOSTROPHE_WORD)?.find((w) => foldQuotes(w).toLowerCase() === wordKey);
      return same ? [markOf(same)] : [];
    });
    return word.replace(/['’]/, mostWritten(markOf(word), own, written));
  });
}

/** The marks SmartyPants educates, as typed: quotes straight, "—" as "--", "…" as "...". */
const plainMarks = (s: string) => foldQuotes(s).replace(/—/g, '--').replace(/…/g, '...');
/** A word with an apostrophe inside ("Visitor’s", "doesn't"). */
const APOSTROPHE_WORD = /\p{L}+['’]\p{L}+/gu;
const markOf = (word: string) => (word.includes('’') ? '’' : "'");

/** The form written most: `own` with `ownVotes` votes, each of `forms` one; a tie keeps `own`. */
function mostWritten(own: string, ownVotes: number, forms: string[]): string {
  const votes = new Map<string, number>([[own, ownVotes]]);
  for (const f of forms) votes.set(f, (votes.get(f) ?? 0) + 1);
  let best = own;
  for (const [form, n] of votes) if (n > votes.get(best)!) best = form;
  return best;
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
