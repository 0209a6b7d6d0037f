// Run by timezone.test.ts in a child process whose TZ is set before anything reads a date.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFeedDocument } from '../parse.ts';
import { parseDate } from '../values.ts';

const text = readFileSync(join(import.meta.dirname, 'cases/rss-zoneless-dates.xml'), 'utf8');
const doc = parseFeedDocument(text, 'https://feeds.example.com/feed.xml');
process.stdout.write(
  JSON.stringify({
    // Proves which zone the child really ran in: minutes west of UTC on 1 January 2024.
    offsetMinutes: new Date(2024, 0, 1).getTimezoneOffset(),
    items: doc.items.map((i) => i.publishedAt),
    plain: ['2024-03-01T10:00:00', 'Fri, 01 Mar 2024 10:00:00', '2024-03-01 10:00', '2024/03/01 10:00:00'].map(parseDate),
  }),
);
