// The share card of a change (PNG + alt text "Before: … After: …") comes from src/cards/ (issue
// "Readers"); posting code depends only on this signature, so any renderer can be plugged in.

export interface ShareCardInput {
  headline: string;
  sourceName: string;
  capturedAt: number;
  before: string;
  after: string;
}

export interface ShareCard {
  png: Uint8Array;
  alt: string;
  width: number;
  height: number;
}

export type ShareCardRenderer = (input: ShareCardInput) => Promise<ShareCard>;
