import { RedlineError } from '../model/index.ts';

/** A failure reduced to what we record and log: which stage, which kind, what happened. */
export interface FailureInfo {
  stage: string;
  kind: string;
  message: string;
  status: number | null;
  retryAfterMs: number | null;
}

const STAGES: Record<string, string> = {
  FetchError: 'fetch',
  FeedError: 'feed',
  ExtractError: 'extract',
  StoreError: 'store',
  DiskFullError: 'store',
  StoreBusyError: 'store',
};

/** Classifies any thrown value; never throws. Unknown errors are kind `internal` so bugs stay visible. */
export function describeFailure(err: unknown): FailureInfo {
  if (err instanceof RedlineError) {
    const e = err as RedlineError & { status?: unknown; retryAfterMs?: unknown; stage?: unknown };
    // An error may name its stage itself (a TooComplexError from the parsing threads: extract or feed).
    const stage = typeof e.stage === 'string' ? e.stage : undefined;
    return {
      stage: stage ?? STAGES[err.name] ?? err.name.replace(/Error$/, '').toLowerCase(),
      kind: err.kind,
      message: err.message,
      status: typeof e.status === 'number' ? e.status : null,
      retryAfterMs: typeof e.retryAfterMs === 'number' ? e.retryAfterMs : null,
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { stage: 'internal', kind: 'internal', message, status: null, retryAfterMs: null };
}

/** The text stored in `lastError` and shown to readers, e.g. `fetch timeout: no answer from example.com in 30s`. */
export function failureText(info: FailureInfo): string {
  return `${info.stage} ${info.kind}: ${info.message}`.slice(0, 500);
}
