import { describe, expect, it } from 'vitest';
import { diffVersions } from './engine.ts';
import { CHANGE_LABELS } from './label-ids.ts';
import { classifyChange, RULES } from './labels.ts';
import type { ChangeLabel, ChangeLevel, DiffInput } from './types.ts';

const TITLE = 'Council approves new budget for city schools';
const BYLINE = 'By Jane Smith';
const P = [
  'The city council approved a budget of 12 million pounds for schools on Monday evening.',
  'Councillor Mark Evans said the money would pay for new classrooms and more teachers.',
  '“This is a good day for our children,” said the mayor, Sarah Collins.',
  'Opposition members walked out of the chamber in protest at the decision.',
  'A public consultation will open next week and run until the end of March.',
];

interface Edit {
  title?: string;
  byline?: string | null;
  paragraphs?: string[];
}

const v = (e: Edit = {}): DiffInput => ({
  title: e.title ?? TITLE,
  byline: e.byline === undefined ? BYLINE : e.byline,
  published: null,
  paragraphs: e.paragraphs ?? P,
});
const withP = (k: number, text: string) => P.map((p, i) => (i === k ? text : p));
const without = (...ks: number[]) => P.filter((_, i) => !ks.includes(i));
const insert = (k: number, text: string) => [...P.slice(0, k), text, ...P.slice(k)];
const move = (from: number, to: number) => {
  const out = [...P];
  out.splice(to, 0, out.splice(from, 1)[0]);
  return out;
};

type Case = [name: string, before: Edit, after: Edit, labels: ChangeLabel[], level: ChangeLevel];

const CASES: Case[] = [
  // nothing visible
  ['identical versions', {}, {}, [], 'minor'],
  ['whitespace only (normalised away)', {}, { paragraphs: P.map((p) => `  ${p.replace(/ /g, '  ')} `) }, [], 'minor'],
  ['an empty paragraph added', {}, { paragraphs: [...P, '   '] }, [], 'minor'],
  // cosmetic
  ['typo fixed in the text', { paragraphs: withP(3, P[3].replace('chamber', 'chamebr')) }, {}, ['typo-only'], 'minor'],
  ['typo introduced', {}, { paragraphs: withP(3, P[3].replace('protest', 'prtoest')) }, ['typo-only'], 'minor'],
  ['two-letter typo in a long word', {}, { paragraphs: withP(4, P[4].replace('consultation', 'consutlaiton')) }, ['typo-only'], 'minor'],
  ['punctuation only', {}, { paragraphs: withP(3, P[3].replace(' in protest', ', in protest')) }, ['typo-only'], 'minor'],
  ['full stop to exclamation mark', {}, { paragraphs: withP(4, P[4].replace(/\.$/, '!')) }, ['typo-only'], 'minor'],
  ['letter case only', {}, { paragraphs: withP(3, P[3].replace('Opposition', 'OPPOSITION')) }, ['typo-only'], 'minor'],
  ['quote marks restyled', {}, { paragraphs: withP(2, P[2].replace('“', '"').replace('”', '"')) }, ['typo-only'], 'minor'],
  ['accent added', {}, { paragraphs: withP(4, P[4].replace('public', 'públic')) }, ['typo-only'], 'minor'],
  ['hyphenation', {}, { paragraphs: withP(1, P[1].replace('classrooms', 'class-rooms')) }, ['typo-only'], 'minor'],
  [
    'digit grouping only',
    { paragraphs: withP(0, P[0].replace('12 million pounds', '12000000 pounds')) },
    { paragraphs: withP(0, P[0].replace('12 million pounds', '12,000,000 pounds')) },
    ['typo-only'],
    'minor',
  ],
  [
    'paragraph split in two',
    {},
    { paragraphs: [...P.slice(0, 4), 'A public consultation will open next week.', 'It will run until the end of March.'] },
    ['reworded'],
    'substantive',
  ],
  [
    'pure paragraph split',
    { paragraphs: [...P.slice(0, 4), P[4] + ' Comments can be sent by email.'] },
    { paragraphs: [...P.slice(0, 4), P[4], 'Comments can be sent by email.'] },
    ['typo-only'],
    'minor',
  ],
  ['pure paragraph merge', {}, { paragraphs: [...P.slice(0, 3), P[3] + ' ' + P[4]] }, ['typo-only'], 'minor'],
  ['headline typo', { title: 'Council aproves new budget for city schools' }, {}, ['typo-only'], 'minor'],
  ['headline case', {}, { title: 'Council Approves New Budget For City Schools' }, ['typo-only'], 'minor'],
  ['typo fixed in the lede is still minor', { paragraphs: withP(0, P[0].replace('approved', 'aproved')) }, {}, ['typo-only'], 'minor'],
  // byline
  ['byline changed', {}, { byline: 'By Jane Smith and Tom Brown' }, ['byline-changed'], 'minor'],
  ['byline added', { byline: null }, {}, ['byline-changed'], 'minor'],
  [
    'byline and a typo',
    {},
    { byline: 'By J. Smith', paragraphs: withP(3, P[3].replace('chamber', 'chamebr')) },
    ['typo-only', 'byline-changed'],
    'minor',
  ],
  // substantive
  ['a word reworded', {}, { paragraphs: withP(3, P[3].replace('walked out of', 'left')) }, ['reworded'], 'substantive'],
  [
    'a sentence added inside a paragraph',
    {},
    { paragraphs: withP(3, P[3] + ' They returned an hour later.') },
    ['reworded'],
    'substantive',
  ],
  [
    'a sentence removed from a paragraph',
    { paragraphs: withP(3, P[3] + ' They returned an hour later.') },
    {},
    ['reworded'],
    'substantive',
  ],
  [
    'a sentence reworded',
    {},
    { paragraphs: withP(4, 'Residents can comment on the plans from next week until the end of March.') },
    ['reworded'],
    'substantive',
  ],
  ['words inserted', {}, { paragraphs: withP(1, P[1].replace('new classrooms', 'new science classrooms')) }, ['reworded'], 'substantive'],
  [
    'a paragraph added at the end',
    {},
    { paragraphs: [...P, 'The budget will be reviewed again next year.'] },
    ['paragraphs-added'],
    'substantive',
  ],
  [
    'a paragraph added in the middle',
    {},
    { paragraphs: insert(3, 'Teachers unions welcomed the plan.') },
    ['paragraphs-added'],
    'substantive',
  ],
  [
    'two paragraphs added',
    {},
    { paragraphs: [...insert(2, 'Teachers unions welcomed the plan.'), 'More details are expected soon.'] },
    ['paragraphs-added'],
    'substantive',
  ],
  ['a paragraph moved down', {}, { paragraphs: move(1, 3) }, ['paragraphs-moved'], 'substantive'],
  ['a paragraph moved up', {}, { paragraphs: move(4, 2) }, ['paragraphs-moved'], 'substantive'],
  [
    'moved and reworded',
    {},
    { paragraphs: [P[0], P[2], P[3], P[4], P[1].replace('more teachers', 'extra staff')] },
    ['reworded', 'paragraphs-moved'],
    'substantive',
  ],
  [
    'added and reworded',
    {},
    { paragraphs: [...withP(3, P[3].replace('walked out of', 'left')), 'More details are expected soon.'] },
    ['reworded', 'paragraphs-added'],
    'substantive',
  ],
  [
    'a whole new quote added in a new paragraph',
    {},
    { paragraphs: [...P, '“We will keep fighting,” said one protester.'] },
    ['paragraphs-added'],
    'substantive',
  ],
  // major: headline
  ['headline reworded', {}, { title: 'Council rejects budget for city schools' }, ['headline-changed'], 'major'],
  ['headline rewritten', {}, { title: 'Protest as schools money is approved' }, ['headline-changed'], 'major'],
  [
    'headline number',
    { title: 'Council approves 12m budget for schools' },
    { title: 'Council approves 15m budget for schools' },
    ['headline-changed', 'number-changed'],
    'major',
  ],
  [
    'headline name',
    { title: 'Evans backs schools budget' },
    { title: 'Collins backs schools budget' },
    ['headline-changed', 'name-changed'],
    'major',
  ],
  [
    'headline update label',
    {},
    { title: 'UPDATE: Council approves new budget for city schools' },
    ['headline-changed', 'notice-added'],
    'major',
  ],
  // major: lede
  ['lede reworded', {}, { paragraphs: withP(0, P[0].replace('approved', 'narrowly passed')) }, ['lede-changed', 'reworded'], 'major'],
  [
    'new first paragraph',
    {},
    { paragraphs: insert(0, 'Schools across the city will get more money next year.') },
    ['lede-changed', 'paragraphs-added'],
    'major',
  ],
  ['first paragraph removed', {}, { paragraphs: without(0) }, ['lede-changed', 'paragraphs-removed'], 'major'],
  ['first paragraph moved down', {}, { paragraphs: move(0, 2) }, ['lede-changed', 'paragraphs-moved'], 'major'],
  ['another paragraph moved to the top', {}, { paragraphs: move(3, 0) }, ['lede-changed', 'paragraphs-moved'], 'major'],
  // major: numbers and dates
  [
    'number corrected',
    {},
    { paragraphs: withP(0, P[0].replace('12 million', '15 million')).map((p, k) => (k === 0 ? p : p)) },
    ['lede-changed', 'number-changed'],
    'major',
  ],
  [
    'number corrected outside the lede',
    { paragraphs: withP(3, 'About 40 opposition members walked out in protest.') },
    { paragraphs: withP(3, 'About 14 opposition members walked out in protest.') },
    ['number-changed'],
    'major',
  ],
  ['weekday changed', {}, { paragraphs: withP(0, P[0].replace('Monday', 'Tuesday')) }, ['lede-changed', 'number-changed'], 'major'],
  ['month changed', {}, { paragraphs: withP(4, P[4].replace('March', 'April')) }, ['number-changed'], 'major'],
  [
    'decimal number',
    { paragraphs: withP(3, 'Turnout was 41.5 per cent.') },
    { paragraphs: withP(3, 'Turnout was 45.1 per cent.') },
    ['number-changed'],
    'major',
  ],
  [
    'number and wording',
    { paragraphs: withP(3, 'About 40 members walked out in protest.') },
    { paragraphs: withP(3, 'About 14 councillors walked out in protest.') },
    ['number-changed', 'reworded'],
    'major',
  ],
  [
    'a number merely added is not a change of number',
    {},
    { paragraphs: withP(3, P[3].replace('Opposition members', 'Twelve opposition members, 12 in all,')) },
    ['reworded'],
    'substantive',
  ],
  // major: names
  ['name replaced', {}, { paragraphs: withP(1, P[1].replace('Mark Evans', 'Mark Owens')) }, ['name-changed'], 'major'],
  ['credit line Reuters → AP', { paragraphs: [...P, 'Reuters'] }, { paragraphs: [...P, 'AP'] }, ['name-changed'], 'major'],
  [
    'acronym replaced',
    { paragraphs: withP(3, 'The NUT criticised the decision.') },
    { paragraphs: withP(3, 'The NEU criticised the decision.') },
    ['name-changed'],
    'major',
  ],
  [
    'a sentence start is no name',
    { paragraphs: withP(3, 'Members walked out in protest.') },
    { paragraphs: withP(3, 'Councillors walked out in protest.') },
    ['reworded'],
    'substantive',
  ],
  // major: quotes
  ['quote edited', {}, { paragraphs: withP(2, P[2].replace('a good day', 'a great day')) }, ['quote-changed', 'reworded'], 'major'],
  [
    'quote removed from a paragraph',
    { paragraphs: withP(3, P[3] + ' “It is a disgrace,” one said.') },
    {},
    ['quote-changed', 'reworded'],
    'major',
  ],
  ['paragraph with a quote removed', {}, { paragraphs: without(2) }, ['quote-changed', 'paragraphs-removed'], 'major'],
  [
    'guillemets quote edited',
    { paragraphs: withP(3, 'Il a dit : « nous sommes contents ».') },
    { paragraphs: withP(3, 'Il a dit : « nous sommes ravis ».') },
    ['quote-changed', 'reworded'],
    'major',
  ],
  ['a typo fixed inside a quote stays minor', {}, { paragraphs: withP(2, P[2].replace('children', 'chidlren')) }, ['typo-only'], 'minor'],
  // major: removals
  ['a paragraph removed', {}, { paragraphs: without(3) }, ['paragraphs-removed'], 'major'],
  ['two paragraphs removed', {}, { paragraphs: without(1, 3) }, ['paragraphs-removed'], 'major'],
  [
    'removed and added in other places',
    {},
    { paragraphs: [...without(3), 'More details are expected soon.'] },
    ['paragraphs-added', 'paragraphs-removed'],
    'major',
  ],
  // major: notices
  [
    'correction notice appended',
    {},
    { paragraphs: [...P, 'Correction: An earlier version of this article misspelled the mayor’s name.'] },
    ['paragraphs-added', 'notice-added'],
    'major',
  ],
  [
    'update notice appended',
    {},
    { paragraphs: [...P, 'Update: The council has since published the full budget.'] },
    ['paragraphs-added', 'notice-added'],
    'major',
  ],
  [
    'amended notice',
    {},
    { paragraphs: [...P, 'This article has been amended to correct the date of the vote.'] },
    ['paragraphs-added', 'notice-added'],
    'major',
  ],
  [
    'earlier-version sentence',
    {},
    { paragraphs: [...P, 'An earlier version of this story gave the wrong figure.'] },
    ['paragraphs-added', 'notice-added'],
    'major',
  ],
  [
    'German correction',
    {},
    { paragraphs: [...P, 'Korrektur: In einer früheren Version dieses Artikels stand ein falscher Betrag.'] },
    ['paragraphs-added', 'notice-added'],
    'major',
  ],
  [
    'French update',
    {},
    { paragraphs: [...P, 'Mise à jour : le conseil a publié le budget complet.'] },
    ['paragraphs-added', 'notice-added'],
    'major',
  ],
  [
    'Spanish correction',
    {},
    { paragraphs: [...P, 'Corrección: Una versión anterior de este artículo daba una cifra errónea.'] },
    ['paragraphs-added', 'notice-added'],
    'major',
  ],
  [
    'Dutch amended',
    {},
    { paragraphs: [...P, 'Dit artikel is aangepast na nieuwe informatie.'] },
    ['paragraphs-added', 'notice-added'],
    'major',
  ],
  [
    'notice appended to an existing paragraph',
    {},
    { paragraphs: withP(4, P[4] + ' Update: the date has moved.') },
    ['reworded', 'notice-added'],
    'major',
  ],
  [
    'an existing notice edited is no new notice',
    { paragraphs: [...P, 'Update: The vote is on 3 May.'] },
    { paragraphs: [...P, 'Update: The vote is on 4 May.'] },
    ['number-changed'],
    'major',
  ],
  [
    'the word "update" in prose is no notice',
    {},
    { paragraphs: [...P, 'The council will give an update on the plans in the spring.'] },
    ['paragraphs-added'],
    'substantive',
  ],
  // major: rewrite
  [
    'rewrite of most of the text',
    {},
    { paragraphs: [P[0], 'Schools will get the money from April.', 'Parents have mixed feelings.', 'The vote was close.', P[4]] },
    ['quote-changed', 'paragraphs-added', 'paragraphs-removed', 'rewrite'],
    'major',
  ],
  [
    'everything replaced',
    {},
    { paragraphs: ['A completely different story about the weather.', 'It will rain all week.'] },
    ['lede-changed', 'quote-changed', 'paragraphs-added', 'paragraphs-removed', 'rewrite'],
    'major',
  ],
];

describe('change labels and level', () => {
  it.each(CASES)('%s', (_name, before, after, labels, level) => {
    const m = diffVersions(v(before), v(after));
    expect(m.labels).toEqual(CHANGE_LABELS.filter((l) => labels.includes(l)));
    expect(m.level).toBe(level);
  });

  it('the table covers every label and every level', () => {
    const labels = new Set(CASES.flatMap((c) => c[3]));
    expect(CHANGE_LABELS.filter((l) => !labels.has(l))).toEqual([]);
    expect(new Set(CASES.map((c) => c[4]))).toEqual(new Set(['minor', 'substantive', 'major']));
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  it('RULES lists each label once, in CHANGE_LABELS order, with its meaning', () => {
    expect(RULES.map((r) => r.label)).toEqual([...CHANGE_LABELS]);
    for (const r of RULES) expect(r.means.length).toBeGreaterThan(10);
  });

  it('previews the headline when it changed, else the first changed sentence', () => {
    expect(diffVersions(v(), v({ title: 'Council rejects budget for city schools' })).preview).toEqual({
      where: 'headline',
      paragraph: null,
      before: TITLE,
      after: 'Council rejects budget for city schools',
    });
    const twoSentences = P[3] + ' They returned an hour later.';
    const m = diffVersions(
      v({ paragraphs: withP(3, twoSentences) }),
      v({ paragraphs: withP(3, P[3] + ' They returned two hours later.') }),
    );
    expect(m.preview).toEqual({
      where: 'paragraph',
      paragraph: 3,
      before: 'They returned an hour later.',
      after: 'They returned two hours later.',
    });
    expect(diffVersions(v(), v()).preview).toBeNull();
    const long = diffVersions(v(), v({ paragraphs: [...P, 'word '.repeat(100).trim()] })).preview!;
    expect(long.after.length).toBeLessThanOrEqual(200);
    expect(long.after.endsWith('…')).toBe(true);
  });

  it('classifyChange works on a model without the alignment’s word knowledge', () => {
    const m = diffVersions(v({ paragraphs: [...P, 'Reuters'] }), v({ paragraphs: [...P, 'AP'] }));
    expect(classifyChange(m)).toEqual({ labels: m.labels, level: m.level, preview: m.preview });
  });
});
