import type { Change, Page } from '../model/index.ts';
import type { Store } from '../store/store.ts';
import type { ChangeRow } from './views/changes.ts';

/** Whether each version change also changed the headline: needs the version before it. */
export async function withHeadlineFlags(store: Store, page: Page<Change>): Promise<Page<ChangeRow>> {
  const items = await Promise.all(page.items.map(async (change): Promise<ChangeRow> => {
    if (change.type !== 'version') return { change, headlineChanged: false };
    const prev = await store.getVersion(change.article.id, change.version.number - 1);
    return { change, headlineChanged: prev !== null && prev.title !== change.version.title };
  }));
  return { items, nextCursor: page.nextCursor };
}
