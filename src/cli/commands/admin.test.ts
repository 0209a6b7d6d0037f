import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../store/index.ts';
import { seedSite, type Site } from '../../web/testdata/site.ts';
import { main } from '../main.ts';

let dir: string;
let site: Site;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'redline-admin-cli-'));
  const store = await openStore({ dataDir: dir });
  site = await seedSite(store);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process; returns the exit code and what it printed. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    const code = await main([...args, '--data', dir]);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const changedIds = async (...extra: string[]) =>
  (JSON.parse((await cli('changes', '--json', ...extra)).out) as { article: { id: number } }[]).map((c) => c.article.id);

describe('redline admin and redline changes', () => {
  it('hides and unhides from the command line, with `redline changes` and the audit log following', async () => {
    expect(await changedIds()).toContain(site.plain);
    const hide = await cli('admin', 'hide-article', String(site.plain), '--reason', 'Court order 7');
    expect(hide.code).toBe(0);
    expect(hide.out).toContain(`hide-article article:${site.plain}: done`);
    expect(await changedIds()).not.toContain(site.plain);
    expect((await cli('changes')).out).not.toContain('Minister quits');
    expect((await cli('admin', 'hidden')).out).toContain('Court order 7');
    expect((await cli('admin', 'unhide-article', String(site.plain))).code).toBe(0);
    expect(await changedIds()).toContain(site.plain);
    const audit = JSON.parse((await cli('admin', 'audit', '--json')).out) as { action: string; actor: string; reason: string | null }[];
    expect(audit.slice(0, 2).map((e) => [e.action, e.reason])).toEqual([
      ['unhide-article', null],
      ['hide-article', 'Court order 7'],
    ]);
    expect(audit[0].actor).toMatch(/^cli/);
  });

  it('refuses bad input with exit code 2 and says why', async () => {
    const noReason = await cli('admin', 'hide-article', String(site.plain));
    expect(noReason.code).toBe(2);
    expect(noReason.err).toContain('reason');
    expect((await cli('admin', 'unhide-article', String(site.plain))).code).toBe(2); // not hidden
    expect((await cli('admin', 'hide-version', String(site.plain), '--reason', 'x')).code).toBe(2);
    expect((await cli('admin', 'frobnicate')).code).toBe(2);
    expect((await cli('admin', 'pause-source', 'nope')).code).toBe(2); // no such source
    expect((await cli('admin', 'retire-article', '99999')).code).toBe(2);
    expect((await cli('changes', '--since', 'yesterday')).code).toBe(2);
    expect((await cli('changes', '--limit', '0')).code).toBe(2);
    expect((await cli('admin', '--help')).out).toContain('token create NAME');
  });

  it('creates, lists and revokes tokens; only the hash is stored', async () => {
    const made = await cli('admin', 'token', 'create', 'ops');
    expect(made.code).toBe(0);
    const secret = made.out.trim();
    expect(secret).toMatch(/^rla_[A-Za-z0-9_-]{43}$/);
    expect((await cli('admin', 'token', 'create', 'ops')).code).toBe(2);
    const list = await cli('admin', 'token', 'list', '--json');
    expect(list.out).toContain('"ops"');
    expect(list.out).not.toContain(secret);
    expect((await cli('admin', 'token', 'revoke', 'ops')).code).toBe(0);
    expect((await cli('admin', 'token', 'revoke', 'ops')).code).toBe(2);
    expect((await cli('admin', 'audit')).out).not.toContain(secret);
  });

  it('pauses and resumes a source, retires and revives an article', async () => {
    expect((await cli('admin', 'pause-source', 'bbc', '--reason', 'asked us to stop')).code).toBe(0);
    expect((await cli('admin', 'pause-source', 'bbc')).code).toBe(2);
    expect((await cli('admin', 'resume-source', 'bbc')).code).toBe(0);
    expect((await cli('admin', 'retire-article', String(site.unchanged))).code).toBe(0);
    expect((await cli('admin', 'revive-article', String(site.unchanged))).code).toBe(0);
    const store = await openStore({ dataDir: dir });
    try {
      expect((await store.getArticle(site.unchanged))?.status).toBe('active');
      expect((await store.getSource('bbc'))?.pausedAt).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('changes filters by source, time and count', async () => {
    const all = await changedIds('--limit', '100');
    expect(await changedIds('--limit', '2')).toEqual(all.slice(0, 2));
    expect(new Set(await changedIds('--source', 'bbc'))).toEqual(new Set([site.plain]));
    expect(await changedIds('--since', '2100-01-01')).toEqual([]);
    expect(await changedIds('--since', '2000-01-01')).toEqual(all);
  });
});
