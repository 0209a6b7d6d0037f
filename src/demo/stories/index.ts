import type { Story } from '../types.ts';
import { BUSINESS_STORIES } from './business.ts';
import { FEATURE_STORIES } from './features.ts';
import { NATIONAL_STORIES } from './national.ts';
import { WORLD_STORIES } from './world.ts';

/** Every article of the newsroom, in no particular order (the feed sorts by publication time). */
export const STORIES: Story[] = [...NATIONAL_STORIES, ...BUSINESS_STORIES, ...WORLD_STORIES, ...FEATURE_STORIES];

/**
 * A live blog listed in the feed under /sport/live/: its text changes on every request, so a
 * source filter (exclude `/sport/live/`) is the only sane way to treat it.
 */
export const LIVE_PAGE = {
  path: '/sport/live/ashford-rovers-v-pellham-town-live',
  headline: 'Live: Ashford Rovers v Pellham Town — County Cup final',
  summary: 'Minute-by-minute updates from the Riverside Ground.',
  publishedMinutesAgo: 10,
};
