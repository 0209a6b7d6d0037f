import type { Config, ScheduleTier } from './config.ts';
import { defaultNotifyConfig } from './notify.ts';

export const DEFAULT_USER_AGENT =
  'Redline/0.1 (+https://github.com/redline-news/redline; tracks published edits of news articles)';

/**
 * Front-loaded checks for young articles (see bench/schedule.ts for the reasoning and the
 * comparison with News Sniffer's and NewsDiffs' rules): edits cluster in the first hour, most are
 * done within about ten hours, and each check there is worth more than one in the tail.
 */
export const DEFAULT_TIERS: ScheduleTier[] = [
  { maxAgeSec: 3600, periodSec: 5 * 60 },
  { maxAgeSec: 6 * 3600, periodSec: 15 * 60 },
  { maxAgeSec: 12 * 3600, periodSec: 30 * 60 },
];

export function defaultConfig(): Config {
  return {
    dataDir: './data',
    databaseUrl: null,
    schedule: {
      tiers: DEFAULT_TIERS.map((t) => ({ ...t })),
      minPeriodSec: 30 * 60,
      backoffFactor: 1.2,
      retireAfterSec: 40 * 24 * 3600,
      feedMinPeriodSec: 60,
      feedDefaultPeriodSec: 5 * 60,
      revertBackoffFactor: 2,
    },
    fetch: {
      userAgent: DEFAULT_USER_AGENT,
      connectTimeoutMs: 10_000,
      totalTimeoutMs: 30_000,
      maxBodyBytes: 10 * 1024 * 1024,
      maxRedirects: 5,
      perHostConcurrency: 2,
      perHostDelayMs: 1_000,
      globalConcurrency: 16,
      respectRobots: true,
      robotsCacheSec: 3600,
      allowPrivateNetworks: false,
      allowPrivateHosts: [],
    },
    worker: { role: 'all', batchSize: 32, leaseSec: 60, idleMs: 1_000, keepRaw: true, extractThreads: 2, extractBudgetMs: 5_000, feedBudgetMs: 20_000, extractMemoryMb: 512 },
    web: { host: '127.0.0.1', port: 8080, baseUrl: '' },
    admin: { sessionHours: 12 },
    ops: {
      heartbeatStaleSec: 120,
      maxPollAgeSec: 6 * 3600,
      quietMultiple: 4,
      quietMinSec: 6 * 3600,
      quietMaxIntervalSec: 24 * 3600,
      quietMinBatches: 5,
      failingSec: 3 * 3600,
    },
    websub: { subscribe: 'auto', leaseSec: 10 * 86_400, fallbackPollSec: 3600 },
    render: { chromiumPath: '/usr/bin/chromium', maxPages: 2, maxRequests: 100, idleCloseMs: 60_000 },
    evidence: {
      sealEverySec: 3600,
      signingKeyFile: null,
      keepCapturesDays: null,
      wayback: {
        sources: [],
        endpoint: 'https://web.archive.org',
        accessKey: null,
        secretKey: null,
        // Save Page Now answers 429 beyond about 15 requests a minute; stay below it.
        maxRequests: 12,
        windowSec: 60,
        statusPollSec: 30,
        maxAttempts: 5,
      },
    },
    limits: { newArticlesPerPoll: 200, newArticlesPerDay: 2_000, versionsPerArticlePerDay: 24, maxTextChars: 200_000 },
    sources: [],
    notify: defaultNotifyConfig(),
  };
}
