import type { Migration } from './list.ts';

// Issue 14: the digest of the body the last check read (with the extractor version and the state it
// led to), so a check that fetches the very same bytes again can skip extraction. NULL means
// "unknown": the next check extracts.
const statements = ['ALTER TABLE articles ADD COLUMN body_digest TEXT'];

export const bodyDigest: Migration = {
  version: 13,
  name: 'digest of the body each article last showed',
  sqlite: statements,
  postgres: statements,
};
