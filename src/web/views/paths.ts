/** Every site URL is built here, so pages, feeds and the API link to the same places. */
export const articlePath = (id: number): string => `/articles/${id}`;
export const diffPath = (id: number, a: number, b: number): string => `/articles/${id}/diff/${a}/${b}`;
export const cardPath = (id: number, a: number, b: number): string => `/articles/${id}/diff/${a}/${b}/card.png`;
export const versionPath = (id: number, n: number): string => `/articles/${id}/versions/${n}`;
export const rawPath = (id: number, n: number): string => `/articles/${id}/versions/${n}/raw`;
export const articleFeedBase = (id: number): string => `/articles/${id}/feed`;
export const sourceFeedBase = (key: string): string => `/sources/${encodeURIComponent(key)}/feed`;
export const CHANGES_FEED_BASE = '/feeds/changes';
