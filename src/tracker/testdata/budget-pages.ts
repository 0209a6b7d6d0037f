import { articlePage } from './fakes.ts';

/** One article of the tracker tests: its URL, three paragraphs, and two versions of its page. */
export const URL1 = 'https://news.example/world/budget-1';
export const P = [
  'The council voted on Tuesday to approve the new budget for the coming year after a long debate.',
  'Opposition members said the plan would cut services that many residents rely on every single day.',
  'The mayor said the budget was balanced and would protect the most important public services.',
];
/** The three paragraphs. */
export const PAGE_A = articlePage('Council approves budget', P);
/** The last paragraph removed. */
export const PAGE_B = articlePage('Council approves budget', P.slice(0, 2));
