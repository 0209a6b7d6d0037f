import type { Millis } from './types.ts';

// What admins and operators work with: the audit log, admin tokens, hidden items, worker heartbeats.

/** One line of the admin audit log: who did what to what, when and why. */
export interface AuditEntry {
  id: number;
  at: Millis;
  /** The admin token's name (web, API) or `cli:USER` for the command line. */
  actor: string;
  /** e.g. `hide-article`, `unhide-version`, `pause-source`, `token-create`. */
  action: string;
  /** What it was done to: `article:12`, `version:12/3`, `source:bbc`, `token:alice`. */
  target: string;
  reason: string | null;
}

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

/** An admin token as stored: only the sha256 of the secret is kept. */
export interface AdminToken {
  id: number;
  name: string;
  createdAt: Millis;
  lastUsedAt: Millis | null;
  revokedAt: Millis | null;
}

/** Something an admin hid, for the admin pages. */
export interface HiddenItem {
  articleId: number;
  /** null when the whole article is hidden. */
  versionNumber: number | null;
  title: string | null;
  url: string;
  sourceKey: string;
  hiddenAt: Millis;
  reason: string | null;
}

/** A tracker worker's latest sign of life (written each pass by the worker loop). */
export interface WorkerHeartbeat {
  workerId: string;
  role: string;
  startedAt: Millis;
  beatAt: Millis;
  passes: number;
  /** Counts of the last pass, e.g. `{ checked: 12, sourcesPolled: 2 }`. */
  lastPass: Record<string, number>;
}
