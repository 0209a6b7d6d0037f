import type { ChangeContext } from './change.ts';

// The share card of a change (PNG + alt text "Before: … After: …") comes from src/cards/ (issue
// "Readers"). Posting code depends only on this signature; `redline start` wires the real one.

export interface ShareCard {
  png: Uint8Array;
  alt: string;
  width: number;
  height: number;
}

export type ShareCardRenderer = (change: ChangeContext) => Promise<ShareCard>;
