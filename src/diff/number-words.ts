// Numbers and dates in words: what the number-changed and date labels compare.

const DIGIT = /\p{N}/u;

/** Month and weekday names that make a word a date (English ones only when capitalised). */
const DATE_WORDS = new Set(
  [
    'january february april june july august september october november december monday tuesday wednesday thursday friday saturday sunday',
    'januar februar märz mai juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag',
    'janvier février mars avril juin juillet août septembre octobre novembre décembre lundi mardi mercredi jeudi vendredi samedi dimanche',
    'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre lunes martes miércoles jueves viernes sábado domingo',
    'gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre lunedì martedì mercoledì giovedì venerdì sabato domenica',
    'janeiro fevereiro março maio junho julho setembro outubro novembro dezembro segunda terça quarta quinta sexta',
    'januari februari maart mei augustus maandag dinsdag woensdag donderdag vrijdag zaterdag zondag',
  ]
    .join(' ')
    .split(' '),
);
const CAPITALISED_DATE_WORDS = new Set(
  'May March Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thurs Fri Sat Sun'.split(' '),
);

/** A number (any token with a digit) or a month or weekday name. */
export function isNumberOrDate(word: string): boolean {
  return hasDigit(word) || isDateWord(word);
}

const DATE_LENGTH = Math.max(...[...DATE_WORDS, ...CAPITALISED_DATE_WORDS].map((w) => w.length));

export function isDateWord(word: string): boolean {
  if (word.length > DATE_LENGTH) return false;
  if (CAPITALISED_DATE_WORDS.has(word)) return true;
  return DATE_WORDS.has(word.toLowerCase());
}

/** Whether a word has a digit (\p{N}): ASCII digits are seen without the regex. */
export function hasDigit(word: string): boolean {
  let ascii = true;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39) return true;
    if (c >= 0x80) ascii = false;
  }
  return !ascii && DIGIT.test(word);
}

/** The value a number or date word stands for: digits and letters without separators ("1,200" = "1200"), names case-folded. */
export function numberValue(word: string): string {
  return word.replace(/[.,:\s]/g, '').toLowerCase();
}
