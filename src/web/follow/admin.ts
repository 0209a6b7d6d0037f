import { Hono } from 'hono';
import { NotFoundError, UsageError, type DeliveryStatus, type Subscription } from '../../model/index.ts';
import { describeWatch, subscriptionFrom } from '../../notify/index.ts';
import type { WebContext } from '../context.ts';
import { limitParam, optionalInt, pathNumber } from '../params.ts';
import { requireAdmin } from './admin-auth.ts';

const STATUSES: DeliveryStatus[] = ['pending', 'sent', 'failed', 'cancelled'];

/** Subscriptions and the delivery log in the admin API (mounted at /api/v1/admin). */
export function notifyAdminRoutes(ctx: WebContext): Hono {
  const { store } = ctx;
  const api = new Hono();
  api.use('/subscriptions/*', requireAdmin(ctx));
  api.use('/subscriptions', requireAdmin(ctx));
  api.use('/deliveries/*', requireAdmin(ctx));
  api.use('/deliveries', requireAdmin(ctx));

  const withWatch = async (s: Subscription) => ({ ...s, describes: await describeWatch(store, s) });

  api.get('/subscriptions', async (c) =>
    c.json({ items: await Promise.all((await store.listSubscriptions()).map(withWatch)), nextCursor: null }),
  );

  api.post('/subscriptions', async (c) => {
    const body = (await c.req.json().catch(() => null)) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object' || typeof body.to !== 'string')
      throw new UsageError('the body must be a JSON object with "to" (webhook:NAME, email:ADDRESS, ...)');
    const str = (k: string) => (body[k] === undefined || body[k] === null ? null : String(body[k]));
    const kinds = body.kinds === undefined ? [] : Array.isArray(body.kinds) ? body.kinds.map(String) : [String(body.kinds)];
    const input = await subscriptionFrom(
      store,
      ctx.config,
      { to: body.to, article: str('article'), source: str('source'), query: str('query'), min: str('min'), kinds, digest: str('digest') },
      'api',
    );
    const pending = input.channel === 'email' && body.confirmed !== true;
    const sub = await store.addSubscription(input, pending ? 'pending' : 'active', ctx.now());
    return c.json(await withWatch(sub), 201);
  });

  api.delete('/subscriptions/:id', async (c) => {
    const sub = await store.unsubscribe(pathNumber(c.req.param('id'), 'subscription'), ctx.now());
    if (!sub) throw new NotFoundError(`no subscription ${c.req.param('id')}`);
    return c.json(sub);
  });

  api.get('/deliveries', async (c) => {
    const status = c.req.query('status');
    if (status && !STATUSES.includes(status as DeliveryStatus)) throw new UsageError(`status must be one of ${STATUSES.join(', ')}`);
    const page = await store.listDeliveries({
      subscriptionId: optionalInt(c.req.query('subscription'), 'subscription'),
      status: (status || undefined) as DeliveryStatus | undefined,
      limit: limitParam(c.req.query('limit')),
      cursor: c.req.query('cursor') ?? null,
    });
    return c.json(page);
  });

  api.get('/deliveries/:id', async (c) => {
    const d = await store.getDelivery(pathNumber(c.req.param('id'), 'delivery'));
    if (!d) throw new NotFoundError(`no delivery ${c.req.param('id')}`);
    return c.json({ ...d, attemptLog: await store.listDeliveryAttempts(d.id) });
  });

  api.post('/deliveries/:id/redeliver', async (c) => {
    const d = await store.redeliver(pathNumber(c.req.param('id'), 'delivery'), ctx.now());
    if (!d) throw new NotFoundError(`no delivery ${c.req.param('id')}`);
    return c.json(d);
  });

  return api;
}
