import { RedlineError } from '../model/index.ts';

export type FeedErrorKind = 'malformed' | 'unknown-format' | 'too-large';

/** A feed, sitemap or OPML document that cannot be read. `kind` says why; the message says which document. */
export class FeedError extends RedlineError {
  readonly stage = 'feed';
  declare readonly kind: FeedErrorKind;

  constructor(kind: FeedErrorKind, message: string, options?: { cause?: unknown }) {
    super(kind, message, options);
  }
}
