import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createServer as createTcpServer, connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ReportRecord } from '../../src/record/types.js';
import type { DeliveryConfig } from '../../src/service/delivery/deliver.js';
import { DeliveryQueue } from '../../src/service/queue/bullmq-adapter.js';

export const REDIS_URL = 'redis://127.0.0.1:6379';
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const SECRET = 'test-secret-0123456789';

export function sampleRecord(): ReportRecord {
  return JSON.parse(readFileSync('/work/shared/samples/kazakhstan-2023.expected.json', 'utf8')) as ReportRecord;
}

/** Sinks all off, tiny retry delays; each test turns on what it exercises. */
export function testDeliveryConfig(sinks: Partial<DeliveryConfig['sinks']> = {}): DeliveryConfig {
  return {
    queuePrefix: `test-${randomUUID()}`,
    sinks: {
      webhook: { urls: [], secret: SECRET, attempts: 3, backoffMs: 20, timeoutMs: 2000 },
      databaseUrl: null,
      recordsJsonl: null,
      store: { attempts: 50, backoffMs: 20, maxBackoffMs: 200 },
      ...sinks,
    },
  };
}

export async function obliterateDeliverQueue(prefix: string): Promise<void> {
  const queue = new DeliveryQueue({ redisUrl: REDIS_URL, prefix });
  await queue.obliterate();
  await queue.close();
}

export async function waitFor<T>(
  probe: () => Promise<T> | T,
  what: string,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A webhook receiver on 127.0.0.1 whose answer to each request is decided by `statusFor`. */
export async function startReceiver(statusFor: (request: ReceivedRequest, index: number) => number, port = 0) {
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status: 0 };
      request.status = statusFor(request, requests.length);
      requests.push(request);
      res.writeHead(request.status, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actualPort = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actualPort}/hook`,
    port: actualPort,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A port nothing listens on (taken, then released). */
export async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * A TCP relay to PostgreSQL that can be cut and restored on the same port: the
 * database "goes away" for the pool without touching the real server.
 */
export async function startTcpProxy(targetPort: number, targetHost = '127.0.0.1') {
  const sockets = new Set<Socket>();
  let server: ReturnType<typeof createTcpServer> | null = null;
  let port = 0;
  const up = async () => {
    server = createTcpServer((client) => {
      const upstream = connect(targetPort, targetHost);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server!.address() as AddressInfo).port;
  };
  const down = async () => {
    const closing = new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const s of sockets) s.destroy();
    await closing;
    server = null;
  };
  await up();
  return { port: () => port, up, down };
}
