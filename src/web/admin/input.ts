import { UsageError } from '../../model/index.ts';
import { ACTION_NAMES, type ActionName, type AdminAction } from '../../admin/index.ts';

type Fields = Record<string, unknown>;

function positive(value: unknown, name: string): number {
  const text = String(value ?? '');
  if (!/^[1-9][0-9]{0,14}$/.test(text)) throw new UsageError(`${name} must be a positive integer`);
  return Number(text);
}

/** An action from a form or a JSON body: { action, articleId | source, version?, reason? }. */
export function actionFrom(fields: Fields): AdminAction {
  const action = String(fields.action ?? '') as ActionName;
  if (!ACTION_NAMES.includes(action)) throw new UsageError(`action must be one of ${ACTION_NAMES.join(', ')}`);
  const reason = typeof fields.reason === 'string' ? fields.reason : null;
  if (action === 'pause-source' || action === 'resume-source') {
    const source = String(fields.source ?? '');
    if (!source) throw new UsageError('source is required');
    return { action, source, reason };
  }
  const articleId = positive(fields.articleId, 'articleId');
  if (action === 'hide-version' || action === 'unhide-version')
    return { action, articleId, version: positive(fields.version, 'version'), reason };
  return { action, articleId, reason };
}
