import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createFetcher } from './fetcher.ts';
import { testFetchConfig, useTestServer } from './testdata/server.ts';

const serve = useTestServer();

describe('kept-alive connections', () => {
  it('a reused connection reset by the server is retried once on a fresh one', async () => {
    const perSocket = new Map<Socket, number>();
    const seen: number[] = [];
    const base = await serve((req, res) => {
      const n = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, n);
      seen.push(n);
      // Stands for a server that dropped the idle connection: the next request on it meets a reset.
      if (n > 1) return void req.socket.resetAndDestroy();
      res.writeHead(200, { 'Content-Type': 'text/html', Connection: 'keep-alive' }).end(`<p>${req.url}</p>`);
    });
    const fetcher = createFetcher(testFetchConfig());
    expect((await fetcher.get(`${base}/first`, { accept: 'html' })).text).toBe('<p>/first</p>');
    expect((await fetcher.get(`${base}/second`, { accept: 'html' })).text).toBe('<p>/second</p>');
    // /second went out on the kept-alive socket (reset), then once more on a new socket.
    expect(seen).toEqual([1, 2, 1]);
    expect(perSocket.size).toBe(2);
  });

  it('a reset on a fresh connection is an error, not retried', async () => {
    let requests = 0;
    const base = await serve((req) => {
      requests++;
      req.socket.resetAndDestroy();
    });
    await expect(createFetcher(testFetchConfig()).get(`${base}/x`, { accept: 'html' })).rejects.toMatchObject({ kind: 'connect' });
    expect(requests).toBe(1);
  });
});
