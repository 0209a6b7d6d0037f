import type { Config } from '../config/index.ts';
import type { Logger } from '../log/index.ts';
import type { Metrics } from '../metrics/index.ts';
import type { Millis } from '../model/index.ts';
import type { Store } from '../store/store.ts';
import type { ShareCardRenderer } from './cards.ts';

/** What the delivery loop needs, passed down explicitly so tests can inject clocks and fakes. */
export interface NotifyDeps {
  config: Config;
  store: Store;
  log: Logger;
  now: () => Millis;
  /** Renders the image posted with a change on Mastodon and Bluesky; the share card of cards/ by default. */
  renderCard?: ShareCardRenderer;
  /** redline_deliveries_total on /metrics; absent in most tests. */
  metrics?: Pick<Metrics, 'deliveryDone'>;
}
