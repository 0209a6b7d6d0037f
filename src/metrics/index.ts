import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * What the tracker reports as it works. It reaches the tracker through its deps, so the tracker
 * never imports the web or prom-client; tests may pass a stand-in or nothing.
 */
export interface TrackerMetrics {
  /** One article check ended: its status, and the failing stage/kind for errors. */
  checkDone(status: string, seconds: number, error?: { stage: string; kind: string } | null): void;
  /** One feed poll ended. */
  pollDone(status: string, error?: { stage: string; kind: string } | null): void;
  extractionDone(seconds: number): void;
  /** A worker claimed work whose previous lease had expired (a dead or stuck worker's). */
  leaseTakeovers(count: number): void;
}

export interface Metrics extends TrackerMetrics {
  /** A notification delivered (or failed); the follow feature calls it. */
  deliveryDone(channel: string, status: 'ok' | 'error'): void;
  /** The Prometheus text exposition (format 0.0.4). */
  render(): Promise<string>;
  readonly contentType: string;
}

export interface MetricsSources {
  /** Articles due now: read from the database at every scrape. */
  dueBacklog?: () => Promise<number>;
}

const DURATION_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** Counters are per process (scrape every process); gauges read the shared database. */
export function createMetrics(sources: MetricsSources = {}): Metrics {
  const registry = new Registry();
  const checks = new Counter({
    name: 'redline_checks_total',
    help: 'Article checks by outcome status.',
    labelNames: ['status'],
    registers: [registry],
  });
  const polls = new Counter({
    name: 'redline_polls_total',
    help: 'Feed polls by outcome status.',
    labelNames: ['status'],
    registers: [registry],
  });
  const fetchErrors = new Counter({
    name: 'redline_fetch_errors_total',
    help: 'Failed article checks and feed polls by what was fetched, stage and kind.',
    labelNames: ['target', 'stage', 'kind'],
    registers: [registry],
  });
  const checkSeconds = new Histogram({
    name: 'redline_check_duration_seconds',
    help: 'Wall time of one article check.',
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const extractSeconds = new Histogram({
    name: 'redline_extraction_duration_seconds',
    help: 'Wall time of one extraction.',
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const versions = new Counter({
    name: 'redline_versions_stored_total',
    help: 'New versions stored by this process.',
    registers: [registry],
  });
  const takeovers = new Counter({
    name: 'redline_lease_takeovers_total',
    help: 'Leases of dead worker processes released so their work is taken over at once.',
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'redline_deliveries_total',
    help: 'Notifications delivered, by channel and status.',
    labelNames: ['channel', 'status'],
    registers: [registry],
  });
  new Gauge({
    name: 'redline_due_backlog',
    help: 'Articles due for a check now (not retired, source not paused).',
    registers: [registry],
    async collect() {
      if (sources.dueBacklog) this.set(await sources.dueBacklog());
    },
  });
  const failed = (target: string, error?: { stage: string; kind: string } | null) => {
    if (error) fetchErrors.inc({ target, stage: error.stage, kind: error.kind });
  };
  return {
    checkDone(status, seconds, error) {
      checks.inc({ status });
      checkSeconds.observe(seconds);
      if (status === 'new_version') versions.inc();
      failed('article', error);
    },
    pollDone(status, error) {
      polls.inc({ status });
      failed('feed', error);
    },
    extractionDone: (seconds) => extractSeconds.observe(seconds),
    leaseTakeovers: (count) => takeovers.inc(count),
    deliveryDone: (channel, status) => deliveries.inc({ channel, status }),
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
