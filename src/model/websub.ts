import type { Millis } from './types.ts';

/** WebSub (W3C): a hub pushes a feed's updates to Redline's callback once it verified our intent. */
export type WebSubState = 'requested' | 'active' | 'denied';

export interface WebSubSubscription {
  sourceId: number;
  hubUrl: string;
  /** The feed's self URL as the hub knows it. */
  topicUrl: string;
  /** hub.secret: pushes are signed with it (X-Hub-Signature). Never shown or logged. */
  secret: string;
  state: WebSubState;
  requestedAt: Millis;
  /** When the hub's lease ends; renewed before. */
  leaseUntil: Millis | null;
  lastPushAt: Millis | null;
  lastError: string | null;
}
