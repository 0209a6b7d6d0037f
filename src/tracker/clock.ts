import type { Millis } from '../model/index.ts';
import type { Store } from '../store/store.ts';

/**
 * Time by the database's clock. With many workers on PostgreSQL, each reading its own clock, a
 * worker 10 minutes fast would see everyone's leases as expired and every article as due, take all
 * the work and stamp captures in the future. The offset to the server's clock is measured at start
 * and every `refreshMs`; reading the time stays synchronous.
 */
export interface DatabaseClock {
  now: () => Millis;
  /** Database time minus local time, as last measured. */
  offsetMs(): number;
  sync(): Promise<void>;
  stop(): void;
}

export async function databaseClock(
  store: Pick<Store, 'clock'>,
  local: () => Millis = Date.now,
  refreshMs = 60_000,
): Promise<DatabaseClock> {
  let offset = 0;
  const sync = async () => {
    const before = local();
    const db = await store.clock();
    const after = local();
    // The server read its clock somewhere in the round trip; the middle is the best guess.
    offset = db - (before + after) / 2;
  };
  await sync();
  const timer = setInterval(() => void sync().catch(() => undefined), refreshMs);
  timer.unref();
  return { now: () => Math.round(local() + offset), offsetMs: () => offset, sync, stop: () => clearInterval(timer) };
}
