import type { Migration } from './list.ts';

// Issue 12: sources that are front pages (a link pattern instead of a feed), rendered with Chromium,
// a note from the last poll (a recovered feed, a sitemap index), and WebSub subscriptions.

const columns = [
  `ALTER TABLE sources ADD COLUMN source_type TEXT NOT NULL DEFAULT 'feed'`,
  `ALTER TABLE sources ADD COLUMN link_pattern TEXT`,
  `ALTER TABLE sources ADD COLUMN render TEXT NOT NULL DEFAULT 'http'`,
  `ALTER TABLE sources ADD COLUMN last_note TEXT`,
];

const websub = (bigint: string) => `CREATE TABLE websub_subscriptions (
  source_id ${bigint} PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  hub_url TEXT NOT NULL,
  topic_url TEXT NOT NULL,
  secret TEXT NOT NULL,
  state TEXT NOT NULL,
  requested_at ${bigint} NOT NULL,
  lease_until ${bigint},
  last_push_at ${bigint},
  last_error TEXT
)`;

export const discovery: Migration = {
  version: 7,
  name: 'page and chromium sources, poll notes, WebSub subscriptions',
  sqlite: [...columns, websub('INTEGER')],
  postgres: [...columns, websub('BIGINT')],
};
