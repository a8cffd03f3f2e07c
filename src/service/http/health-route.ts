import type { FastifyInstance } from 'fastify';
import type { ParseQueue } from '../queue/bullmq-adapter.js';

export interface HealthReport {
  /** 'ok', or what went wrong talking to Redis. */
  redis: string;
  /** Live worker processes on the parse queue; null when Redis could not be asked. */
  workers: number | null;
  /** Parse threads those workers hold in all (the start-up banner's count for its own process); null when unknown. */
  parseThreads?: number | null;
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

/** Health read through the parse queue's own Redis connection; every question is bounded by `timeoutMs`. */
export function healthFromQueue(queue: Pick<ParseQueue, 'ping' | 'workerCapacity'>, timeoutMs = 2000): HealthCheck {
  return async () => {
    try {
      await queue.ping(timeoutMs);
    } catch (error) {
      return {
        redis: `unreachable (${error instanceof Error ? error.message : String(error)})`,
        workers: null,
        parseThreads: null,
      };
    }
    try {
      return { redis: 'ok', ...(await queue.workerCapacity(timeoutMs)) };
    } catch (error) {
      return {
        redis: `could not list workers (${error instanceof Error ? error.message : String(error)})`,
        workers: null,
        parseThreads: null,
      };
    }
  };
}
