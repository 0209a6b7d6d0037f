import type { MiddlewareHandler } from 'hono';
import { tokenForSecret } from '../../admin/index.ts';
import type { WebContext } from '../context.ts';
import { bearer } from '../admin/auth.ts';

/**
 * 401 without a live admin token (`redline admin token create`), as everywhere under /api/v1/admin.
 * The admin API's own middleware checks first; this keeps these routes closed wherever they are mounted.
 */
export function requireAdmin(ctx: WebContext): MiddlewareHandler {
  return async (c, next) => {
    c.header('Cache-Control', 'no-store');
    const secret = bearer(c);
    if (!secret || !(await tokenForSecret(ctx.store, secret, ctx.now()))) {
      c.header('WWW-Authenticate', 'Bearer realm="redline-admin"');
      return c.json(
        { error: { status: 401, kind: 'unauthorized', message: 'an admin token is required (Authorization: Bearer TOKEN)' } },
        401,
      );
    }
    await next();
    c.header('Cache-Control', 'no-store');
    c.res.headers.delete('Access-Control-Allow-Origin');
  };
}
