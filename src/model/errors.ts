/** Base of every named Redline error. `kind` is a short machine-readable reason; `cause` keeps the original error. */
export class RedlineError extends Error {
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
  constructor(message: string, options?: { cause?: unknown }) {
    super('usage', message, options);
  }
}

/** Something asked for does not exist: the web answers 404. */
export class NotFoundError extends RedlineError {
  constructor(message: string) {
    super('not-found', message);
  }
}

/** Hidden by an admin for legal reasons: the web answers 410 Gone. */
export class HiddenError extends RedlineError {
  constructor(message: string) {
    super('hidden', message);
  }
}
