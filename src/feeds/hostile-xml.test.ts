import fs, { mkdtempSync, readFileSync as namedReadFileSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FeedError } from './errors.ts';
import { parseFeedDocument } from './parse.ts';

const FEED_URL = 'https://feeds.example.com/feed';
const SECRET = 'redline-secret-7f3a9c';

/**
 * External entities must never be resolved. The file they point at holds a secret; every fs read
 * entry point is spied on (named imports see the spies through syncBuiltinESMExports), so a read
 * anywhere in the parse, even inside a dependency, is caught, and the secret must appear nowhere.
 */
describe('external entities and DTDs', () => {
  let dir: string;
  let secretFile: string;
  const spies: { mockRestore(): void }[] = [];
  const reads: string[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'redline-xxe-'));
    secretFile = join(dir, 'secret.txt');
    writeFileSync(secretFile, SECRET);
    writeFileSync(join(dir, 'evil.dtd'), `<!ENTITY xxe "${SECRET}">`);
    for (const name of ['readFileSync', 'openSync', 'readFile', 'open', 'createReadStream', 'readSync', 'read'] as const) {
      const original = fs[name] as (...args: unknown[]) => unknown;
      spies.push(
        vi.spyOn(fs, name).mockImplementation(((...args: unknown[]) => {
          reads.push(`${name}(${String(args[0])})`);
          return original.apply(fs, args);
        }) as never),
      );
    }
    for (const name of ['readFile', 'open'] as const) {
      const original = fs.promises[name] as (...args: unknown[]) => Promise<unknown>;
      spies.push(
        vi.spyOn(fs.promises, name).mockImplementation(((...args: unknown[]) => {
          reads.push(`promises.${name}(${String(args[0])})`);
          return original.apply(fs.promises, args);
        }) as never),
      );
    }
    syncBuiltinESMExports();
  });

  afterAll(() => {
    for (const s of spies) s.mockRestore();
    syncBuiltinESMExports();
    rmSync(dir, { recursive: true, force: true });
  });

  const outcome = (text: string): { kind: string; output: string } => {
    try {
      return { kind: 'parsed', output: JSON.stringify(parseFeedDocument(text, FEED_URL)) };
    } catch (err) {
      expect(err).toBeInstanceOf(FeedError);
      return { kind: (err as FeedError).kind, output: (err as Error).message };
    }
  };

  const item = (title: string) =>
    `<rss version="2.0"><channel><item><title>${title}</title><link>https://a.example.com/1</link></item></channel></rss>`;

  it.each([
    ['a SYSTEM entity', () => `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secretFile}">]>${item('&xxe;')}`],
    [
      'a parameter entity',
      () => `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY % p SYSTEM "file://${join(dir, 'evil.dtd')}"> %p;]>${item('&xxe;')}`,
    ],
    [
      'an entity after a junk prefix',
      () => `Warning: x\n<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://${secretFile}">]>${item('&xxe;')}`,
    ],
  ])('refuses %s before parsing, reading no file', (_name, doc) => {
    reads.length = 0;
    const r = outcome(doc());
    expect(r.kind).toBe('malformed');
    expect(r.output).toContain('refusing XML whose DOCTYPE declares entities');
    expect(r.output).not.toContain(SECRET);
    expect(reads).toEqual([]);
  });

  it('an external DTD without an internal subset is never fetched: the entity stays unexpanded', () => {
    reads.length = 0;
    const r = outcome(`<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file://${join(dir, 'evil.dtd')}">${item('Title &xxe;')}`);
    expect(r.kind).toBe('parsed');
    expect(r.output).not.toContain(SECRET);
    expect(reads).toEqual([]);
  });

  it('the spies do see a read (so the empty lists above mean something)', () => {
    reads.length = 0;
    fs.readFileSync(secretFile, 'utf8');
    namedReadFileSync(secretFile, 'utf8');
    expect(reads).toEqual([`readFileSync(${secretFile})`, `readFileSync(${secretFile})`]);
  });
});
