import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';

export interface HealthReport {
  /** 'ok', or what went wrong talking to Redis. */
  redis: string;
  /** Live BullMQ workers on the parse queue; null when Redis could not be asked. */
  workers: number | null;
}

export type HealthCheck = () => Promise<HealthReport>;

/** For orchestrators: 200 when Redis answers and at least one worker is connected, else 503 with the reasons. */
export function registerHealthRoute(app: FastifyInstance, check: HealthCheck): void {
  app.get('/health', async (_request, reply) => {
    const report = await check();
    const problems: string[] = [];
    if (report.redis !== 'ok') problems.push(`redis: ${report.redis}`);
    if (report.workers === 0) problems.push('no worker is connected to the parse queue');
    if (problems.length === 0) return reply.code(200).send({ status: 'ok', ...report });
    return reply.code(503).send({ status: 'unavailable', ...report, problems });
  });
}

/**
 * Health read from the queue's own Redis connection. BullMQ keeps retrying a lost
 * connection forever, so every call is bounded by a timeout rather than left to hang.
 */
export function healthFromQueue(queue: Queue, timeoutMs = 2000): HealthCheck {
  return async () => {
    try {
      // BullMQ's client interface leaves PING out, but its Redis backend is an ioredis client.
      const client = (await withTimeout(queue.getBackend().client, timeoutMs)) as unknown as { ping(): Promise<string> };
      const pong = await withTimeout(client.ping(), timeoutMs);
      if (pong !== 'PONG') return { redis: `unexpected PING reply ${JSON.stringify(pong)}`, workers: null };
    } catch (error) {
      return { redis: `unreachable (${error instanceof Error ? error.message : String(error)})`, workers: null };
    }
    try {
      return { redis: 'ok', workers: await withTimeout(queue.getWorkersCount(), timeoutMs) };
    } catch (error) {
      return { redis: `could not list workers (${error instanceof Error ? error.message : String(error)})`, workers: null };
    }
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
