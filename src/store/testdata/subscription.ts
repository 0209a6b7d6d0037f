import type { SubscriptionInput } from '../../model/index.ts';

/** An active-by-default webhook subscription to every change, with `over` applied: the one fixture of tests that subscribe. */
export function subscriptionInput(over: Partial<SubscriptionInput> = {}): SubscriptionInput {
  return {
    channel: 'webhook',
    address: 'hook',
    watch: 'all',
    articleId: null,
    sourceId: null,
    query: null,
    minLevel: 'minor',
    kinds: [],
    digest: 'none',
    origin: 'cli',
    configKey: null,
    ...over,
  };
}
