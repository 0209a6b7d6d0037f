import { RedlineError } from '../model/index.ts';

export type ExtractErrorKind = 'empty' | 'not-html';

/** The page could not yield an article: `not-html` (binary or not markup), `empty` (no body text found). */
export class ExtractError extends RedlineError {
  readonly stage = 'extract';
  declare readonly kind: ExtractErrorKind;

  constructor(kind: ExtractErrorKind, message: string) {
    super(kind, message);
  }
}
