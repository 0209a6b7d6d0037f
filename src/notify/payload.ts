import type { DiffRow } from '../diff/index.ts';
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
  const { article, from, to, diff, labels, links, delivery } = change;
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
      level: labels?.level ?? null,
      kinds: labels?.kinds ?? [],
      summary: diff.summary,
      headline: diff.title.changed ? { old: diff.title.old, new: diff.title.new } : null,
      rows: diff.rows.filter((r) => r.kind !== 'same' && r.kind !== 'moved-from').map(rowJson),
    },
    links,
  };
}

function rowJson(row: DiffRow) {
  switch (row.kind) {
    case 'changed':
      return {
        kind: row.kind,
        leftIndex: row.leftIndex,
        rightIndex: row.rightIndex,
        old: row.left.map((s) => s.text).join(''),
        new: row.right.map((s) => s.text).join(''),
        segments: { left: row.left, right: row.right },
      };
    case 'removed':
      return { kind: row.kind, leftIndex: row.leftIndex, old: row.text };
    case 'added':
      return { kind: row.kind, rightIndex: row.rightIndex, new: row.text };
    default:
      return { kind: 'moved' as const, leftIndex: row.leftIndex, rightIndex: row.rightIndex, text: row.text };
  }
}
