/**
 * Rendering cost: `npm run bench:render [-- --pages N]`. Renders N article pages of a local site
 * whose text is written by JavaScript (a script fetching the story as JSON) through
 * fetch/render.ts with Debian's Chromium, after one warm-up page, and prints the time per page
 * beside a plain HTTP fetch of the same page, and the memory of the browser's processes (PSS, from
 * /proc: shared pages counted once) with the Node process's own RSS. Writes bench/results/render.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConfig } from '../src/config/index.ts';
import { createFetcher, createRenderer } from '../src/fetch/index.ts';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '40' } } });
const PAGES = Number(values.pages);
const config = defaultConfig();
if (!existsSync(config.render.chromiumPath)) {
  console.log(`no Chromium at ${config.render.chromiumPath}: nothing to measure`);
  process.exit(0);
}
config.fetch.perHostDelayMs = 0;
// The measured site is on 127.0.0.1, which the SSRF guard refuses by default.
config.fetch.allowPrivateNetworks = true;
config.render.maxPages = 1;

const paragraphs = Array.from(
  { length: 12 },
  (_, i) =>
    `Paragraph ${i + 1} of the story, long enough to read like one: the council met again on Tuesday and talked for hours about the budget.`,
);
const server = http.createServer((req, res) => {
  if (req.url === '/robots.txt') return res.writeHead(404).end();
  if (req.url === '/app.js') {
    return res.writeHead(200, { 'content-type': 'application/javascript' }).end(`fetch('/story.json').then(r => r.json()).then(s => {
      const a = document.createElement('article'); a.innerHTML = '<h1></h1>'; a.firstChild.textContent = s.title;
      for (const t of s.paragraphs) { const p = document.createElement('p'); p.textContent = t; a.appendChild(p); }
      document.body.appendChild(a); });`);
  }
  if (req.url === '/story.json')
    return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ title: 'A story', paragraphs }));
  res
    .writeHead(200, { 'content-type': 'text/html' })
    .end(
      `<!doctype html><html><head><title>x</title><script src="/app.js"></script></head><body><nav>${'<a href="/x">link</a>'.repeat(50)}</nav></body></html>`,
    );
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const fetcher = createFetcher(config.fetch);
const renderer = createRenderer(fetcher, config.render, config.fetch);

/** PSS (kB) of every descendant process of this one: the browser and its renderer, GPU and utility processes. */
function browserPssKb(): number {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {}
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  let total = 0;
  for (const pid of parent.keys()) {
    if (!isDescendant(pid)) continue;
    try {
      total += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {}
  }
  return total;
}

const time = async (f: () => Promise<unknown>) => {
  const t = performance.now();
  await f();
  return performance.now() - t;
};
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p90: s[Math.floor(s.length * 0.9)] };
};

const coldMs = await time(() => renderer.render(`${base}/news/0`));
const rendered: number[] = [];
const plain: number[] = [];
let peakPss = 0;
for (let i = 1; i <= PAGES; i++) {
  rendered.push(await time(() => renderer.render(`${base}/news/${i}`)));
  peakPss = Math.max(peakPss, browserPssKb());
  plain.push(await time(() => fetcher.get(`${base}/news/plain-${i}`, { accept: 'html' })));
}
const idlePss = browserPssKb();
await renderer.close();
server.close();

const r = stats(rendered);
const p = stats(plain);
const lines = [
  `# bench:render (${PAGES} pages, one at a time, local site; shared machine: timings are noisy)`,
  '',
  '| | median ms/page | p90 ms/page |',
  '| --- | ---: | ---: |',
  `| render: "chromium" | ${r.median.toFixed(0)} | ${r.p90.toFixed(0)} |`,
  `| plain HTTP fetch | ${p.median.toFixed(1)} | ${p.p90.toFixed(1)} |`,
  '',
  `- first page, including starting Chromium: ${coldMs.toFixed(0)} ms`,
  `- browser memory (PSS of all its processes): ${(peakPss / 1024).toFixed(0)} MB at most while rendering, ${(idlePss / 1024).toFixed(0)} MB idle between pages`,
  `- Node process RSS: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`,
];
const text = lines.join('\n');
console.log(text);
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'render.md'), text + '\n');
