/** JSON Schemas (OpenAPI 3.1 dialect) of the API's responses; `api/serialize.ts` produces exactly these. */
import { CHANGE_LABELS, CHANGE_LEVELS } from '../../diff/index.ts';
import { ARTICLE_STATUSES, EVENT_KINDS } from '../../model/index.ts';

type Schema = Record<string, unknown>;

const int = { type: 'integer' } as const;
const str = { type: 'string' } as const;
const time = { type: 'string', format: 'date-time', description: 'ISO 8601, UTC' } as const;
const maybeTime = { type: ['string', 'null'], format: 'date-time', description: 'ISO 8601, UTC; null when unknown' } as const;
const nullable = (type: string, extra: Schema = {}): Schema => ({ type: [type, 'null'], ...extra });
const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const object = (properties: Record<string, Schema>, description?: string): Schema => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

export const pageOf = (item: string): Schema =>
  object({
    items: { type: 'array', items: ref(item) },
    nextCursor: nullable('string', { description: 'Pass back as ?cursor= for the next page; null on the last page' }),
  });

const segment = object({ op: { enum: ['same', 'del', 'ins'] }, text: str });
const segments = { type: 'array', items: ref('Segment') };
const fieldDiff = object({
  changed: { type: 'boolean' },
  old: nullable('string'),
  new: nullable('string'),
  left: segments,
  right: segments,
});

const row = (kind: string, fields: Record<string, Schema>): Schema => object({ kind: { const: kind }, ...fields });
const diffRow: Schema = {
  oneOf: [
    row('same', { leftIndex: int, rightIndex: int, text: str }),
    row('removed', { leftIndex: int, text: str }),
    row('added', { rightIndex: int, text: str }),
    row('changed', { leftIndex: int, rightIndex: int, left: segments, right: segments, wordsAdded: int, wordsRemoved: int }),
    row('moved-from', { leftIndex: int, rightIndex: int, text: str, edit: { oneOf: [ref('WordEdit'), { type: 'null' }] } }),
    row('moved-to', { leftIndex: int, rightIndex: int, text: str, edit: { oneOf: [ref('WordEdit'), { type: 'null' }] } }),
    row('split', {
      leftIndex: int,
      rightIndices: { type: 'array', items: int },
      left: segments,
      right: { type: 'array', items: segments },
      wordsAdded: int,
      wordsRemoved: int,
    }),
    row('merged', {
      leftIndices: { type: 'array', items: int },
      rightIndex: int,
      left: { type: 'array', items: segments },
      right: segments,
      wordsAdded: int,
      wordsRemoved: int,
    }),
  ],
};
const wordEdit = object(
  { left: segments, right: segments, wordsAdded: int, wordsRemoved: int },
  'Word marks of a moved paragraph that was also edited',
);
const changeLabels = { type: 'array', items: { enum: [...CHANGE_LABELS] } };
const changeLevel = { enum: [...CHANGE_LEVELS] };
const changePreview = object({ where: { enum: ['headline', 'paragraph'] }, paragraph: nullable('integer'), before: str, after: str });
const diffSummary = object({
  wordsAdded: int,
  wordsRemoved: int,
  paragraphsAdded: int,
  paragraphsRemoved: int,
  paragraphsChanged: int,
  paragraphsMoved: int,
  paragraphsSplit: int,
  paragraphsMerged: int,
  titleChanged: { type: 'boolean' },
  bylineChanged: { type: 'boolean' },
  publishedChanged: { type: 'boolean' },
});

const versionSummaryFields = {
  number: int,
  capturedAt: time,
  title: str,
  wordsAdded: int,
  wordsRemoved: int,
  fingerprint: str,
  hasRaw: { type: 'boolean' },
  change: {
    oneOf: [
      object(
        { labels: changeLabels, level: changeLevel },
        'What kind of change this version is against the one before (the labels of diff/labels.ts)',
      ),
      { type: 'null' },
    ],
  },
};

export const SCHEMAS: Record<string, Schema> = {
  Error: object({ error: object({ status: int, kind: str, message: str }) }),
  Source: object({
    key: str,
    name: str,
    feedUrl: str,
    enabled: { type: 'boolean' },
    pollPeriodSec: int,
    include: { type: 'array', items: str },
    exclude: { type: 'array', items: str },
    lastPollAt: maybeTime,
    lastStatus: { enum: ['ok', 'not_modified', 'error', null] },
    lastError: nullable('string'),
    nextPollAt: time,
    articleCount: int,
    versionCount: int,
  }),
  Article: object({
    id: int,
    url: str,
    source: str,
    sourceName: str,
    title: nullable('string'),
    status: { enum: ARTICLE_STATUSES },
    firstSeenAt: time,
    feedPublishedAt: maybeTime,
    lastCheckedAt: maybeTime,
    nextCheckAt: { ...maybeTime, description: 'ISO 8601, UTC; null: never checked again' },
    versionCount: int,
    lastVersionAt: maybeTime,
    htmlUrl: str,
  }),
  VersionSummary: object(versionSummaryFields),
  Version: object({
    id: { type: 'integer', description: 'Version id, as in /proofs/versions/{id}' },
    ...versionSummaryFields,
    byline: nullable('string'),
    published: nullable('string'),
    extractorVersion: str,
    paragraphs: { type: 'array', items: str },
  }),
  Change: {
    oneOf: [
      object({
        type: { const: 'version' },
        at: time,
        article: ref('Article'),
        version: ref('VersionSummary'),
        diffUrl: str,
        title: nullable('string', { description: 'What changed, e.g. Headline changed: "X" → "Y"' }),
        summary: nullable('string'),
      }),
      object({
        type: { const: 'event' },
        at: time,
        article: ref('Article'),
        event: object({ kind: { enum: EVENT_KINDS }, versionNumber: nullable('integer'), detail: nullable('string') }),
      }),
    ],
  },
  SearchHit: object({
    article: ref('Article'),
    versions: { type: 'array', items: object({ number: int, capturedAt: time, title: str, snippet: str }) },
  }),
  Segment: segment,
  FieldDiff: fieldDiff,
  DiffRow: diffRow,
  DiffSummary: diffSummary,
  WordEdit: wordEdit,
  ChangePreview: changePreview,
  DiffModel: object({
    title: ref('FieldDiff'),
    byline: ref('FieldDiff'),
    published: ref('FieldDiff'),
    rows: { type: 'array', items: ref('DiffRow') },
    summary: ref('DiffSummary'),
    labels: changeLabels,
    level: changeLevel,
    preview: { oneOf: [ref('ChangePreview'), { type: 'null' }] },
  }),
  Diff: object({ articleId: int, from: ref('VersionSummary'), to: ref('VersionSummary'), diff: ref('DiffModel') }),
  Root: object({
    seq: int,
    sealedAt: time,
    treeSize: int,
    rootHash: str,
    prevRootHash: str,
    statement: { type: 'string', description: 'The signed text (canonical JSON of seq, sealedAt, treeSize, root, prevRoot)' },
    signature: { type: 'string', description: 'Ed25519 signature of statement, base64' },
    publicKey: { type: 'string', description: 'Ed25519 public key, SPKI DER in base64' },
  }),
  VersionProof: object({
    versionId: int,
    articleId: int,
    number: int,
    record: object({
      url: str,
      number: int,
      capturedAt: time,
      fingerprint: str,
      textDigest: nullable('string'),
      captureDigest: nullable('string'),
      prevHash: str,
      recordHash: str,
    }),
    proof: object({ leafIndex: int, treeSize: int, path: { type: 'array', items: str } }),
    root: ref('Root'),
  }),
  RootPage: pageOf('Root'),
  SourcePage: pageOf('Source'),
  ArticlePage: pageOf('Article'),
  VersionPage: pageOf('VersionSummary'),
  ChangePage: pageOf('Change'),
  SearchPage: pageOf('SearchHit'),
};
