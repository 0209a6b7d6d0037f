// The short article the label tests (labels.test.ts) edit, and helpers to edit it.
import type { ChangeLabel, ChangeLevel, DiffInput } from '../types.ts';

export const TITLE = 'Council approves new budget for city schools';
export const BYLINE = 'By Jane Smith';
export const P = [
  'The city council approved a budget of 12 million pounds for schools on Monday evening.',
  'Councillor Mark Evans said the money would pay for new classrooms and more teachers.',
  '“This is a good day for our children,” said the mayor, Sarah Collins.',
  'Opposition members walked out of the chamber in protest at the decision.',
  'A public consultation will open next week and run until the end of March.',
];

export interface Edit {
  title?: string;
  byline?: string | null;
  paragraphs?: string[];
}

export const v = (e: Edit = {}): DiffInput => ({
  title: e.title ?? TITLE,
  byline: e.byline === undefined ? BYLINE : e.byline,
  published: null,
  paragraphs: e.paragraphs ?? P,
});
export const withP = (k: number, text: string) => P.map((p, i) => (i === k ? text : p));
export const without = (...ks: number[]) => P.filter((_, i) => !ks.includes(i));
export const insert = (k: number, text: string) => [...P.slice(0, k), text, ...P.slice(k)];
export const move = (from: number, to: number) => {
  const out = [...P];
  out.splice(to, 0, out.splice(from, 1)[0]);
  return out;
};

export type Case = [name: string, before: Edit, after: Edit, labels: ChangeLabel[], level: ChangeLevel];
