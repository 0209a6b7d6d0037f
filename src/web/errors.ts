import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { HiddenError, NotFoundError, RedlineError, UsageError } from '../model/index.ts';
import { StoreBusyError } from '../store/errors.ts';
import { sendPage } from './respond.ts';
import { errorPage } from './views/error.ts';

export interface HttpError {
  status: 400 | 404 | 410 | 500 | 503;
  kind: string;
  message: string;
}

export const REMOVED_TEXT = 'This page has been removed from this site for legal reasons.';

/** Named errors become HTTP statuses here, once. Anything unexpected is a 500 that hides its details. */
export function toHttpError(err: unknown): HttpError {
  if (err instanceof NotFoundError) return { status: 404, kind: err.kind, message: err.message };
  // News Sniffer's legal hide: say that it was removed and why in general terms, nothing more.
  if (err instanceof HiddenError) return { status: 410, kind: err.kind, message: REMOVED_TEXT };
  if (err instanceof UsageError) return { status: 400, kind: err.kind, message: err.message };
  if (err instanceof HTTPException && err.status === 404) return { status: 404, kind: 'not-found', message: err.message };
  if (err instanceof HTTPException && err.status < 500) return { status: 400, kind: 'usage', message: err.message };
  // Another process holds the database lock longer than a reader may wait: a clear, quick 503, never a hang.
  if (err instanceof StoreBusyError) return { status: 503, kind: err.kind, message: 'The database is busy; please try again in a moment.' };
  const kind = err instanceof RedlineError ? err.kind : 'internal';
  return { status: 500, kind, message: 'Something went wrong on our side.' };
}

/** JSON for the API (and feeds' callers never see HTML errors there), an HTML page elsewhere. */
export function sendError(c: Context, e: HttpError): Response {
  if (e.status === 503) c.header('Retry-After', '5');
  if (c.req.path.startsWith('/api/')) {
    c.header('Cache-Control', 'no-store');
    return c.json({ error: e }, e.status);
  }
  const title = e.status === 404 ? 'Not found' : e.status === 410 ? 'Removed' : 'Error';
  return sendPage(c, { title, description: e.message }, errorPage(e.status, e.message), e.status);
}
