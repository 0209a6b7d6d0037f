import { Hono, type Context } from 'hono';
import { NotFoundError, UsageError } from '../../model/index.ts';
import { isEmailAddress, subscriptionFrom } from '../../notify/index.ts';
import type { WebContext } from '../context.ts';
import type { SafeHtml } from '../html.ts';
import { layout } from '../views/layout.ts';
import { formTokens, sameOrigin, type FormTokens } from './form-token.ts';
import { rateLimiter } from './rate-limit.ts';
import { actionPage, followBox, messagePage, type FollowTarget } from './views.ts';

const DAY = 24 * 3600_000;

type Status = 200 | 400 | 403 | 404 | 429;

function page(c: Context, title: string, body: SafeHtml, status: Status = 200): Response {
  // Tokens and personal answers: never cached.
  c.header('Cache-Control', 'no-store');
  return c.html(layout({ title, description: title }, body), status);
}

function clientIp(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

export interface FollowForms {
  tokens: FormTokens;
  /** The form for an article or source page; null when email is not set up. */
  box(target: FollowTarget): SafeHtml | null;
}

export function followForms(ctx: Pick<WebContext, 'config' | 'now'>): FollowForms {
  const tokens = formTokens(ctx.config.notify.formSecret?.reveal() ?? null);
  return {
    tokens,
    box: (target) => (ctx.config.notify.smtp ? followBox(target, tokens.issue(ctx.now())) : null),
  };
}

/** Follow by email: the form's POST, and the confirmation and unsubscribe links of the mails. */
export function followRoutes(ctx: WebContext): Hono {
  const { store, config, follow: forms } = ctx;
  const app = new Hono();
  const perIp = rateLimiter(config.notify.email.requestsPerIpPerHour, 3600_000);

  app.get('/follow', async (c) => {
    const target = await targetOf(ctx, c.req.query('article'), c.req.query('source'));
    const box = forms.box(target);
    if (!box) return page(c, 'Follow by email', messagePage('Follow by email', 'Email is not set up on this Redline.'), 404);
    return page(c, 'Follow by email', box);
  });

  app.post('/follow', async (c) => {
    const body = await c.req.parseBody();
    const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
    const origin = { origin: c.req.header('origin'), fetchSite: c.req.header('sec-fetch-site'), host: c.req.header('host') };
    if (!sameOrigin(origin, ctx.baseUrl))
      return page(c, 'Not allowed', messagePage('Not allowed', 'This form can only be sent from this site.'), 403);
    if (!config.notify.smtp) return page(c, 'Follow by email', messagePage('Follow by email', 'Email is not set up on this Redline.'), 404);
    if (!forms.tokens.valid(field('form'), ctx.now())) {
      return page(
        c,
        'Form expired',
        messagePage('Form expired', 'The form was too old or damaged. Go back, reload the page and try again.'),
        400,
      );
    }
    if (!perIp.take(clientIp(c), ctx.now())) {
      return page(
        c,
        'Too many requests',
        messagePage('Too many requests', 'Too many follow requests from your network. Try again in an hour.'),
        429,
      );
    }
    const email = field('email').toLowerCase();
    if (!isEmailAddress(email))
      return page(c, 'Not an email address', messagePage('Not an email address', 'Go back and check the address.'), 400);
    const target = await targetOf(ctx, field('article') || undefined, field('source') || undefined);
    const input = await subscriptionFrom(
      store,
      config,
      {
        to: `email:${email}`,
        article: target.article?.id ?? null,
        source: target.source?.key ?? null,
        digest: field('digest') || 'none',
      },
      'form',
    );
    const now = ctx.now();
    const existing = (await store.listSubscriptions({ address: email })).find(
      (s) => s.status !== 'unsubscribed' && s.watch === input.watch && s.articleId === input.articleId && s.sourceId === input.sourceId,
    );
    const underLimit = (await store.countConfirmations(email, now - DAY)) < config.notify.email.confirmationsPerAddressPerDay;
    // The answer is the same whatever happened, so the form tells nobody who follows what.
    if (!existing && underLimit) await store.addSubscription(input, 'pending', now);
    else ctx.log.warn('follow_request_ignored', { reason: existing ? 'exists' : 'address_limit' });
    return page(
      c,
      'Check your inbox',
      messagePage(
        'Check your inbox',
        'If the address can be used, a confirmation mail is on its way. Nothing else is sent until you follow its link.',
      ),
    );
  });

  app.get('/follow/confirm', (c) => {
    const token = c.req.query('token') ?? '';
    return page(
      c,
      'Confirm',
      actionPage('Confirm your subscription', 'Press the button to start receiving changes by email.', '/follow/confirm', token, 'Confirm'),
    );
  });

  app.post('/follow/confirm', async (c) => {
    const token = await tokenOf(c);
    const sub = token ? await store.confirmSubscription(token, ctx.now()) : null;
    if (!sub) return page(c, 'Unknown link', messagePage('Unknown link', 'This confirmation link is not valid.'), 404);
    if (sub.status !== 'active')
      return page(
        c,
        'Unsubscribed',
        messagePage('Unsubscribed', 'This subscription was ended. Sign up again from an article or source page.'),
      );
    return page(c, 'Confirmed', messagePage('Confirmed', 'You will get an email when the followed articles change.'));
  });

  app.get('/follow/unsubscribe', (c) => {
    const token = c.req.query('token') ?? '';
    return page(
      c,
      'Unsubscribe',
      actionPage(
        'Unsubscribe',
        'Press the button and no more mail will be sent for this subscription.',
        '/follow/unsubscribe',
        token,
        'Unsubscribe',
      ),
    );
  });

  // Also the RFC 8058 one-click target: mail clients POST `List-Unsubscribe=One-Click` to the link itself.
  app.post('/follow/unsubscribe', async (c) => {
    const token = await tokenOf(c);
    const sub = token ? await store.unsubscribe(token, ctx.now()) : null;
    if (!sub) return page(c, 'Unknown link', messagePage('Unknown link', 'This unsubscribe link is not valid.'), 404);
    return page(c, 'Unsubscribed', messagePage('Unsubscribed', 'No more mail will be sent for this subscription.'));
  });

  return app;
}

async function tokenOf(c: Context): Promise<string> {
  const fromQuery = c.req.query('token');
  if (fromQuery) return fromQuery;
  const body = await c.req.parseBody();
  return typeof body.token === 'string' ? body.token : '';
}

async function targetOf(ctx: WebContext, articleId: string | undefined, sourceKey: string | undefined): Promise<FollowTarget> {
  if (articleId) {
    if (!/^[1-9]\d{0,14}$/.test(articleId)) throw new NotFoundError(`no such article: ${articleId}`);
    const a = await ctx.store.getArticle(Number(articleId));
    if (!a) throw new NotFoundError(`no such article: ${articleId}`);
    return { article: { id: a.id, title: a.title ?? a.url } };
  }
  if (sourceKey) {
    const s = await ctx.store.getSource(sourceKey);
    if (!s) throw new NotFoundError(`no such source: ${sourceKey}`);
    return { source: { key: s.key, name: s.name } };
  }
  throw new UsageError('follow an article or a source: /follow?article=ID or /follow?source=KEY');
}
