/** The word-level edits of a known-answer run (bench/lib/edit-run.ts): reword, number fix, headline. */
import type { EditGenerator } from './diff-edits.ts';
import type { EditStory } from './edit-answer.ts';
import { LOWER_WORD, NUMBER, quoted, shuffle, type Draft } from './edit-words.ts';

/** What a word-level edit reads and records of its run. */
export interface RunState {
  readonly g: EditGenerator;
  readonly story: EditStory;
  readonly touched: Set<Draft>;
}

/** Word positions that may be reworded: plain lower-case words outside quotations. */
export function eligible(d: Draft): number[] {
  const inQuote = quoted(d.words.map((w) => w.text));
  return d.words.map((w, k) => k).filter((k) => LOWER_WORD.test(d.words[k].text) && !inQuote[k]);
}

export function rewordDraft(run: RunState, d: Draft, count: number): boolean {
  const spots = shuffle(eligible(d), run.g).slice(0, count);
  if (spots.length === 0) return false;
  const present = new Set(d.words.map((w) => w.text.toLowerCase().replace(/\p{P}+$/u, '')));
  for (const k of spots) {
    const old = d.words[k].text;
    const tail = old.match(/\p{P}*$/u)![0];
    const word = run.g.replacement(old.slice(0, old.length - tail.length), present);
    present.add(word);
    d.words[k] = { text: word + tail, from: null };
  }
  d.edited = true;
  run.story.reworded = true;
  run.touched.add(d);
  return true;
}

export function numberFixOn(run: RunState, d: Draft): boolean {
  const spots = d.words.map((_, k) => k).filter((k) => NUMBER.test(d.words[k].text));
  if (!spots.length) return false;
  const k = run.g.pick(spots);
  const old = d.words[k].text;
  const digits = [...old].map((c, p) => (/\d/.test(c) ? p : -1)).filter((p) => p >= 0);
  const p = run.g.pick(digits);
  const present = new Set(d.words.map((w) => w.text));
  let text = old;
  for (let tries = 0; tries < 20 && (text === old || present.has(text)); tries++) {
    let digit = String(run.g.int(0, 9));
    if (p === digits[0] && digit === '0' && digits.length > 1) digit = '9';
    text = old.slice(0, p) + digit + old.slice(p + 1);
  }
  if (text === old || present.has(text)) return false;
  d.words[k] = { text, from: null };
  d.edited = true;
  run.story.numberChanged = true;
  if (quoted(d.words.map((w) => w.text))[k]) run.story.quoteChanged = true;
  run.touched.add(d);
  return true;
}

/** The title with one word reworded, or null when it has no word to reword. */
export function rewordedTitle(g: EditGenerator, title: string): string | null {
  const words = title.split(' ');
  const spots = words.map((_, k) => k).filter((k) => LOWER_WORD.test(words[k]));
  if (!spots.length) return null;
  const k = g.pick(spots);
  const tail = words[k].match(/\p{P}*$/u)![0];
  words[k] = g.replacement(words[k].slice(0, words[k].length - tail.length), new Set(words.map((w) => w.toLowerCase()))) + tail;
  return words.join(' ');
}
