// Time wording is shared with the CLI and the share cards (text/time.ts); the views import it from here.
export { formatDate, formatPageDate, formatSpan, isoDate, laterOrEarlier, relativeTime } from '../text/time.ts';

/** "+12 / −30 words" (a real minus sign, as readers expect). */
export function wordDelta(added: number, removed: number): string {
  return `+${added} / \u2212${removed} words`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
