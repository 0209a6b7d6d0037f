import { RedlineError } from '../model/index.ts';

export type ExtractErrorKind = 'empty' | 'not-html' | 'too-complex';

/**
 * The page could not yield an article: `not-html` (binary or not markup), `empty` (no body text found),
 * `too-complex` (more elements than MAX_ELEMENTS, see dom.ts).
 */
export class ExtractError extends RedlineError {
  readonly stage = 'extract';
  declare readonly kind: ExtractErrorKind;

  constructor(kind: ExtractErrorKind, message: string) {
    super(kind, message);
  }
}
