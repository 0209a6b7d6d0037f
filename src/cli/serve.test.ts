import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempStore, type TempStore } from '../web/testdata/store.ts';
import { serveWebsite, type Website } from './serve.ts';

let env: TempStore;
let site: Website;

beforeAll(async () => {
  env = await openTempStore();
  env.config.web = { ...env.config.web, host: '127.0.0.1', port: 0, baseUrl: '' };
  site = await serveWebsite(env.store, env.config);
});
afterAll(async () => {
  await site?.close();
  await env?.cleanup();
});

describe('serveWebsite', () => {
  it('without web.baseUrl, links use the port actually listened on (here: --port 0)', async () => {
    expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(site.url).not.toContain(':0/');
    const rss = await (await fetch(`${site.url}feeds/changes.rss`)).text();
    expect(rss).toContain(`<atom:link href="${site.url}feeds/changes.rss"`);
  });
});
