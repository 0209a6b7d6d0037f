import type { Change, Page } from '../model/index.ts';
import type { WebContext } from './context.ts';
import type { ChangeRow } from './views/changes.ts';

/** Each version change with its digest (one batch, cached): no per-row query once warm. */
export async function withDigests(ctx: WebContext, page: Page<Change>): Promise<Page<ChangeRow>> {
  const versions = page.items.flatMap((c) => (c.type === 'version' ? [c.version] : []));
  const digests = await ctx.digests.forVersions(versions);
  const items = page.items.map((change): ChangeRow => ({
    change,
    digest: change.type === 'version' ? (digests.get(change.version.id) ?? null) : null,
  }));
  return { items, nextCursor: page.nextCursor };
}
