import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { startReceiver, type WebhookReceiver } from '../../src/notify/testdata/receiver.ts';
import { WEBHOOK_SECRET } from './notify-helpers.ts';
import { runMain, tempDir } from './helpers.ts';

/** `redline follow / unfollow / follows / deliveries` and the config file's notify section. */
const data = tempDir();
let receiver: WebhookReceiver;
const outputs: string[] = [];

function writeConfig(subscriptions: unknown[] = []) {
  writeFileSync(
    join(data.dir, 'redline.json'),
    JSON.stringify({
      sources: [],
      notify: { webhooks: { hook: { url: receiver.url, secret: { env: 'REDLINE_TEST_CLI_HOOK_SECRET' } } }, subscriptions },
    }),
  );
}

async function cli(...args: string[]) {
  const r = await runMain([...args, '--data', data.dir]);
  outputs.push(r.stdout, r.stderr);
  return r;
}

beforeAll(async () => {
  process.env.REDLINE_TEST_CLI_HOOK_SECRET = WEBHOOK_SECRET;
  receiver = await startReceiver(WEBHOOK_SECRET);
  writeConfig();
  const store = await openStore({ dataDir: data.dir });
  const source = await store.upsertSource(
    { key: 'wire', name: 'The Wire', feedUrl: '', pollPeriodSec: 300, include: [], exclude: [] },
    Date.now(),
  );
  const { article } = await store.upsertArticle({
    sourceId: source.id,
    url: 'http://127.0.0.1:9/a',
    host: '127.0.0.1',
    feedTitle: 'Talks',
    feedPublishedAt: null,
    now: Date.now(),
    checkPeriodSec: 1800,
  });
  const v = { byline: null, published: null, extractorVersion: 'x', rawHtml: null, wordsAdded: 0, wordsRemoved: 0 };
  await store.addVersion(article.id, 1, { ...v, title: 'Talks', paragraphs: ['Talks began.'], fingerprint: 'a', capturedAt: Date.now() });
  await store.close();
});
afterAll(async () => {
  delete process.env.REDLINE_TEST_CLI_HOOK_SECRET;
  await receiver?.close();
  data.remove();
});

describe('redline follow', () => {
  it('adds, lists and ends subscriptions, with clear errors', async () => {
    expect((await cli('follow', '--to', 'webhook:hook')).stdout).toMatch(/^subscription 1: webhook:hook <- every change Redline records/);
    expect(
      (await cli('follow', '--to', 'webhook:hook', '--source', 'wire', '--min', 'major', '--kind', 'headline-changed')).stdout,
    ).toMatch(/changes in The Wire \(at least major; kinds headline-changed\)/);
    expect((await cli('follow', '--to', 'webhook:hook', '--query', 'Rwanda')).stdout).toMatch(/sentence with Rwanda, since/);
    const email = await cli('follow', '--to', 'email:Someone@Example.org', '--article', '1');
    expect(email.stdout).toMatch(/email:someone@example\.org <- changes to “Talks”/);
    expect(email.stdout).toMatch(/a confirmation mail goes to someone@example\.org/);
    const bad = await cli('follow', '--to', 'webhook:nope');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no webhook account named "nope" .*known: hook/);
    expect((await cli('follow', '--to', 'webhook:hook', '--min', 'huge')).stderr).toMatch(/--min must be one of minor, substantive, major/);
    // Kinds are the diff engine's change labels: anything else is refused, naming the list.
    const kind = await cli('follow', '--to', 'webhook:hook', '--kind', 'headline');
    expect(kind.code).toBe(2);
    expect(kind.stderr).toMatch(/kind "headline" is not a change label; the labels are headline-changed, lede-changed, .*, rewrite/);
    expect((await cli('follow', '--to', 'webhook:hook', '--source', 'nosuch')).stderr).toMatch(/no source with key nosuch/);
    expect((await cli('follow', '--to', 'webhook:hook', '--digest', 'daily')).stderr).toMatch(/digest is for email/);
    const list = await cli('follows');
    expect(list.stdout.trim().split('\n')).toHaveLength(4);
    expect(list.stdout).toMatch(/4 {2}pending/);
    expect((await cli('unfollow', '4')).stdout).toMatch(/subscription 4 ended/);
    expect((await cli('follows')).stdout.trim().split('\n')).toHaveLength(3);
    expect((await cli('unfollow', '99')).code).toBe(2);
    const json = JSON.parse((await cli('follows', '--json', '--all')).stdout);
    expect(json).toHaveLength(4);
    expect(JSON.stringify(json)).not.toMatch(/token/i);
  });

  it("syncs the config file's subscriptions, delivers with run --once and shows the log", async () => {
    // A kind that is not one of the diff engine's labels stops the start, naming the entry.
    writeConfig([{ key: 'heads', to: 'webhook:hook', kinds: ['headline'] }]);
    const bad = await cli('run', '--once');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/notify\.subscriptions "heads": kind "headline" is not a change label/);
    writeConfig([{ key: 'newsroom', to: 'webhook:hook', source: 'wire' }]);
    expect((await cli('run', '--once')).code).toBe(0);
    expect((await cli('follows')).stdout).toMatch(/webhook:hook <- changes in The Wire.*\[config\]/);
    const store = await openStore({ dataDir: data.dir });
    const v = { byline: null, published: null, extractorVersion: 'x', rawHtml: null, wordsAdded: 0, wordsRemoved: 0 };
    await store.addVersion(1, 2, {
      ...v,
      title: 'Talks',
      paragraphs: ['Talks began in Kigali, Rwanda.'],
      fingerprint: 'b',
      capturedAt: Date.now(),
    });
    await store.close();
    const run = await cli('run', '--once');
    expect(run.stderr).toMatch(/deliveries attempted: 3/); // everything, the source (config) and the Rwanda query
    expect(receiver.received.map((r) => r.key).sort()).toEqual(['s1-v2', 's3-v2', 's5-v2']);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    const log = await cli('deliveries', '--status', 'sent');
    expect(log.stdout.trim().split('\n')).toHaveLength(3);
    expect(log.stdout).toMatch(/sent +webhook:hook {2}article 1 v2 {2}key s5-v2 {2}attempts 1/);
    const id = /^ *(\d+) +sent.*key s1-v2/m.exec(log.stdout)![1];
    expect((await cli('deliveries', 'redeliver', id)).stdout).toMatch(/queued again/);
    await cli('run', '--once');
    expect(receiver.received.filter((r) => r.key === 's1-v2').map((r) => r.redelivery)).toEqual([false, true]);
    expect((await cli('deliveries', 'show', id)).stdout).toMatch(/attempt 1 .* ok[\s\S]*attempt 2 .* ok/);
    // Dropped from the file: the subscription ends at the next start.
    writeConfig([]);
    await cli('run', '--once');
    expect((await cli('follows')).stdout).not.toMatch(/\[config\]/);
    // The webhook secret never shows, whatever was printed.
    expect(outputs.join('\n')).not.toContain(WEBHOOK_SECRET);
  });
});
