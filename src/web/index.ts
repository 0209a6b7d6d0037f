import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { bodyLimit } from 'hono/body-limit';
import { etag } from 'hono/etag';
import { createMetrics } from '../metrics/index.ts';
import { NotFoundError, UsageError } from '../model/index.ts';
import { adminApiRoutes } from './admin/api.ts';
import { adminPageRoutes } from './admin/pages.ts';
import { apiRoutes } from './api/routes.ts';
import { ASSETS, assetUrl } from './assets.ts';
import { createContext, type AppOptions } from './context.ts';
import { sendError, toHttpError } from './errors.ts';
import { opsRoutes } from './ops/routes.ts';
import { unlessPageCached } from './page-cache.ts';
import { cardRoutes } from './routes/card.ts';
import { feedRoutes } from './routes/feeds.ts';
import { notifyAdminRoutes } from './follow/admin.ts';
import { followRoutes } from './follow/routes.ts';
import { pageRoutes } from './routes/pages.ts';
import { rawRoutes } from './routes/raw.ts';
import { statsRoutes } from './routes/stats.ts';
import { securityHeaders } from './security.ts';
import { websubRoutes } from './websub.ts';

export type { AppOptions } from './context.ts';

/** Admin forms and API calls are small; nothing else on the site accepts a body. */
const ADMIN_BODY_LIMIT = 64 * 1024;

/** The reader website, change feeds and JSON API. Serve with @hono/node-server, test with app.request(). */
export function createApp(options: AppOptions): Hono {
  const ctx = createContext(options);
  const app = new Hono();
  app.use('*', securityHeaders());
  // Public GET pages, feeds and API answers come from the page cache while the store's reader
  // generation is unchanged (page-cache.ts); it compresses and tags its answers itself.
  app.use('*', ctx.pages.middleware);
  app.use('*', unlessPageCached(compress()));
  // Weak: the same tag validates the gzip and the identity encoding of a page.
  app.use('*', unlessPageCached(etag({ weak: true })));

  app.get('/static/:name', (c) => {
    const asset = ASSETS[c.req.param('name')];
    if (!asset) throw new NotFoundError(`no such file: ${c.req.param('name')}`);
    // Pages link to /static/NAME?v=HASH, so a matching hash can be cached for good.
    const immutable = c.req.query('v') === asset.hash;
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    c.header('Content-Type', asset.contentType);
    return c.body(asset.body);
  });
  // Browsers ask for /favicon.ico whatever the page says.
  app.get('/favicon.ico', (c) => c.redirect(assetUrl('icon.svg'), 301));
  // Operations and admin first: the public API's middleware must not wrap the admin API.
  const metrics = options.metrics ?? createMetrics({ dueBacklog: () => ctx.store.countDueArticles(ctx.now()) });
  app.route('/', opsRoutes(ctx, metrics));
  const limit = bodyLimit({
    maxSize: ADMIN_BODY_LIMIT,
    onError: () => {
      throw new UsageError(`request body over ${ADMIN_BODY_LIMIT} bytes`);
    },
  });
  app.use('/admin/*', limit);
  app.use('/api/v1/admin/*', limit);
  app.route('/api/v1/admin', adminApiRoutes(ctx));
  app.route('/admin', adminPageRoutes(ctx));
  // After the admin API, whose middleware checks the admin token for every /api/v1/admin path.
  app.route('/api/v1/admin', notifyAdminRoutes(ctx));
  app.route('/api/v1', apiRoutes(ctx));
  app.route('/', pageRoutes(ctx));
  app.route('/', rawRoutes(ctx));
  app.route('/', cardRoutes(ctx));
  app.route('/', statsRoutes(ctx));
  app.route('/', feedRoutes(ctx));
  app.route('/', websubRoutes(ctx));
  app.route('/', followRoutes(ctx));

  app.notFound((c) => sendError(c, toHttpError(new NotFoundError(`nothing at ${c.req.path}`))));
  app.onError((err, c) => {
    const e = toHttpError(err);
    if (e.status === 500)
      ctx.log.error('web.error', { method: c.req.method, path: c.req.path, error: String((err as Error)?.stack ?? err) });
    return sendError(c, e);
  });
  return app;
}
