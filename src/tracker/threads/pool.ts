import { Worker } from 'node:worker_threads';
import { ExtractError } from '../../extract/index.ts';
import type { ExtractErrorKind } from '../../extract/errors.ts';
import { FeedError, type FeedErrorKind } from '../../feeds/index.ts';
import { RedlineError } from '../../model/index.ts';
import type { Job, Reply, Task, ThrownError } from './protocol.ts';

export interface ThreadPoolOptions {
  /** Threads at most; started on first use. */
  threads: number;
  /** Wall-clock budget of one job once a thread runs it, per task (a feed of 100,000 items takes seconds). */
  budgetMs: Record<Task, number>;
  /** Heap budget of each thread (V8 old generation), in MB. */
  memoryMb: number;
}

/** A page or feed that would cost more than its time or memory budget: the thread working on it was stopped. */
export class TooComplexError extends RedlineError {
  constructor(
    readonly stage: 'extract' | 'feed',
    message: string,
  ) {
    super('too-complex', message);
  }
}

interface Pending {
  job: Job;
  resolve(value: unknown): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
}

const BOOT = new URL('./boot.mjs', import.meta.url);

const stageOf = (task: Task): 'extract' | 'feed' => (task === 'extract' ? 'extract' : 'feed');

/**
 * A few worker threads that parse pages and feeds. The event loop that serves the website never
 * runs a parser: a page that would take minutes only ever holds one thread, which is terminated
 * when its budget runs out (or dies of its heap limit) and replaced.
 */
export class ThreadPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: ThreadPoolOptions) {}

  run(task: Task, text: string, url: string, pattern?: RegExp): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('thread pool closed'));
    const crossing = pattern ? { source: pattern.source, flags: pattern.flags } : undefined;
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, task, text, url, pattern: crossing }, resolve, reject });
      this.pump();
    });
  }

  /** Stops every thread; queued and running jobs fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('thread pool closed'));
    await Promise.all([...this.slots].map((s) => this.discard(s, new Error('thread pool closed'))));
  }

  private pump(): void {
    while (this.queue.length) {
      const slot = [...this.slots].find((s) => s.ready && !s.current);
      if (!slot) {
        if (this.slots.size < this.options.threads) this.spawn();
        return;
      }
      this.assign(slot, this.queue.shift()!);
    }
  }

  private spawn(): void {
    const worker = new Worker(BOOT, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.memoryMb, maxYoungGenerationSizeMb: Math.min(64, this.options.memoryMb / 4) },
    });
    const slot: Slot = { worker, ready: false, current: null, timer: null };
    this.slots.add(slot);
    worker.unref();
    worker.on('message', (msg: Reply | { ready: true }) => {
      if ('ready' in msg) {
        slot.ready = true;
        return this.pump();
      }
      this.finish(slot, msg);
    });
    worker.on('error', (err: Error & { code?: string }) => {
      const job = slot.current?.job;
      const failure = !job
        ? err
        : err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new TooComplexError(stageOf(job.task), `${job.url}: parsing needed more than the ${this.options.memoryMb} MB memory budget`)
          : err;
      void this.discard(slot, failure);
      // A thread that cannot even start (say tsx is missing) would fail every job: fail them now.
      if (!slot.ready) for (const p of this.queue.splice(0)) p.reject(err);
    });
    worker.on('exit', () => {
      if (this.slots.has(slot)) void this.discard(slot, new Error('parsing thread exited'));
    });
  }

  private assign(slot: Slot, pending: Pending): void {
    slot.current = pending;
    // Ref'd while busy: a process waiting only for this job must not exit under it.
    slot.worker.ref();
    const budget = this.options.budgetMs[pending.job.task];
    slot.timer = setTimeout(() => {
      const { job } = pending;
      void this.discard(slot, new TooComplexError(stageOf(job.task), `${job.url}: parsing took longer than the ${budget} ms budget`));
    }, budget);
    slot.worker.postMessage(pending.job);
  }

  private finish(slot: Slot, reply: Reply): void {
    const pending = slot.current;
    if (!pending || pending.job.id !== reply.id) return;
    clearTimeout(slot.timer!);
    slot.current = null;
    slot.timer = null;
    slot.worker.unref();
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(rebuild(pending.job, reply.error));
    this.pump();
  }

  /** Drops a thread (terminating it), failing the job it held with `err`; the next job gets a fresh thread. */
  private async discard(slot: Slot, err: Error): Promise<void> {
    if (!this.slots.delete(slot)) return;
    if (slot.timer) clearTimeout(slot.timer);
    const pending = slot.current;
    slot.current = null;
    pending?.reject(err);
    if (!this.closed) this.pump();
    await slot.worker.terminate().catch(() => undefined);
  }
}

/** Errors cross the thread boundary as plain data: the stages' named errors are rebuilt here. */
function rebuild(job: Job, thrown: ThrownError): Error {
  // Deep recursion on pathological nesting: the thread survived, but the page is beyond what we parse.
  if (thrown.name === 'RangeError' && /call stack/i.test(thrown.message)) {
    return new TooComplexError(stageOf(job.task), `${job.url}: nesting too deep to parse (${thrown.message})`);
  }
  if (thrown.name === 'ExtractError' && thrown.kind) return new ExtractError(thrown.kind as ExtractErrorKind, thrown.message);
  if (thrown.name === 'FeedError' && thrown.kind) return new FeedError(thrown.kind as FeedErrorKind, thrown.message);
  return new Error(thrown.message);
}
