import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '../../../bin/redline.js');
const run = promisify(execFile);

const PARAS = [
  'Rail workers will strike for three days next week after talks over pay and working hours broke down on Friday.',
  'The operator said it would run a reduced timetable and urged passengers to check before they travel to work.',
];
const page = (title: string, paras = PARAS) => `<!doctype html><html><head><meta charset="utf-8"><title>${title} - Example</title>
<meta name="author" content="Sam Example"><meta property="article:published_time" content="2026-02-01T08:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${paras.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

async function redline(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'extract', ...args], { maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('redline extract', () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'redline-extract-'));
    // The test site is on 127.0.0.1, which the SSRF guard refuses by default.
    writeFileSync(join(dir, 'redline.json'), JSON.stringify({ sources: [], fetch: { allowPrivateNetworks: true } }));
    writeFileSync(join(dir, 'a.html'), page('Rail strike called'));
    writeFileSync(join(dir, 'b.html.gz'), gzipSync(page('Café owners protest')));
    writeFileSync(join(dir, 'latin1.html'), iconv.encode(page('Café owners protest').replace('utf-8', 'iso-8859-1'), 'latin1'));
    writeFileSync(join(dir, 'empty.html'), '<html><body><nav><a href="/">Home</a></nav></body></html>');
    server = createServer((req, res) => {
      if (req.url === '/news/strike') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page('Rail strike called'));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints headline, byline, date and paragraphs of a file', async () => {
    const { code, stdout } = await redline([join(dir, 'a.html')]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Rail strike called\n=+\nBy Sam Example · 2026-02-01T08:00:00Z\n/);
    expect(stdout).toContain(`\n\n${PARAS[0]}\n\n${PARAS[1]}\n`);
  });

  it('prints JSON with --json, reading gzip and declared charsets', async () => {
    const gz = JSON.parse((await redline([join(dir, 'b.html.gz'), '--json'])).stdout);
    const latin1 = JSON.parse((await redline([join(dir, 'latin1.html'), '--json'])).stdout);
    expect(gz).toMatchObject({ title: 'Café owners protest', byline: 'Sam Example', paragraphs: PARAS });
    expect(gz.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(latin1.title).toBe('Café owners protest');
    expect(latin1.fingerprint).toBe(gz.fingerprint);
  });

  it('fetches a URL', async () => {
    const { code, stdout } = await redline([`${base}/news/strike`, '--json', '--data', dir]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ title: 'Rail strike called', paragraphs: PARAS, canonicalUrl: null });
  });

  it('exits 1 with the error kind for a page without text, 2 for bad usage', async () => {
    const empty = await redline([join(dir, 'empty.html')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('empty');
    expect((await redline([])).code).toBe(2);
  });

  it('--batch answers every line in order, errors included, and exits 0', async () => {
    const list = join(dir, 'list.jsonl');
    writeFileSync(
      list,
      [
        JSON.stringify({ id: 'a', url: 'https://example.org/a', path: join(dir, 'a.html') }),
        '{not json',
        JSON.stringify({ id: 'missing', url: 'https://example.org/m', path: join(dir, 'nope.html') }),
        JSON.stringify({ id: 'empty', url: 'https://example.org/e', path: 'empty.html' }),
        JSON.stringify({ id: 'b', url: 'https://example.org/b', path: 'b.html.gz' }),
      ].join('\n') + '\n',
    );
    const { code, stdout } = await redline(['--batch', list]);
    expect(code).toBe(0);
    const out = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', null, 'missing', 'empty', 'b']);
    expect(Object.keys(out[0])).toEqual(['id', 'title', 'byline', 'published', 'paragraphs', 'fingerprint']);
    expect(out[0]).toMatchObject({
      title: 'Rail strike called',
      byline: 'Sam Example',
      published: '2026-02-01T08:00:00Z',
      paragraphs: PARAS,
    });
    expect(out[1].error).toMatch(/bad input line/);
    expect(out[2].error).toMatch(/ENOENT/);
    expect(out[3].error).toMatch(/^empty/);
    expect(out[4].title).toBe('Café owners protest');
  });
});
