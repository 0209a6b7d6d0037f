import type { Context } from 'hono';
import type { SafeHtml } from './html.ts';
import { layout, type PageMeta } from './views/layout.ts';

/** Pages may change with every tracker check: short freshness, then revalidate by ETag. */
export const PAGE_CACHE = 'public, max-age=60';

export function sendPage(c: Context, meta: PageMeta, body: SafeHtml, status: 200 | 400 | 404 | 410 | 500 | 503 = 200): Response {
  c.header('Cache-Control', status === 200 ? PAGE_CACHE : 'no-store');
  return c.html(layout(meta, body), status);
}
