import { RedlineError } from '../model/index.ts';

/** Keys, proofs, archives: what went wrong and where. */
export class EvidenceError extends RedlineError {
  readonly stage = 'evidence';
  constructor(kind: 'key' | 'warc' | 'export' | 'archive', message: string, options?: { cause?: unknown }) {
    super(kind, message, options);
  }
}
