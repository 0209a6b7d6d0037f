import { Hono, type MiddlewareHandler } from 'hono';
import type { Metrics } from '../../metrics/index.ts';
import type { WebContext } from '../context.ts';
import { readiness } from './readiness.ts';

const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
};

/** /healthz (the process answers), /readyz (it can do its job) and /metrics (Prometheus). Never cached. */
export function opsRoutes(ctx: WebContext, metrics: Metrics): Hono {
  const app = new Hono();
  // Mounted at the root: a '*' middleware here would wrap every page, so each route sets its header.
  app.use('/healthz', noStore);
  app.use('/readyz', noStore);
  app.use('/metrics', noStore);
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    const report = await readiness(ctx.store, ctx.config, ctx.now());
    return c.json(report, report.ready ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    c.header('Content-Type', metrics.contentType);
    return c.body(await metrics.render());
  });
  return app;
}
