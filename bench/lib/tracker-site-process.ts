/** Starts the simulated site in its own process (tracker-site-main.ts) and talks to it over IPC. */
import { fork } from 'node:child_process';
import type { SiteOptions } from './tracker-site.ts';
import type { SiteHandle } from './tracker-run.ts';

interface Ready {
  type: 'ready';
  feedUrl: string;
  urls: string[];
}

interface Reply {
  type: 'advanced' | 'stats';
  ids?: number[];
  cpu?: NodeJS.CpuUsage;
  bytesSent?: number;
  articleRequests?: number;
}

export interface SiteProcess extends SiteHandle {
  /** Average bytes sent per article page (compressed when the client asked for gzip). */
  pageBytes(): Promise<number>;
  close(): void;
}

export async function startSiteProcess(options: SiteOptions): Promise<SiteProcess> {
  const entry = new URL('./tracker-site-main.ts', import.meta.url).pathname;
  const child = fork(entry, [JSON.stringify(options)], { execArgv: ['--import', 'tsx'] });
  const waiting: ((m: Reply) => void)[] = [];
  let ready!: (m: Ready) => void;
  const started = new Promise<Ready>((ok) => (ready = ok));
  child.on('message', (m: Ready | Reply) => (m.type === 'ready' ? ready(m) : waiting.shift()?.(m)));
  const ask = (m: object) => new Promise<Reply>((ok) => (waiting.push(ok), child.send(m)));
  const { feedUrl, urls } = await started;
  return {
    feedUrl,
    urls,
    advance: async (share, seed) => (await ask({ type: 'advance', share, seed })).ids ?? [],
    cpuMs: async () => {
      const { cpu } = await ask({ type: 'stats' });
      return (cpu!.user + cpu!.system) / 1000;
    },
    pageBytes: async () => {
      const { bytesSent, articleRequests } = await ask({ type: 'stats' });
      return bytesSent! / articleRequests!;
    },
    close: () => child.send({ type: 'close' }),
  };
}
