/**
 * Runs the simulated site in its own process so the benchmark can measure the server's CPU apart
 * from Redline's. Driven over IPC: {type:'advance', share, seed} and {type:'stats'}.
 */
import { startSite, type SiteOptions } from './tracker-site.ts';

type Message = { type: 'advance'; share: number; seed: number } | { type: 'stats' } | { type: 'close' };

const opts = JSON.parse(process.argv[2] ?? '{}') as SiteOptions;
const site = await startSite(opts);
const send = (m: unknown) => process.send!(m);
send({ type: 'ready', feedUrl: site.feedUrl, urls: site.urls, hosts: site.hosts });

process.on('message', async (m: Message) => {
  if (m.type === 'advance') send({ type: 'advanced', ids: site.advance(m.share, m.seed) });
  else if (m.type === 'stats') {
    const { perArticle: _omit, ...stats } = site.stats();
    send({ type: 'stats', ...stats, cpu: process.cpuUsage(), maxRssKb: process.resourceUsage().maxRSS });
  } else if (m.type === 'close') {
    await site.close();
    process.exit(0);
  }
});
