import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { newSecret } from '../../admin/index.ts';

/** The session cookie lives under /admin only; the admin API takes a bearer token instead. */
export const SESSION_COOKIE = 'redline_admin';
/** Before login there is no session to derive a CSRF token from: the login form gets its own. */
export const LOGIN_COOKIE = 'redline_admin_login';

/** Secure when the site is served over https (by its base URL or by this request). */
function secure(c: Context, baseUrl: string): boolean {
  return baseUrl.startsWith('https:') || new URL(c.req.url).protocol === 'https:';
}

export function setSessionCookie(c: Context, baseUrl: string, sessionId: string, hours: number): void {
  setCookie(c, SESSION_COOKIE, sessionId, {
    path: '/admin',
    httpOnly: true,
    sameSite: 'Strict',
    secure: secure(c, baseUrl),
    maxAge: Math.round(hours * 3600),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/admin' });
}

export function sessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

/** A fresh login CSRF value, set as a cookie and returned for the form's hidden field. */
export function issueLoginCsrf(c: Context, baseUrl: string): string {
  const value = newSecret('rls');
  setCookie(c, LOGIN_COOKIE, value, { path: '/admin', httpOnly: true, sameSite: 'Strict', secure: secure(c, baseUrl), maxAge: 3600 });
  return value;
}

export function loginCsrfCookie(c: Context): string | undefined {
  return getCookie(c, LOGIN_COOKIE);
}

/** `Authorization: Bearer SECRET`, or null. */
export function bearer(c: Context): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
  return m ? m[1] : null;
}
