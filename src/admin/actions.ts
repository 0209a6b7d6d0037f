import type { Config } from '../config/index.ts';
import { NotFoundError, UsageError, type AuditEntry, type Millis } from '../model/index.ts';
import type { Store } from '../store/store.ts';

/** Everything an admin can do to the content, from the web, the API or the CLI. */
export type AdminAction =
  | { action: 'hide-article' | 'unhide-article' | 'retire-article' | 'revive-article'; articleId: number; reason?: string | null }
  | { action: 'hide-version' | 'unhide-version'; articleId: number; version: number; reason?: string | null }
  | { action: 'pause-source' | 'resume-source'; source: string; reason?: string | null };

export type ActionName = AdminAction['action'];

export const ACTION_NAMES: ActionName[] = [
  'hide-article',
  'unhide-article',
  'hide-version',
  'unhide-version',
  'retire-article',
  'revive-article',
  'pause-source',
  'resume-source',
];

export interface AdminDeps {
  store: Store;
  config: Config;
  now: () => Millis;
}

const MAX_REASON = 2000;

function cleanReason(action: ActionName, reason: string | null | undefined): string | null {
  const text = (reason ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_REASON);
  if (!text && action.startsWith('hide-')) throw new UsageError(`${action} needs a reason (--reason TEXT)`);
  return text || null;
}

export function targetOf(a: AdminAction): string {
  if ('source' in a) return `source:${a.source}`;
  if ('version' in a) return `version:${a.articleId}/${a.version}`;
  return `article:${a.articleId}`;
}

/** Does the action, then writes who did it, when, to what and why to the audit log. */
export async function perform(deps: AdminDeps, actor: string, a: AdminAction): Promise<AuditEntry> {
  const reason = cleanReason(a.action, a.reason);
  const at = deps.now();
  await apply(deps, a, reason ?? '', at);
  return deps.store.addAudit({ at, actor, action: a.action, target: targetOf(a), reason });
}

async function apply(deps: AdminDeps, a: AdminAction, reason: string, at: Millis): Promise<void> {
  const { store } = deps;
  if ('source' in a) {
    const source = await store.getSource(a.source);
    if (!source) throw new NotFoundError(`no such source: ${a.source}`);
    const pause = a.action === 'pause-source';
    if (pause === (source.pausedAt !== null)) throw new UsageError(`source ${a.source} is ${pause ? 'already' : 'not'} paused`);
    await store.setSourcePaused(a.source, pause ? at : null);
    return;
  }
  const article = await store.getArticle(a.articleId);
  if (!article) throw new NotFoundError(`no such article: ${a.articleId}`);
  switch (a.action) {
    case 'hide-article':
    case 'unhide-article': {
      const hide = a.action === 'hide-article';
      if (!hide && article.hiddenAt === null) throw new UsageError(`article ${a.articleId} is not hidden`);
      await store.setArticleHidden(a.articleId, hide ? { at, reason } : null);
      return;
    }
    case 'hide-version':
    case 'unhide-version': {
      const version = await store.getVersion(a.articleId, a.version);
      if (!version) throw new NotFoundError(`article ${a.articleId} has no version ${a.version}`);
      const hide = a.action === 'hide-version';
      if (!hide && version.hiddenAt === null) throw new UsageError(`version ${a.version} of article ${a.articleId} is not hidden`);
      await store.setVersionHidden(a.articleId, a.version, hide ? { at, reason } : null);
      return;
    }
    case 'retire-article':
      if (article.status === 'retired') throw new UsageError(`article ${a.articleId} is already retired`);
      await store.updateArticle(a.articleId, { status: 'retired', nextCheckAt: null });
      await store.addEvent({ articleId: a.articleId, at, kind: 'retired', versionNumber: null, detail: 'by an admin' });
      return;
    case 'revive-article':
      if (article.status !== 'retired') throw new UsageError(`article ${a.articleId} is not retired`);
      // Checked again at once, from the shortest period, as a new article would be.
      await store.updateArticle(a.articleId, { status: 'active', nextCheckAt: at, checkPeriodSec: deps.config.schedule.minPeriodSec });
      return;
  }
}
