export type { TrackerDeps, PageFetcher, PageRenderer } from './deps.ts';
export { checkArticle, type CheckOutcome, type CheckStatus } from './check-article.ts';
export { pollSource, type PollOutcome } from './poll-source.ts';
export { runOnce, emptyCounts, newWorkerId, type PassCounts, type RunOptions } from './run-once.ts';
export { startWorker, type Worker, type WorkerOptions } from './worker.ts';
export { syncSources, MANUAL_SOURCE } from './sync.ts';
export { describeFailure, failureText, type FailureInfo } from './failure.ts';
export { openTracker } from './open.ts';
export { relabelVersions, type RelabelResult } from './relabel.ts';
