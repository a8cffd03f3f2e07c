import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';

export const DASHBOARD_PATH = '/admin/queues';

/** A queue as Bull Board reads it; the queue adapter hands these out (`dashboardQueue()`). */
export type DashboardQueue = ConstructorParameters<typeof BullMQAdapter>[0];

/** Bull Board's page asks Google for its fonts; the board must work offline and tell no one it was opened. */
const REMOTE_STYLESHEET = /<link\b[^>]*\bhref="https?:\/\/[^"]*"[^>]*>/gi;

/** Bull Board for the pipeline's queues, in its own encapsulated plugin so its error handler stays its own. */
export async function registerDashboard(app: FastifyInstance, queues: DashboardQueue[]): Promise<void> {
  // Its own fonts fall back to the system's: nothing on the page is fetched from elsewhere.
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (typeof payload !== 'string' || !type.startsWith('text/html')) return payload;
    return payload.replace(REMOTE_STYLESHEET, '');
  });
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'reportflow' } },
  });
  await app.register(serverAdapter.registerPlugin(), { prefix: DASHBOARD_PATH });
}
