import { renderShareCard, shareCardFromDiff } from '../cards/index.ts';
import type { ChangeContext } from './change.ts';

// The image posted with a change on Mastodon and Bluesky: the share card of cards/ (PNG + alt text
// "Before: … After: …"). Channels depend only on this signature, so tests may plug in another.

export interface ShareCard {
  png: Uint8Array;
  alt: string;
  width: number;
  height: number;
}

export type ShareCardRenderer = (change: ChangeContext) => Promise<ShareCard>;

/** The website's share card of the change: its main story (headline change, else the paragraph that changed most). */
export const renderChangeCard: ShareCardRenderer = (c) =>
  renderShareCard(shareCardFromDiff(c.diff, { headline: c.to.title, sourceName: c.article.sourceName, capturedAt: c.to.capturedAt }));
