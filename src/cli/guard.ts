import type { Logger } from '../log/index.ts';

export interface GuardOptions {
  target?: Pick<NodeJS.Process, 'on' | 'off'>;
  exit?: (code: number) => void;
  now?: () => number;
}

/** More stray errors than this within STORM_WINDOW_MS means a loop, not a one-off: give up. */
const STORM_LIMIT = 20;
const STORM_WINDOW_MS = 10_000;

/**
 * A long-running tracker must not die of one stray error: every check already catches its own
 * failures, so anything reaching the process level is a bug in some callback (a socket event, a
 * forgotten promise). It is logged with its stack and the loop goes on; each check stands alone
 * and the store writes in transactions, so nothing half-done is left behind.
 * Two exceptions end the process instead: stdout/stderr closed under us (EPIPE: whoever read the
 * log is gone, and logging the error would only raise it again, forever), and a storm of errors.
 */
export function guardProcess(log: Logger, options: GuardOptions = {}): () => void {
  const { target = process, exit = (code: number) => process.exit(code), now = Date.now } = options;
  let recent: number[] = [];
  const report = (event: string) => (err: unknown) => {
    const e = err instanceof Error ? err : new Error(String(err));
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') return exit(1);
    const t = now();
    recent = [...recent.filter((at) => t - at < STORM_WINDOW_MS), t];
    try {
      log.error(event, {
        error: e.message,
        stack: e.stack
          ?.split('\n')
          .slice(1, 4)
          .map((l) => l.trim())
          .join(' | '),
      });
      if (recent.length > STORM_LIMIT)
        log.error('giving_up', { reason: `more than ${STORM_LIMIT} uncaught errors in ${STORM_WINDOW_MS / 1000}s` });
    } catch {
      // The log itself is broken: nothing more we can say.
    }
    if (recent.length > STORM_LIMIT) exit(1);
  };
  const onRejection = report('unhandled_rejection');
  const onException = report('uncaught_exception');
  target.on('unhandledRejection', onRejection);
  target.on('uncaughtException', onException);
  return () => {
    target.off('unhandledRejection', onRejection);
    target.off('uncaughtException', onException);
  };
}
