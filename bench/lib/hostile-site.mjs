// A hostile news site in its own process, so that its work (building an 8 MB feed, serving a 3 MB
// page) never runs on the event loop under test. Prints its URL on stdout.
import http from 'node:http';

const PATH_200 = '/' + 'a'.repeat(199);
const BOLD = `<html><body><article><h1>Bold</h1><p>${'A perfectly ordinary paragraph. '.repeat(4)}</p>${'<b>'.repeat(1_000_000)}</article></body></html>`;
const page = (title) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>The ordinary story has a first paragraph long enough to be kept by the extractor.</p><p>And a second one, so that it reads like an article.</p></article></body></html>`;
const rss = (links) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>${links.map((l, i) => `<item><title>Story ${i}</title><link>${l}</link></item>`).join('')}</channel></rss>`;

let base = '';
let huge = '';
const server = http.createServer((req, res) => {
  const html = { 'Content-Type': 'text/html; charset=utf-8' };
  const feed = { 'Content-Type': 'application/rss+xml' };
  if (req.url === '/robots.txt')
    return void res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*b\n');
  if (req.url === '/robots-feed.xml')
    return void res.writeHead(200, feed).end(rss(Array.from({ length: 20 }, (_, i) => `${base}${PATH_200}?n=${i}`)));
  if (req.url === '/bold-feed.xml') return void res.writeHead(200, feed).end(rss([`${base}/bold`]));
  if (req.url === '/huge-feed.xml') return void res.writeHead(200, feed).end(huge);
  if (req.url === '/bold') return void res.writeHead(200, html).end(BOLD);
  res.writeHead(200, html).end(page('An ordinary story'));
});
server.listen(0, '127.0.0.1', () => {
  base = `http://127.0.0.1:${server.address().port}`;
  huge = rss(Array.from({ length: 100_000 }, (_, i) => `${base}/huge/${i}`));
  process.stdout.write(`${base}\n`);
});
process.on('disconnect', () => process.exit(0));
