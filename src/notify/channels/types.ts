import type { SocialThread, Subscription } from '../../model/index.ts';
import type { DeliveryBatch } from '../../store/store.ts';
import type { ShareCard } from '../cards.ts';
import type { ChangeContext } from '../change.ts';
import type { AttemptInfo } from '../payload.ts';

/** One attempt at a batch: its changes (none for a confirmation) and how to reach the subscriber. */
export interface SendRequest {
  batch: DeliveryBatch;
  subscription: Subscription;
  changes: ChangeContext[];
  attempt: AttemptInfo;
  /** What the subscription watches, in words (`changes in BBC News`). */
  watch: string;
  /** The subscription's secret token, for confirmation and unsubscribe links. */
  token: string;
  /** The share card of the change, for social posts (rendered before the attempt's timeout starts). */
  card: ShareCard | null;
  /** The article's thread on this social account so far (null: the next post starts it). */
  thread: SocialThread | null;
  signal: AbortSignal;
}

export interface SendResult {
  /** What the far end answered, kept in the delivery log (e.g. `HTTP 200`, a post URL). */
  response: string | null;
  thread?: SocialThread;
}

/** A way of telling someone about changes. Throws DeliveryError (or any error: then it is retried). */
export interface ChannelSender {
  send(request: SendRequest): Promise<SendResult>;
  /** Closes pooled connections. */
  close?(): Promise<void>;
}
