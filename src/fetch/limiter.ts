import type { Millis } from '../model/index.ts';
import { FetchError } from './errors.ts';

export type Release = () => void;

export function abortError(signal: AbortSignal | undefined, what: string): FetchError {
  return new FetchError('aborted', `${what}: aborted`, { cause: signal?.reason });
}

/** At most `limit` holders at a time; waiters are served in arrival order. */
export class Semaphore {
  private active = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  get idle(): boolean {
    return this.active === 0 && this.waiters.length === 0;
  }

  async acquire(signal?: AbortSignal, what = 'request'): Promise<Release> {
    if (signal?.aborted) throw abortError(signal, what);
    if (this.active < this.limit) {
      this.active++;
      return this.releaser();
    }
    await new Promise<void>((resolve, reject) => {
      const waiter = () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(abortError(signal, what));
      };
      this.waiters.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    return this.releaser();
  }

  /** A slot handed straight to the next waiter keeps `active` unchanged. */
  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next();
      else this.active--;
    };
  }
}

interface HostState {
  slots: Semaphore;
  nextStartAt: Millis;
}

export interface HostLimiterOptions {
  perHost: number;
  delayMs: number;
  now: () => Millis;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Per-host politeness: at most `perHost` requests in flight, and request starts spaced by `delayMs`. */
export class HostLimiter {
  private readonly hosts = new Map<string, HostState>();

  constructor(private readonly opts: HostLimiterOptions) {}

  async acquire(host: string, signal?: AbortSignal): Promise<Release> {
    const state = this.state(host);
    const release = await state.slots.acquire(signal, host);
    // Reserve the start time before sleeping so that concurrent callers line up behind each other.
    const now = this.opts.now();
    const wait = state.nextStartAt - now;
    state.nextStartAt = Math.max(now, state.nextStartAt) + this.opts.delayMs;
    if (wait > 0) {
      try {
        await this.opts.sleep(wait, signal);
      } catch (err) {
        release();
        throw err instanceof FetchError ? err : abortError(signal, host);
      }
    }
    return release;
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      if (this.hosts.size > 1000) this.prune();
      state = { slots: new Semaphore(this.opts.perHost), nextStartAt: 0 };
      this.hosts.set(host, state);
    }
    return state;
  }

  /** Forgets hosts with nothing in flight whose delay has passed, so the map does not grow forever. */
  private prune(): void {
    const now = this.opts.now();
    for (const [host, s] of this.hosts) if (s.slots.idle && s.nextStartAt <= now) this.hosts.delete(host);
  }
}

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal, 'wait'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal, 'wait'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
