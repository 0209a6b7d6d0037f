import { describe, expect, it } from 'vitest';
import type { Article, ChangeLabel, ChangeLevel, SubscriptionInput, VersionChange } from '../../model/index.ts';
import type { Store } from '../store.ts';
import { subscriptionInput } from '../testdata/subscription.ts';
import { T0, addNext, freshStore, makeArticle, makeSource, versionInput, type ContractHarness } from './fixtures.ts';

/** A change as the diff engine stores it with the version (VersionInput.change). */
function labelled(level: ChangeLevel, labels: ChangeLabel[]): VersionChange {
  return { level, labels, titleChanged: labels.includes('headline-changed'), preview: null };
}

async function addChange(
  store: Store,
  article: Article,
  title: string,
  paragraphs: string[],
  at: number,
  change: VersionChange | null = null,
) {
  const latest = await store.getLatestVersion(article.id);
  return store.addVersion(article.id, (latest?.number ?? 0) + 1, versionInput(title, paragraphs, { capturedAt: at, change }));
}

async function keys(store: Store): Promise<string[]> {
  return (await store.listDeliveries({ limit: 100 })).items.map((d) => d.key).sort();
}

export function notifyCases(harness: ContractHarness): void {
  describe(`${harness.name}: subscriptions`, () => {
    const store = freshStore(harness);

    it('adds, lists, confirms and ends subscriptions; the token stays out of the record', async () => {
      const active = await store().addSubscription(subscriptionInput(), 'active', T0);
      expect(active).toMatchObject({ status: 'active', confirmedAt: T0, channel: 'webhook', watch: 'all' });
      const pending = await store().addSubscription(
        subscriptionInput({ channel: 'email', address: 'a@example.org', origin: 'form' }),
        'pending',
        T0 + 1,
      );
      expect(pending).toMatchObject({ status: 'pending', confirmedAt: null });
      expect(JSON.stringify(pending)).not.toMatch(/token/);
      const token = (await store().subscriptionToken(pending.id))!;
      expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(await store().subscriptionToken(active.id)).not.toBe(token);
      // The pending address gets exactly one delivery: its confirmation.
      const queued = (await store().listDeliveries({ limit: 10 })).items;
      expect(queued.map((d) => [d.kind, d.address, d.status])).toEqual([['confirm', 'a@example.org', 'pending']]);
      expect(await store().countConfirmations('a@example.org', T0)).toBe(1);
      expect(await store().countConfirmations('a@example.org', T0 + 2)).toBe(0);
      expect(await store().countConfirmations('b@example.org', T0)).toBe(0);
      expect(await store().confirmSubscription('nope', T0 + 2)).toBeNull();
      expect(await store().confirmSubscription(token, T0 + 2)).toMatchObject({ id: pending.id, status: 'active', confirmedAt: T0 + 2 });
      expect(await store().listSubscriptions({ status: 'active' })).toHaveLength(2);
      expect(await store().listSubscriptions({ address: 'a@example.org' })).toHaveLength(1);
      expect(await store().unsubscribe(token, T0 + 3)).toMatchObject({ status: 'unsubscribed' });
      expect(await store().confirmSubscription(token, T0 + 4)).toMatchObject({ status: 'unsubscribed' });
      expect(await store().unsubscribe(active.id, T0 + 3)).toMatchObject({ status: 'unsubscribed' });
      expect(await store().unsubscribe(9999, T0)).toBeNull();
      expect(await store().getSubscription(active.id)).toMatchObject({ status: 'unsubscribed' });
    });

    it('updates a config-declared subscription in place by its key', async () => {
      const a = await store().addSubscription(subscriptionInput({ configKey: 'k', origin: 'config' }), 'active', T0);
      await store().unsubscribe(a.id, T0 + 1);
      const b = await store().addSubscription(
        subscriptionInput({ configKey: 'k', origin: 'config', minLevel: 'major', kinds: ['headline-changed'] }),
        'active',
        T0 + 2,
      );
      expect(b).toMatchObject({ id: a.id, status: 'active', minLevel: 'major', kinds: ['headline-changed'], confirmedAt: T0 });
      expect(await store().listSubscriptions()).toHaveLength(1);
    });
  });

  describe(`${harness.name}: outbox written with the version`, () => {
    const store = freshStore(harness);

    it('queues a change for each matching subscription, in the same transaction as the version', async () => {
      const source = await makeSource(store(), 'one');
      const other = await makeSource(store(), 'two');
      const a = await makeArticle(store(), source, 'a');
      const b = await makeArticle(store(), other, 'b');
      const sub = (over: Partial<SubscriptionInput>) => store().addSubscription(subscriptionInput(over), 'active', T0);
      const all = await sub({});
      const onA = await sub({ watch: 'article', articleId: a.id });
      const onTwo = await sub({ watch: 'source', sourceId: other.id });
      const major = await sub({ minLevel: 'major' });
      const headline = await sub({ kinds: ['headline-changed'] });
      const rwanda = await sub({ watch: 'query', query: 'Rwanda', minLevel: 'substantive' });
      const rwandaInTwo = await sub({ watch: 'query', query: '"Kigali talks"', sourceId: other.id });
      await store().addSubscription(subscriptionInput({ channel: 'email', address: 'x@example.org' }), 'pending', T0);
      await addChange(store(), a, 'A', ['Talks went on.'], T0);
      await addChange(store(), b, 'B', ['Kigali talks went on.'], T0);
      expect(await keys(store())).toEqual([`s8-confirm`]); // first versions are not changes
      const a2 = await addChange(
        store(),
        a,
        'A',
        ['Talks went on.', 'Troops left Rwanda.'],
        T0 + 1,
        labelled('substantive', ['paragraphs-added']),
      );
      const b2 = await addChange(store(), b, 'B!', ['Kigali talks went on. Quietly.'], T0 + 2, labelled('major', ['headline-changed']));
      const a3 = await addChange(store(), a, 'A', ['Talks went on.', 'Troops left Rwanda!'], T0 + 3, labelled('minor', ['typo-only']));
      const byKey = (await store().listDeliveries({ limit: 100 })).items.filter((d) => d.kind === 'change');
      const got = byKey.map((d) => `${d.subscriptionId}:${d.versionId}`).sort();
      const want = [
        [all, a2],
        [onA, a2],
        [rwanda, a2],
        [all, b2],
        [onTwo, b2],
        [major, b2],
        [headline, b2],
        [all, a3],
        [onA, a3],
      ]
        .map(([s, v]) => `${s.id}:${v.id}`)
        .sort();
      expect(got).toEqual(want);
      expect(rwandaInTwo.id).toBeGreaterThan(0); // its phrase was in both versions of b: not added or removed
      const d = byKey.find((x) => x.subscriptionId === all.id && x.versionId === a2.id)!;
      expect(d).toMatchObject({
        key: `s${all.id}-v${a2.id}`,
        status: 'pending',
        attempts: 0,
        articleId: a.id,
        versionNumber: 2,
        nextAttemptAt: T0 + 1,
        createdAt: T0 + 1,
      });
    });

    it('writes no delivery for a version that is refused', async () => {
      const a = await makeArticle(store(), await makeSource(store()), 'a');
      await store().addSubscription(subscriptionInput(), 'active', T0);
      await addNext(store(), a, 't', ['p'], T0);
      await addNext(store(), a, 't', ['q'], T0);
      await expect(store().addVersion(a.id, 2, versionInput('t', ['r']))).rejects.toMatchObject({ kind: 'version-conflict' });
      expect(await keys(store())).toHaveLength(1);
    });

    it('posts a change once per social account, however many of its subscriptions match', async () => {
      const a = await makeArticle(store(), await makeSource(store()), 'a');
      const first = await store().addSubscription(subscriptionInput({ channel: 'mastodon', address: 'main' }), 'active', T0);
      await store().addSubscription(
        subscriptionInput({ channel: 'mastodon', address: 'main', watch: 'article', articleId: a.id }),
        'active',
        T0,
      );
      const bsky = await store().addSubscription(subscriptionInput({ channel: 'bluesky', address: 'main' }), 'active', T0);
      await addNext(store(), a, 't', ['p'], T0);
      const v2 = await addNext(store(), a, 't', ['q'], T0);
      expect(await keys(store())).toEqual([`s${first.id}-v${v2.id}`, `s${bsky.id}-v${v2.id}`].sort());
    });

    it("holds a digest subscription's changes until the end of its hour", async () => {
      const a = await makeArticle(store(), await makeSource(store()), 'a');
      const hourly = await store().addSubscription(
        subscriptionInput({ channel: 'email', address: 'd@example.org', digest: 'hourly' }),
        'active',
        T0,
      );
      await addNext(store(), a, 't', ['p'], T0);
      await addNext(store(), a, 't', ['q'], T0 + 1000);
      const [d] = (await store().listDeliveries({ subscriptionId: hourly.id, limit: 10 })).items;
      const hour = 3_600_000;
      expect(d.nextAttemptAt).toBe(Math.floor((T0 + 1000) / hour) * hour + hour);
    });
  });
}
