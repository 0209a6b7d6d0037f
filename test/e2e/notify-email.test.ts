import type { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Secret } from '../../src/config/index.ts';
import type { Article } from '../../src/model/index.ts';
import { createSenders, deliverDue, type NotifyDeps, type Senders } from '../../src/notify/index.ts';
import { startMailServer, type MailServer, type ReceivedMail } from '../../src/notify/testdata/smtp.ts';
import { createApp } from '../../src/web/index.ts';
import { testTracker, type TestTracker } from './helpers.ts';

/** Issue 11, must show 4: follow by email through the website, against a local SMTP server. */
const SMTP_PASSWORD = 'smtp-pass-9c1e-never-shown';
const BASE = 'http://redline.test';
let smtp: MailServer;
let t: TestTracker;
let app: Hono;
let notify: NotifyDeps;
let senders: Senders;
let article: Article;

beforeEach(async () => {
  smtp = await startMailServer('redline', SMTP_PASSWORD);
  t = await testTracker((c) => {
    c.web.baseUrl = BASE;
    c.notify.smtp = {
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      user: 'redline',
      password: new Secret(SMTP_PASSWORD),
      from: 'Redline <redline@redline.test>',
    };
    c.notify.email.confirmationsPerAddressPerDay = 3;
    c.notify.email.requestsPerIpPerHour = 5;
  });
  const { store } = t.deps;
  app = createApp({ store, config: t.deps.config, now: () => t.clock.now, log: t.deps.log });
  notify = { config: t.deps.config, store, log: t.deps.log, now: t.deps.now };
  senders = createSenders(notify);
  const source = await store.upsertSource(
    { key: 'daily', name: 'The Daily', feedUrl: 'http://127.0.0.1:9/feed.xml', pollPeriodSec: 300, include: [], exclude: [] },
    t.clock.now,
  );
  article = (
    await store.upsertArticle({
      sourceId: source.id,
      url: 'http://127.0.0.1:9/a',
      host: '127.0.0.1',
      feedTitle: 'Bridge closed',
      feedPublishedAt: null,
      now: t.clock.now,
      checkPeriodSec: 1800,
    })
  ).article;
  await edit(article, 'Bridge closed after storm', ['The old bridge was closed on Monday after storm damage.', 'Repairs will take weeks.']);
});
afterEach(async () => {
  for (const s of Object.values(senders)) await s?.close?.();
  await smtp.close();
  await t.close();
});

async function edit(a: Article, title: string, paragraphs: string[]) {
  const latest = await t.deps.store.getLatestVersion(a.id);
  t.clock.advance(60);
  return t.deps.store.addVersion(a.id, (latest?.number ?? 0) + 1, {
    title,
    byline: null,
    published: null,
    paragraphs,
    fingerprint: `${title}|${paragraphs.join('|')}`,
    extractorVersion: 'x',
    capturedAt: t.clock.now,
    rawHtml: null,
    wordsAdded: 0,
    wordsRemoved: 0,
  });
}

async function formToken(path: string): Promise<string> {
  const page = await (await app.request(path)).text();
  const m = /name="form" value="([^"]+)"/.exec(page);
  expect(m, `follow form on ${path}`).not.toBeNull();
  return m![1];
}

function post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}, env?: unknown) {
  return app.request(
    path,
    {
      method: 'POST',
      body: new URLSearchParams(fields),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE, ...headers },
    },
    env,
  );
}

function linkIn(mail: ReceivedMail, path: string): string {
  const m = new RegExp(`${BASE}${path}\\?token=[A-Za-z0-9_-]+`).exec(mail.text);
  expect(m, `${path} link in mail`).not.toBeNull();
  return m![0].slice(BASE.length);
}

describe('follow by email', () => {
  it('confirms first, sends nothing before, then a change mail with an HTML diff, and unsubscribes', async () => {
    const res = await post('/follow', {
      form: await formToken(`/articles/${article.id}`),
      email: 'Reader@Example.org',
      article: String(article.id),
      digest: 'none',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Check your inbox');
    // A change before confirming: only the confirmation goes out.
    await edit(article, 'Bridge closed after storm', [
      'The old bridge was closed on Monday after storm damage.',
      'Repairs will take months.',
    ]);
    await deliverDue(notify, senders);
    expect(smtp.mails).toHaveLength(1);
    const confirm = smtp.mails[0];
    expect(confirm.to).toEqual(['reader@example.org']);
    expect(confirm.headers.subject).toMatch(/^Confirm: follow changes to/);
    expect(confirm.headers['list-unsubscribe']).toMatch(new RegExp(`^<${BASE}/follow/unsubscribe\\?token=`));
    expect(confirm.raw).not.toContain(SMTP_PASSWORD);

    const confirmPath = linkIn(confirm, '/follow/confirm');
    // Opening the link changes nothing (mail scanners open links); its button confirms.
    const opened = await app.request(confirmPath);
    expect(await opened.text()).toContain('<button type="submit">Confirm</button>');
    const token = new URL(confirmPath, BASE).searchParams.get('token')!;
    expect((await post('/follow/confirm', { token })).status).toBe(200);
    await deliverDue(notify, senders);
    expect(smtp.mails).toHaveLength(1); // the change before confirming is never sent

    await edit(article, 'Bridge to stay closed until spring', [
      'The old bridge was closed on Monday after storm damage.',
      'Repairs will take months, engineers said.',
    ]);
    await deliverDue(notify, senders);
    expect(smtp.mails).toHaveLength(2);
    const change = smtp.mails[1];
    expect(change.headers.subject).toBe('Changed: Bridge to stay closed until spring');
    expect(change.headers['list-unsubscribe']).toMatch(/^<http:\/\/redline\.test\/follow\/unsubscribe\?token=/);
    expect(change.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(change.html).toMatch(/<strong>Headline:<\/strong> Bridge closed <del style="[^"]+">after storm<\/del>/);
    expect(change.html).toMatch(/<ins style="[^"]+">[^<]*engineers said/);
    expect(change.html).toContain(`${BASE}/articles/${article.id}/diff/2/3`);
    expect(change.html).toMatch(/<a href="http:\/\/redline\.test\/follow\/unsubscribe\?token=[^"]+">Unsubscribe<\/a>/);
    expect(change.text).toContain('+ Repairs will take months, engineers said.');

    // One-click unsubscribe (RFC 8058) on the link itself.
    const unsub = linkIn(change, '/follow/unsubscribe');
    const one = await app.request(unsub, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(one.status).toBe(200);
    expect((await t.deps.store.listSubscriptions({ address: 'reader@example.org' }))[0].status).toBe('unsubscribed');
    await edit(article, 'Bridge to reopen in spring', ['The old bridge was closed on Monday after storm damage.']);
    await deliverDue(notify, senders);
    expect(smtp.mails).toHaveLength(2);
  });

  it('groups several changes into one digest mail', async () => {
    // The hourly digest is due at the end of the clock's hour: start a minute into an hour, so that the
    // edits below (a minute each) cannot cross into the next one whatever the time of day the test runs.
    t.clock.now = Math.ceil(t.clock.now / 3_600_000) * 3_600_000 + 60_000;
    const res = await post('/follow', {
      form: await formToken('/?source=daily'),
      email: 'digest@example.org',
      source: 'daily',
      digest: 'hourly',
    });
    expect(res.status).toBe(200);
    await deliverDue(notify, senders);
    const token = new URL(linkIn(smtp.mails[0], '/follow/confirm'), BASE).searchParams.get('token')!;
    await post('/follow/confirm', { token });
    await edit(article, 'Bridge closed after storm', [
      'The old bridge was closed on Tuesday after storm damage.',
      'Repairs will take weeks.',
    ]);
    await edit(article, 'Bridge closed after big storm', [
      'The old bridge was closed on Tuesday after storm damage.',
      'Repairs will take weeks.',
    ]);
    await edit(article, 'Bridge closed after big storm', [
      'The old bridge was closed on Tuesday after storm damage.',
      'Repairs will take three weeks.',
    ]);
    await deliverDue(notify, senders);
    expect(smtp.mails).toHaveLength(1); // held until the end of the hour
    t.clock.advance(3600);
    await deliverDue(notify, senders);
    expect(smtp.mails).toHaveLength(2);
    const digest = smtp.mails[1];
    expect(digest.headers.subject).toMatch(/^3 changes: /);
    expect(digest.html.match(/See the whole diff side by side/g)).toHaveLength(3);
    expect(digest.html).toContain('<ins style="background:#dcf5e0;color:#10561f;text-decoration:none">big </ins>');
    expect(digest.headers['list-unsubscribe']).toBeTruthy();
    const sent = (await t.deps.store.listDeliveries({ limit: 20, status: 'sent' })).items.filter((d) => d.kind === 'change');
    expect(sent).toHaveLength(3);
    expect(digest.headers['x-redline-idempotency-key']).toBe(
      sent
        .map((d) => d.key)
        .sort()
        .join('.'),
    );
  });

  it('refuses forged and expired forms, and limits mail per address and requests per IP', async () => {
    const form = await formToken(`/articles/${article.id}`);
    const fields = { form, email: 'victim@example.org', article: String(article.id) };
    expect((await post('/follow', fields, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await post('/follow', fields, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post('/follow', { ...fields, form: 'x' })).status).toBe(400);
    t.clock.advance(3 * 3600);
    expect((await post('/follow', fields)).status).toBe(400); // the page's token expired
    const fresh = await formToken(`/articles/${article.id}`);
    const env = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });
    // One address signed up for six articles, from six networks: at most 3 confirmation mails a day.
    const source = (await t.deps.store.getSource('daily'))!;
    for (let i = 0; i < 6; i++) {
      const { article: a } = await t.deps.store.upsertArticle({
        sourceId: source.id,
        url: `http://127.0.0.1:9/more/${i}`,
        host: '127.0.0.1',
        feedTitle: `Story ${i}`,
        feedPublishedAt: null,
        now: t.clock.now,
        checkPeriodSec: 1800,
      });
      expect((await post('/follow', { ...fields, article: String(a.id), form: fresh }, {}, env(`10.0.0.${i}`))).status).toBe(200);
    }
    // Asking again for the same article queues nothing new either.
    expect((await post('/follow', { ...fields, form: fresh }, {}, env('10.0.1.1'))).status).toBe(200);
    await deliverDue(notify, senders);
    expect(smtp.mails.filter((m) => m.to[0] === 'victim@example.org')).toHaveLength(3);
    // One network, many addresses: 5 requests an hour, then 429.
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await post('/follow', { ...fields, form: fresh, email: `a${i}@example.org` }, {}, env('192.0.2.7'))).status);
    expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429]);
    // A bad address is a clear error, not a mail.
    expect((await post('/follow', { ...fields, form: fresh, email: 'not-an-address' }, {}, env('192.0.2.8'))).status).toBe(400);
  });
});
