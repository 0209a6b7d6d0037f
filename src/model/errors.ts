/**
 * The part of Redline an error comes from: what the tracker records with a failed check
 * (`fetch timeout: ...`) and what a log line names. Add a stage here with a new error class.
 */
export const STAGES = ['input', 'moderation', 'fetch', 'feed', 'extract', 'store', 'evidence', 'notify'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Base of every named Redline error, like hono's HTTPException: each class says its `stage`, and
 * `kind` is a short machine-readable reason within it; `cause` keeps the original error.
 * Classify with `instanceof` and these fields, never with `name`.
 */
export abstract class RedlineError extends Error {
  abstract readonly stage: Stage;

  constructor(
    readonly kind: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad user input or configuration: the CLI exits 2, the web answers 400. */
export class UsageError extends RedlineError {
  readonly stage = 'input';
  constructor(message: string, options?: { cause?: unknown }) {
    super('usage', message, options);
  }
}

/** Something asked for does not exist: the web answers 404. */
export class NotFoundError extends RedlineError {
  readonly stage = 'input';
  constructor(message: string) {
    super('not-found', message);
  }
}

/** Hidden by an admin for legal reasons: the web answers 410 Gone. */
export class HiddenError extends RedlineError {
  readonly stage = 'moderation';
  constructor(message: string) {
    super('hidden', message);
  }
}
