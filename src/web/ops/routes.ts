import { Hono } from 'hono';
import type { Metrics } from '../../metrics/index.ts';
import type { WebContext } from '../context.ts';
import { readiness } from './readiness.ts';

/** /healthz (the process answers), /readyz (it can do its job) and /metrics (Prometheus). Never cached. */
export function opsRoutes(ctx: WebContext, metrics: Metrics): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
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
