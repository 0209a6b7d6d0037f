import { CHANGE_LEVELS, type Digest, type Millis, type Subscription, type VersionChange } from '../model/index.ts';
import { changedSentences, matchWords, wordsHaveTerms } from '../text/sentences.ts';
import { parseSearchText } from './sql/search-query.ts';

// Which subscriptions a stored change concerns. Pure, and cheap: level and kinds are compared as
// labelled by diff/ when the version was stored; only query subscriptions look at the text, and
// the sentence comparison is made once per change, lazily.

/** What the matcher knows of one stored change (version n >= 2 against version n - 1). */
export interface ChangeFacts {
  articleId: number;
  sourceId: number;
  /**
   * The diff engine's labels and level as stored with the version (VersionInput.change); null when
   * stored without them: it counts as a minor change with no label.
   */
  change: VersionChange | null;
  /** Headline and paragraphs of the previous and of the new version. */
  before: () => string[];
  after: string[];
}

/**
 * `changedWords()` gives the words (matchWords) of each sentence the change added or removed;
 * computed once per change, however many query subscriptions look at it.
 */
export function subscriptionMatches(sub: Subscription, facts: ChangeFacts, changedWords: () => string[][]): boolean {
  if (sub.status !== 'active') return false;
  if (!watches(sub, facts)) return false;
  const level = facts.change?.level ?? 'minor';
  if (CHANGE_LEVELS.indexOf(level) < CHANGE_LEVELS.indexOf(sub.minLevel)) return false;
  if (sub.kinds.length > 0 && !sub.kinds.some((k) => facts.change?.labels.includes(k))) return false;
  if (sub.watch === 'query') {
    const terms = parseSearchText(sub.query ?? '');
    return changedWords().some((words) => wordsHaveTerms(words, terms));
  }
  return true;
}

function watches(sub: Subscription, facts: ChangeFacts): boolean {
  switch (sub.watch) {
    case 'all':
      return true;
    case 'article':
      return sub.articleId === facts.articleId;
    case 'source':
      return sub.sourceId === facts.sourceId;
    case 'query':
      return sub.sourceId === null || sub.sourceId === facts.sourceId;
  }
}

/** The subscriptions among `subs` that this change concerns; the text is compared at most once. */
export function matchingSubscriptions(subs: Subscription[], facts: ChangeFacts): Subscription[] {
  let words: string[][] | null = null;
  const lazy = () => {
    if (words === null) {
      const { added, removed } = changedSentences(facts.before(), facts.after);
      words = [...added, ...removed].map(matchWords);
    }
    return words;
  };
  return subs.filter((s) => subscriptionMatches(s, facts, lazy));
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** When a digest collecting a change made at `now` is sent: the end of the current UTC hour or day. */
export function digestDueAt(digest: Digest, now: Millis): Millis {
  if (digest === 'hourly') return Math.floor(now / HOUR) * HOUR + HOUR;
  if (digest === 'daily') return Math.floor(now / DAY) * DAY + DAY;
  return now;
}
