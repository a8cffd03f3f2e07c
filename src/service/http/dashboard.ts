import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';

export const DASHBOARD_PATH = '/admin/queues';

/** A queue as Bull Board reads it; the queue adapter hands these out (`dashboardQueue()`). */
export type DashboardQueue = ConstructorParameters<typeof BullMQAdapter>[0];

/** Bull Board for the pipeline's queues, in its own encapsulated plugin so its error handler stays its own. */
export async function registerDashboard(app: FastifyInstance, queues: DashboardQueue[]): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'reportflow' } },
  });
  await app.register(serverAdapter.registerPlugin(), { prefix: DASHBOARD_PATH });
}
