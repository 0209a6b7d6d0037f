import { ARTICLE_STATUSES } from '../../model/index.ts';
import { CHANGE_LABELS, CHANGE_LEVELS } from '../../diff/index.ts';
import { CHANGE_KINDS } from '../significance.ts';
import { SCHEMAS } from './schemas.ts';

type Param = { name: string; in: 'path' | 'query'; required: boolean; schema: Record<string, unknown>; description?: string };

const pathInt = (name: string, description: string): Param => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'integer', minimum: 1 },
  description,
});
const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }): Param => ({
  name,
  in: 'query',
  required: false,
  schema,
  description,
});

const ID = pathInt('id', 'Article id');
const CURSOR = query('cursor', 'nextCursor of the previous page');
const LIMIT = query('limit', 'Page size', { type: 'integer', minimum: 1, maximum: 200 });
const SOURCE = query('source', 'Source key');
const MIN = query(
  'min',
  'Only changes of at least this level (minor keeps every change); article events (removed, restored, revert) stay',
  { enum: [...CHANGE_LEVELS] },
);
const KIND = query(
  'kind',
  `Only changes of these kinds, comma-separated: ${CHANGE_KINDS.map((k) => `${k.key} (${k.labels.join(', ')}${k.events.length ? `, and ${k.events.join(', ')} events` : ''})`).join(', ')}, or any change label (${CHANGE_LABELS.join(', ')})`,
);

const json = (schema: string) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } });
const ERROR = { ...json('Error'), description: 'Error' };

function get(summary: string, schema: string, parameters: Param[], errors: number[] = [400, 404]) {
  const responses: Record<string, unknown> = { 200: { description: 'OK', ...json(schema) } };
  for (const status of errors) responses[status] = ERROR;
  return { get: { summary, parameters, responses } };
}

/** The OpenAPI 3.1 document served at /api/v1/openapi.json; a test checks real responses against it. */
export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Redline API',
    version: '1.0.0',
    description: 'Every version of every watched news article, and the changes between them. Times are ISO 8601 strings in UTC.',
  },
  servers: [{ url: '/api/v1' }],
  paths: {
    '/sources': get('Watched sources with counts and last poll status', 'SourcePage', [], []),
    '/articles': get('Articles, newest first', 'ArticlePage', [
      SOURCE,
      query('status', 'Article status', { enum: ARTICLE_STATUSES }),
      query('minVersions', 'Only articles with at least this many versions', { type: 'integer', minimum: 1 }),
      LIMIT,
      CURSOR,
    ]),
    '/articles/{id}': get('One article', 'Article', [ID], [404]),
    '/articles/{id}/versions': get('All versions of an article, oldest first (no text)', 'VersionPage', [ID], [404]),
    '/articles/{id}/versions/{n}': get('One version with its text', 'Version', [ID, pathInt('n', 'Version number')], [404]),
    '/articles/{id}/diff/{a}/{b}': get(
      'The structured diff between any two versions',
      'Diff',
      [ID, pathInt('a', 'Left version'), pathInt('b', 'Right version')],
      [404],
    ),
    '/changes': get('New versions and removed/restored events, newest first', 'ChangePage', [
      SOURCE,
      query('article', 'Article id', { type: 'integer', minimum: 1 }),
      MIN,
      KIND,
      LIMIT,
      CURSOR,
    ]),
    '/proofs/versions/{id}': get(
      'Inclusion proof of a version (by version id) in the signed root that covers it; docs/verify-version.mjs checks it',
      'VersionProof',
      [pathInt('id', 'Version id')],
      [404],
    ),
    '/roots': get('Signed Merkle roots, newest first (also as an Atom feed at /roots.atom)', 'RootPage', [
      LIMIT,
      query('cursor', 'nextCursor of the previous page (a root seq)'),
    ]),
    '/roots/{seq}': get('One signed root', 'Root', [pathInt('seq', 'Root sequence number')], [404]),
    '/search': get(
      'Full-text search over all versions, one hit per article (matching versions newest first); words are stemmed, "quoted phrases" and prefix* allowed',
      'SearchPage',
      [
        { ...query('q', 'Query'), required: true },
        SOURCE,
        query('from', 'Versions captured from this day (YYYY-MM-DD) or ISO 8601 time'),
        query('to', 'Versions captured up to this day, inclusive (YYYY-MM-DD), or before this ISO 8601 time'),
        MIN,
        KIND,
        LIMIT,
        CURSOR,
      ],
    ),
  },
  components: { schemas: SCHEMAS },
} as const;
