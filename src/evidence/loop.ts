import { hostname } from 'node:os';
import type { Config } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import type { Millis } from '../model/index.ts';
import type { Store } from '../store/index.ts';
import { loadSigningKey, keyFileIsOpen } from './keys.ts';
import { pruneExpiredCaptures } from './retention.ts';
import { sealIfDue } from './seal.ts';
import { runArchivePass } from './wayback/runner.ts';
import { createSpnClient, type SpnClient } from './wayback/spn.ts';

export interface EvidenceLoop {
  stop(): Promise<void>;
}

export interface EvidenceDeps {
  config: Config;
  store: Store;
  log: Logger;
  now: () => Millis;
  /** Stand-in Save Page Now client (tests); the real one follows config.evidence.wayback. */
  spn?: SpnClient;
}

const PRUNE_EVERY_MS = 6 * 3600_000;

/**
 * The worker's evidence chores, beside the check loop: seal new records under a signed root every
 * evidence.sealEverySec, submit new versions to Save Page Now within its rate, apply retention.
 * Every chore is safe to run from several workers at once (the store arbitrates).
 */
export function startEvidenceLoop(deps: EvidenceDeps, tickMs = 5_000): EvidenceLoop {
  const { config, store, log } = deps;
  const key = loadSigningKey(config);
  if (keyFileIsOpen(key.path)) log.warn('signing_key_readable', { path: key.path, hint: 'chmod 600' });
  const wayback = config.evidence.wayback;
  const spn = deps.spn ?? createSpnClient(wayback, config.fetch.userAgent, deps.now);
  const workerId = `${hostname()}:${process.pid}:evidence`;
  let lastPrune = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const tick = async () => {
    const now = deps.now();
    const root = await sealIfDue(store, key, now, config.evidence.sealEverySec);
    if (root) log.info('sealed', { root: root.seq, records: root.treeSize, hash: root.rootHash });
    if (wayback.sources.length) await runArchivePass({ store, client: spn, config: wayback, log, now: deps.now, workerId });
    if (config.evidence.keepCapturesDays !== null && now - lastPrune >= PRUNE_EVERY_MS) {
      lastPrune = now;
      const pruned = await pruneExpiredCaptures(store, config.evidence.keepCapturesDays, now);
      if (pruned?.captures) log.info('pruned_captures', { bodies: pruned.captures, bytes: pruned.storedBytes });
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((err) => log.error('evidence_failed', { error: (err as Error).message }))
        .finally(schedule);
    }, tickMs);
  };
  running = tick()
    .catch((err) => log.error('evidence_failed', { error: (err as Error).message }))
    .finally(schedule);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
