import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './load.ts';

const dir = mkdtempSync(join(tmpdir(), 'redline-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function load(notify: unknown, env: Record<string, string> = {}) {
  const file = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ sources: [], notify }));
  return loadConfig({ configFile: file, dataDir: dir }, env);
}

describe('config: notify section', () => {
  it('reads secrets from the environment or a file, once, and never prints them', () => {
    writeFileSync(join(dir, 'smtp.pass'), 'from-a-file\n');
    const config = load(
      {
        smtp: { host: 'mail.example', user: 'u', password: { file: 'smtp.pass' }, from: 'r@example.org' },
        webhooks: { hook: { url: 'https://example.org/hook/', secret: { env: 'HOOK_SECRET' } } },
        mastodon: { main: { instance: 'https://social.example/', token: { env: 'MASTO' } } },
        bluesky: { main: { identifier: 'me.example', appPassword: { env: 'BSKY' }, postEverySec: 600 } },
        retryForSec: 7200,
        subscriptions: [
          { key: 'all', to: 'webhook:hook' },
          { key: 'rw', to: 'mastodon:main', query: 'Rwanda', min: 'substantive' },
        ],
      },
      { HOOK_SECRET: 'hook-s', MASTO: 'masto-s', BSKY: 'bsky-s' },
    );
    const n = config.notify;
    expect([
      n.smtp?.password?.reveal(),
      n.webhooks.hook.secret.reveal(),
      n.mastodon.main.token.reveal(),
      n.bluesky.main.appPassword.reveal(),
    ]).toEqual(['from-a-file', 'hook-s', 'masto-s', 'bsky-s']);
    expect(n.smtp).toMatchObject({ port: 587, secure: false });
    expect(n.webhooks.hook.url).toBe('https://example.org/hook/');
    expect(n.mastodon.main).toMatchObject({ instance: 'https://social.example', visibility: 'public', postEverySec: null });
    expect(n.bluesky.main).toMatchObject({ service: 'https://bsky.social', postEverySec: 600 });
    expect(n.retryForSec).toBe(7200);
    expect(n.subscriptions[1]).toEqual({
      key: 'rw',
      to: 'mastodon:main',
      article: null,
      source: null,
      query: 'Rwanda',
      min: 'substantive',
      kinds: [],
      digest: 'none',
    });
    for (const shown of [JSON.stringify(config), inspect(config, { depth: 10 }), `${n.webhooks.hook.secret}`]) {
      for (const s of ['from-a-file', 'hook-s', 'masto-s', 'bsky-s']) expect(shown).not.toContain(s);
    }
  });

  it('names the file and the key of a mistake, and never repeats a secret written inline', () => {
    let message = '';
    try {
      load({ mastodon: { main: { instance: 'https://social.example', token: 'tok-written-inline' } } });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/config file .*\.json: notify\.mastodon\.main\.token must not hold the secret itself/);
    expect(message).not.toContain('tok-written-inline');
  });

  it('defaults every setting when the section is absent', () => {
    const n = load(undefined).notify;
    expect(n).toMatchObject({ concurrency: 4, retryForSec: 86_400, smtp: null, webhooks: {}, subscriptions: [], formSecret: null });
    expect(n.email).toEqual({ confirmationsPerAddressPerDay: 3, requestsPerIpPerHour: 20 });
  });

  it.each([
    [{ webhooks: { hook: { url: 'https://x/h', secret: 'inline' } } }, /instead of the secret itself/],
    [{ webhooks: { hook: { url: 'https://x/h', secret: { env: 'MISSING' } } } }, /MISSING is not set/],
    [{ webhooks: { hook: { url: 'https://x/h', secret: { file: 'nope.txt' } } } }, /cannot read secret file .*nope\.txt: ENOENT/],
    [{ webhooks: { hook: { url: 'ftp://x/h', secret: { env: 'S' } } } }, /url must be an http\(s\) URL/],
    [{ subscriptions: [{ key: 'k', to: 'pigeon:x' }] }, /to must be webhook:NAME/],
    [{ subscriptions: [{ key: 'k', to: 'webhook:h', min: 'huge' }] }, /min must be one of minor, substantive, major/],
    [{ subscriptions: [{ key: 'k', to: 'webhook:h', article: '1', source: 's' }] }, /watch one article, one source or one query/],
    [{ retryForSec: -1 }, /retryForSec must be a positive number/],
    [{ concurency: 3 }, /unknown key "notify\.concurency"/],
    [{ email: { perDay: 3 } }, /unknown key "notify\.email\.perDay"/],
    [{ webhooks: { hook: { url: 'https://x/h', secret: { env: 'S' }, secert: 1 } } }, /unknown key "notify\.webhooks\.hook\.secert"/],
    [{ webhooks: { 'bad name': { url: 'https://x/h', secret: { env: 'S' } } } }, /account names must be letters, digits/],
    [{ subscriptions: [{ key: 'k', to: 'webhook:h', digest: 'weekly' }] }, /digest must be one of none, hourly, daily/],
    [{ smtp: { host: 'mail.example' } }, /notify\.smtp\.from is required/],
  ])('refuses %j', (notify, message) => {
    expect(() => load(notify, { S: 'x' })).toThrow(message);
  });
});
