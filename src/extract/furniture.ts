/**
 * Literals of which every match of a pattern contains one (lowercase ASCII). A pattern is only
 * run on a text whose lowercased form contains one of them: most texts contain none, and a
 * search for a plain word is far cheaper than trying the pattern at every position. Only for
 * patterns without the `u` flag: without it an ASCII letter matches only ASCII letters in either
 * case, so lowercasing the text keeps every such match (with `u`, "ſ" would match "s").
 */
const LITERALS = new WeakMap<RegExp, string[]>();

function needs(literals: string[], re: RegExp): RegExp {
  if (re.unicode || literals.length === 0 || literals.some((l) => l === '' || l !== l.toLowerCase()))
    throw new Error(`furniture pattern ${re}: bad literals ${JSON.stringify(literals)}`);
  LITERALS.set(re, literals);
  return re;
}

/**
 * Whole-block texts that are page furniture, not article text. A block is furniture when its
 * entire text (under 300 characters: a disclosure runs to two or three sentences) matches one of
 * these; longer blocks are never judged here. A pattern that may match anywhere in the text (not
 * only from its start) names its necessary literals with `needs` (see LITERALS).
 */
export const FURNITURE_PATTERNS: RegExp[] = [
  // Labels of ads, sharing tools and link boxes.
  /^(advertisement|advert|sponsored( content)?|ad|story continues below( this)? (ad|advertisement))$/i,
  /^(share|share this|share this (article|story|page)|share on \w+|email|print|comments?|\d+ comments?)$/i,
  /^(related|related (stories|articles|content|links|coverage)|more (stories|on this story|from \w+)|most (read|popular|viewed)|recommended|you may also like|trending)$/i,
  /^(related|sponsored)( \w+)?$/i,
  /^(trending|breaking|most read|latest|popular|advertisement)\s*:$/i,
  /^(topics|tags|tagged|tagged with|filed under|categories|category|sections?|more on|see also)\s*:?$/i,
  /^(read|see|click here for|view) (more|also|next)\b.{0,80}$/i,
  /^you (may|might) (also )?(like|enjoy|be interested in)\b.{0,60}$/i,
  // "Related" in the languages of the sites we track most often.
  /^(関連記事|関連ニュース|相关文章|相关新闻|관련기사|leia também|veja também|lesen sie auch|mehr zum thema|(à )?lire aussi|ver también|leggi anche|читайте также)\s*:?$/iu,

  // Promos inside the body: live-page links, teasers, embed notices of social networks.
  /^live (tweets|updates|coverage|reporting|text|video|stream|blog)\s*:?$/i,
  /^(also read|read also|related|recommended( reading)?|don'?t miss|must read|watch|listen|see also)\s*[:|–—-]\s*.{0,160}$/i,
  /^(skip|end of) (twitter|x|facebook|instagram|youtube|tiktok|bluesky|threads|spotify|soundcloud|google) (content|post|video)\b.{0,40}$/i,
  /^(content|post|video) (from|provided by|hosted by|on) (twitter|x|facebook|instagram|youtube|tiktok|bluesky|threads|spotify|soundcloud)\b.{0,40}$/i,
  needs(['contains content provided by'], /\b(this|the) (article|page|content) contains content provided by\b/i),
  needs(['we ask for your permission'], /\bwe ask for your permission before anything is loaded\b/i),
  /^allow (twitter|x|facebook|instagram|youtube|tiktok|bluesky|third[- ]party) content\??$/i,
  /^(view|see|watch) (this )?(post|video|tweet|photo) on (twitter|x|facebook|instagram|youtube|tiktok)\b.{0,20}$/i,
  /^a post shared by\b.{0,80}$/i,
  /^(page )?last updated\b.{0,80}$/i,
  // Navigation inside the page and the comment form's labels.
  /^(table of contents|contents|in this (article|post|guide)|on this page|jump to( section)?)\s*:?$/i,
  /^(add|leave|post|write) a (comment|reply)\b.{0,40}$/i,
  /^by (posting|submitting|leaving) (a|your) comment\b/i,
  /^(loading|please wait)\b.{0,20}(\.\.\.|…)$/i,
  needs([' read'], /^.{0,60}\b\d+[- ]min(ute)?s? read$/i),

  // Prompts: newsletters, social accounts, cookies, scripts.
  /^(follow us|sign up|subscribe|newsletter|get our \w+ newsletter)\b.{0,100}$/i,
  needs(['newsletter', 'inbox'], /\b(sign up|subscribe)\b.{0,60}\b(newsletters?|inbox)\b|\binbox\b.{0,60}\b(sign up|subscribe)\b/i),
  /^get (our|the) .{0,80}\b(newsletters?|briefing|inbox)\b/i,
  needs(['your inbox'], /\b(delivered )?(straight )?(to|in) your inbox\b/i),
  /^follow (us|@?[\w.]+) on (twitter|x|facebook|instagram)\b/i,
  needs(['follow us on '], /\bfollow us on (twitter|x|facebook|instagram|linkedin|tiktok|youtube|threads|bluesky)\b/i),
  /^(join|get|sign up for|subscribe to) (our|the)\b.{0,40}\bnewsletters?\b.{0,40}$/i,
  needs(['cookie'], /\b(uses?|we use) cookies\b|\bcookie (settings|policy|preferences)\b/i),
  needs(['cookies'], /\bwe use cookies\b|\baccept (all )?cookies\b/i),
  needs([' javascript'], /\b(requires|enable) javascript\b/i),
  // Calls to action of the site itself: buy buttons, quotes, pins, paywall and donation notices.
  /^(view|buy|shop|check (the )?price) (it )?(on|at) (amazon|walmart|target|best buy|ebay)\b.{0,40}$/i,
  /^(get|request) (a|your) (free )?(quote|estimate|consultation|demo)\b.{0,40}$/i,
  /^pin (this|it)?\s*(for later|now)\b.{0,20}$/i,
  /^[-–—_=*\s]*share your (story|thoughts|experience|tips?)\b.{0,20}$/i,
  /^this (article|story|content|post) is (exclusive|only available|available only) (to|for)\b.{0,60}$/i,
  needs([' like you'], /\b(funded|supported) by (readers|people) like you\b/i),

  // Disclosures and disclaimers the site puts on every article: affiliate links, editors' views.
  needs(
    ['affiliate links', 'commission', 'as an amazon associate', 'from qualifying purchases', 'may be compensated'],
    /\b((this|our|the) (post|article|page|site|blog|website|story|review|guide|video)s? (may )?(contains?|includes?|uses?|has) (some )?affiliate links|(we|i) (may )?(earn|receive|make|get) (a )?(small )?(affiliate )?commissions?\b.{0,40}\b(links?|purchases?|buy)|(may )?earns? us a (small )?commission|as an amazon associate|earns? from qualifying purchases|(we|i) may be compensated)\b/i,
  ),
  needs(['affiliate links'], /\b(may )?(contain|contains|include|includes) (some )?affiliate links\b|\b(i|we) use affiliate links\b/i),
  needs(
    ['fdic', 'member sipc', 'past performance ', 'purposes only', 'not a substitute for '],
    /\b(not fdic insured|member fdic|member sipc|past performance (is|does) not (a )?guarantee|(is|are) (provided )?for (general )?(informational|educational) purposes only|not a substitute for (professional )?(medical|legal|financial) advice)\b/i,
  ),
  /^(in partnership with|sponsored by|presented by|brought to you by|paid (content|post|partnership)( for| by)?)\s*:?$/i,
  needs(['views expressed'], /\bviews expressed\b.{0,60}\b(not necessarily|solely|do not (necessarily )?reflect)\b/i),
  /^why (you can )?trust us\??$/i,

  // Datelines, relative times and bylines standing alone.
  /^((last )?updated|published|posted|first published)[:\s]?.{0,60}\b(ago|am|pm|gmt|utc|bst|edt|est|et|20\d\d)\.?$/i,
  /^((last )?updated|published|posted|first published)\b[^.!?]{0,100}\b(19|20)\d\d\b[^!?]{0,60}$/i,
  needs(['published', 'updated', 'posted'], /^.{0,60}\b(published|updated|posted)\b.{0,40}\b(19|20)\d\d\b.{0,20}$/i),
  /^(updated|published|posted)( at| on)? \d{1,2}[:.]\d\d ?([ap]\.?m\.?)?( [A-Z]{2,4})?$/i,
  /^\d+ (seconds?|minutes?|mins?|hours?|hrs?|days?) ago$/i,
  // "October 12, 2017", "Monday, 18 November 2019 08:22 GMT", "2019-11-20 12:57".
  /^((mon|tues|wednes|thurs|fri|satur|sun)day,? )?(\p{L}+\.? \d{1,2},? \d{4}|\d{1,2}\.? \p{L}+\.?,? \d{4}|\d{4}-\d\d-\d\d|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(,? (at )?\d{1,2}[:.]\d\d( ?[ap]\.?m\.?)?( [A-Z]{2,4})?)?$/iu,
  // "By Justine Coleman -"
  /^by \p{Lu}[\p{L}.'’-]*( \p{Lu}[\p{L}.'’-]*){0,3}\s*[-–|,]?$/u,

  // Lines that speak about the page rather than its subject, inside the article's own container
  // where a class rarely names them: the marker over an inline ad or aside telling the reader the
  // text goes on, and the feedback question at the end of an issue or post.
  /^(the )?(article|story|post|text|content|reading) continues (below|after (this |the )?(ad|advert|advertisement))$/i,
  /^(how was this (issue|article|post|story|newsletter|episode|guide)|was this (article|page|post|guide|answer) (helpful|useful))\s*\??$/i,

  // Captions, credits and copyright lines.
  /^(image|photo|picture|video|graphic)( caption| credit| source)?:?.{0,120}$/i,
  /^in this .{0,100}\b(file )?(photo|image|picture)\b/i,
  needs(
    ['image', 'photo', 'picture'],
    /^(feature(d)?|header|cover|top|hero|lead|main|opening) (image|photo|picture)s? (by|via|from|courtesy of)\b|\ball other (images|photos|pictures) (via|by|from|courtesy of)\b/i,
  ),
  /^(getty images|reuters|afp|ap photo|epa|pa media|shutterstock)(\/.{0,40})?$/i,
  /^(copyright|©|\(c\)) .{0,120}$/i,
  needs(['©'], /^.{0,140}©.{0,40}$/),
  needs(['all rights reserved'], /\ball rights reserved\b/i),

  // Leftovers of markup: escaped tags, unrendered CMS shortcodes, bare image URLs.
  /^<[a-z]+\b[^>]*>$/i,
  /^\[\w+[^\]]*\].*\[\/\w+\]$/,
  /^https?:\/\/\S+\.(jpe?g|png|gif|webp)\b/i,
];

/**
 * FURNITURE_PATTERNS.some((re) => re.test(text)), faster: the patterns with literals run only
 * when the lowercased text contains one; the others are joined into one alternation per set of
 * flags (the same matches: none is global or sticky, none refers to a group), anchored ones
 * apart so that the engine tries them at the start only.
 */
export function matchesFurniture(text: string): boolean {
  for (const re of JOINED) if (re.test(text)) return true;
  return ANY_LITERAL.test(text) && GUARDED.some((re) => re.test(text));
}

const GUARDED = FURNITURE_PATTERNS.filter((re) => LITERALS.has(re));

/** Any guarded pattern's literal, in either ASCII case (as the lowercased text would contain it). */
const ANY_LITERAL = new RegExp(
  GUARDED.flatMap((re) => LITERALS.get(re)!)
    .map((l) => l.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('|'),
  'i',
);

const JOINED: RegExp[] = (() => {
  const groups = new Map<string, string[]>();
  for (const re of FURNITURE_PATTERNS) {
    // A global or sticky pattern keeps state between tests, a backreference counts groups: neither joins.
    if (/[gy]/.test(re.flags) || /\\[1-9]|\\k</.test(re.source))
      throw new Error(`furniture pattern ${re} cannot be joined with the others`);
    if (LITERALS.has(re)) continue;
    const key = `${re.flags}/${anchored(re.source)}`;
    groups.set(key, [...(groups.get(key) ?? []), `(?:${re.source})`]);
  }
  return [...groups].map(([key, sources]) => new RegExp(sources.join('|'), key.split('/')[0]));
})();

/** The source starts with `^` and has no `|` outside groups and classes: it can only match at the start. */
function anchored(source: string): boolean {
  if (!source.startsWith('^')) return false;
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) return false;
  }
  return true;
}
