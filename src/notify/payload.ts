import type { DiffRow, Segment } from '../diff/index.ts';
import type { Subscription } from '../model/index.ts';
import type { ChangeContext } from './change.ts';

/** Bumped when the webhook body changes shape incompatibly. */
export const PAYLOAD_VERSION = 1;

export interface AttemptInfo {
  attempt: number;
  /** This key may have reached the receiver before (a retry or an operator's redelivery). */
  redelivery: boolean;
}

/** The webhook body for one change: the change with its labels, the changed diff rows and links. */
export function changePayload(sub: Subscription, change: ChangeContext, attempt: AttemptInfo) {
  const { article, from, to, diff, links, delivery } = change;
  return {
    type: 'change' as const,
    version: PAYLOAD_VERSION,
    idempotencyKey: delivery.key,
    attempt: attempt.attempt,
    redelivery: attempt.redelivery,
    subscription: { id: sub.id, watch: sub.watch, query: sub.query, minLevel: sub.minLevel, kinds: sub.kinds },
    article: { id: article.id, url: article.url, title: to.title, source: { key: article.sourceKey, name: article.sourceName } },
    change: {
      from: from.number,
      to: to.number,
      capturedAt: new Date(to.capturedAt).toISOString(),
      // The diff engine's level and change labels (diff/labels.ts), as stored with the version.
      level: change.change.level,
      labels: change.change.labels,
      summary: diff.summary,
      headline: diff.title.changed ? { old: diff.title.old, new: diff.title.new } : null,
      // A moved paragraph is reported once, where it now stands (its moved-to row).
      rows: diff.rows.filter((r) => r.kind !== 'same' && r.kind !== 'moved-from').map(rowJson),
    },
    links,
  };
}

const joined = (segs: Segment[]) => segs.map((s) => s.text).join('');

/** One changed row as JSON: indices, the old and new text, and the word segments where words changed. */
export function rowJson(row: DiffRow) {
  switch (row.kind) {
    case 'changed':
      return {
        kind: row.kind,
        leftIndex: row.leftIndex,
        rightIndex: row.rightIndex,
        old: joined(row.left),
        new: joined(row.right),
        segments: { left: row.left, right: row.right },
      };
    case 'removed':
      return { kind: row.kind, leftIndex: row.leftIndex, old: row.text };
    case 'added':
      return { kind: row.kind, rightIndex: row.rightIndex, new: row.text };
    case 'moved-from':
    case 'moved-to':
      return row.edit
        ? {
            kind: 'moved' as const,
            leftIndex: row.leftIndex,
            rightIndex: row.rightIndex,
            old: joined(row.edit.left),
            new: joined(row.edit.right),
            segments: { left: row.edit.left, right: row.edit.right },
          }
        : { kind: 'moved' as const, leftIndex: row.leftIndex, rightIndex: row.rightIndex, old: row.text, new: row.text };
    case 'split':
      // One old paragraph became several new ones: `new` and `segments.right` have one entry per new paragraph.
      return {
        kind: row.kind,
        leftIndex: row.leftIndex,
        rightIndices: row.rightIndices,
        old: joined(row.left),
        new: row.right.map(joined),
        segments: { left: row.left, right: row.right },
      };
    case 'merged':
      return {
        kind: row.kind,
        leftIndices: row.leftIndices,
        rightIndex: row.rightIndex,
        old: row.left.map(joined),
        new: joined(row.right),
        segments: { left: row.left, right: row.right },
      };
    case 'same':
      return { kind: row.kind, leftIndex: row.leftIndex, rightIndex: row.rightIndex, old: row.text, new: row.text };
  }
}
