import type { Subscription } from '../model/index.ts';
import type { Store } from '../store/store.ts';

/** What a subscription watches, in words for mails and pages: `changes to "Headline"`, `changes in BBC News`. */
export async function describeWatch(store: Store, sub: Subscription): Promise<string> {
  const scope = sub.sourceId === null ? null : await store.getSource(sub.sourceId);
  switch (sub.watch) {
    case 'all':
      return 'every change Redline records';
    case 'article': {
      const a = sub.articleId === null ? null : await store.getArticle(sub.articleId);
      return a ? `changes to “${a.title ?? a.url}”` : `changes to article ${sub.articleId}`;
    }
    case 'source':
      return `changes in ${scope?.name ?? `source ${sub.sourceId}`}`;
    case 'query':
      return `changes that add or remove a sentence with ${sub.query}${scope ? ` in ${scope.name}` : ''}`;
  }
}
