import { serve } from '@hono/node-server';
import { publicBaseUrl, type Config } from '../config/index.ts';
import type { Metrics } from '../metrics/index.ts';
import { UsageError } from '../model/index.ts';
import type { Store } from '../store/store.ts';
import { createApp } from '../web/index.ts';

/** What `redline start` and `redline demo` share: serving the website and waiting for Ctrl-C. */

export interface Website {
  url: string;
  close(): Promise<void>;
}

/** Serves the reader website; a port already in use is the user's to fix, so it is a UsageError. */
export async function serveWebsite(store: Store, config: Config, metrics?: Metrics): Promise<Website> {
  const { host, port } = config.web;
  let listening: { host: string; port: number } | null = null;
  const app = createApp({ store, config, metrics, listening: () => listening });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new UsageError(`port ${port} on ${host} is in use; pick another with --port N`) : err),
    );
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  listening = { host, port: actualPort };
  return {
    url: `${publicBaseUrl({ ...config.web, baseUrl: '' }, listening)}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

/** Resolves on the first SIGINT or SIGTERM (or when `signal` aborts); a second signal exits at once. */
export function untilSignal(signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onSignal = () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    signal?.addEventListener('abort', onSignal, { once: true });
  });
}
