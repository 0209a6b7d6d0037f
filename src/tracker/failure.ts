import { FetchError } from '../fetch/index.ts';
import { RedlineError } from '../model/index.ts';

/** A failure reduced to what we record and log: which stage, which kind, what happened. */
export interface FailureInfo {
  stage: string;
  kind: string;
  message: string;
  status: number | null;
  retryAfterMs: number | null;
}

/** Classifies any thrown value by the fields its class carries; never throws. Anything else is `internal` so bugs stay visible. */
export function describeFailure(err: unknown): FailureInfo {
  if (err instanceof RedlineError) {
    const http = err instanceof FetchError ? err : null;
    return {
      stage: err.stage,
      kind: err.kind,
      message: err.message,
      status: http?.status ?? null,
      retryAfterMs: http?.retryAfterMs ?? null,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { stage: 'internal', kind: 'internal', message, status: null, retryAfterMs: null };
}

/** The text stored in `lastError` and shown to readers, e.g. `fetch timeout: no answer from example.com in 30s`. */
export function failureText(info: FailureInfo): string {
  return `${info.stage} ${info.kind}: ${info.message}`.slice(0, 500);
}
