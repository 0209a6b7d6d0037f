export type { NotifyDeps } from './deps.ts';
export type { ShareCard, ShareCardRenderer } from './cards.ts';
export { deliverDue, startDeliveryLoop, newDeliveryWorkerId, type DeliveryLoop, type LoopOptions } from './loop.ts';
export { deliverBatch, type Senders } from './deliver.ts';
export { createSenders } from './channels/index.ts';
export { verifySignature, signatureHeader, SIGNATURE_HEADER } from './sign.ts';
export { DeliveryError } from './errors.ts';
export { subscriptionFrom, syncSubscriptions, parseTarget, isEmailAddress, type FollowRequest } from './spec.ts';
export { nextRetryAt } from './retry.ts';
