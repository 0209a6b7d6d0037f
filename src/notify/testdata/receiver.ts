import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../sign.ts';

/** One webhook request as the receiver saw it. */
export interface Received {
  key: string;
  attempt: number;
  redelivery: boolean;
  signatureValid: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- protocol JSON, read loosely by the fake
  body: Record<string, any>;
}

export type ReceiverMode = 'up' | 'error' | 'refuse' | 'slow';

export interface WebhookReceiver {
  url: string;
  received: Received[];
  /** up: 200; error: 503 with Retry-After; refuse: drop the connection; slow: answer after `slowMs`. */
  mode: ReceiverMode;
  slowMs: number;
  /** Requests turned away (error / refuse). */
  refused: number;
  /** Keys seen, with how many times. */
  counts(): Map<string, number>;
  close(): Promise<void>;
}

/** A local webhook endpoint that checks every signature against `secret`, as a real receiver would. */
export async function startReceiver(secret: string): Promise<WebhookReceiver> {
  const r: WebhookReceiver = {
    url: '',
    received: [],
    mode: 'up',
    slowMs: 500,
    refused: 0,
    counts() {
      const m = new Map<string, number>();
      for (const x of r.received) m.set(x.key, (m.get(x.key) ?? 0) + 1);
      return m;
    },
    close: async () => {},
  };
  const server = createServer(async (req, res) => {
    if (r.mode === 'refuse') {
      r.refused++;
      return void req.socket.destroy();
    }
    const body = await readBody(req);
    if (r.mode === 'error') {
      r.refused++;
      return void res.writeHead(503, { 'Retry-After': '1' }).end('down for maintenance');
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- protocol JSON, read loosely by the fake
    const parsed = JSON.parse(body) as Record<string, any>;
    r.received.push({
      key: String(req.headers['idempotency-key']),
      attempt: Number(req.headers['x-redline-attempt']),
      redelivery: req.headers['x-redline-redelivery'] === 'true',
      signatureValid: verifySignature(secret, body, req.headers['x-redline-signature'] as string, Math.floor(Date.now() / 1000)),
      body: parsed,
    });
    if (r.mode === 'slow') await new Promise((resolve) => setTimeout(resolve, r.slowMs));
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  r.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return r;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
