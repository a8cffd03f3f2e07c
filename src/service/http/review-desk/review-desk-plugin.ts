import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ParseLimits } from '../../../formats/shared/limits.js';
import { isRecordId } from '../../../record/record-id.js';
import type { RecordsStore } from '../../store/records-store.js';
import { DESK_SCRIPT, DESK_STYLE } from './desk-assets.js';
import { DESK_SCRIPT_PATH, DESK_STYLE_PATH, esc, pageHtml } from './html.js';
import { listPageHtml, type DeskOutcome, type HeldRecordRow } from './list-page.js';
import { recordPageHtml } from './record-page.js';
import { snippetForPointer, sourceBlocksFromDataDir, type SourceBlocks } from './source-context.js';

export interface ReviewDeskOptions {
  store: Pick<RecordsStore, 'get' | 'listReviews' | 'folderOf'>;
  /** The service's data dir: archive/, failed/ and uploads/ hold the source files. */
  dataDir: string;
  /** Limits for reading a source file again, the same the parser uses. */
  limits: ParseLimits;
}

// No inline script or style anywhere: a value that slipped past escaping still cannot run.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/** Source files read again are kept for a few records: a reviewer reloads the page they work on. */
const SOURCE_CACHE_SIZE = 16;

/**
 * The review desk in the browser: GET /review lists held records, GET /review/:id
 * shows one for correction. Decisions go through the JSON API (POST /reviews/:id/…),
 * so the desk adds no second way to change a record.
 */
export async function reviewDesk(app: FastifyInstance, options: ReviewDeskOptions): Promise<void> {
  const { store } = options;
  const sources = new Map<string, Promise<SourceBlocks>>();
  const sourceOf = (record: Parameters<typeof sourceBlocksFromDataDir>[1]) => {
    let found = sources.get(record.id);
    if (!found) {
      found = sourceBlocksFromDataDir(options.dataDir, record, options.limits);
      sources.set(record.id, found);
      if (sources.size > SOURCE_CACHE_SIZE) sources.delete(sources.keys().next().value!);
      // A file that was missing may arrive later (a slow move): do not remember the miss.
      void found.then((s) => {
        if (!s.found) sources.delete(record.id);
      });
    }
    return found;
  };

  app.get(DESK_SCRIPT_PATH, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(DESK_SCRIPT),
  );
  app.get(DESK_STYLE_PATH, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(DESK_STYLE));

  app.get<{ Querystring: { done?: string; file?: string } }>('/review', async (request, reply) => {
    const summaries = await store.listReviews();
    const rows: HeldRecordRow[] = await Promise.all(
      summaries.map(async (summary) => ({ summary, reportDate: (await store.get(summary.id))?.record.report?.date ?? null })),
    );
    const { done, file } = request.query;
    const outcome: DeskOutcome | null = done === 'approved' || done === 'rejected' ? { done, file: String(file ?? '').slice(0, 300) } : null;
    return sendHtml(reply, 200, listPageHtml(rows, outcome));
  });

  app.get<{ Params: { id: string } }>('/review/:id', async (request, reply) => {
    const id = request.params.id;
    const found = isRecordId(id) ? await store.get(id) : null;
    if (!found) {
      return sendHtml(reply, 404, pageHtml('Not found', `<h1>No such record</h1><p>No record has the id <code>${esc(id)}</code>. <a href="/review">Back to the list</a></p>`, 'record'));
    }
    const { record, place } = found;
    const source = await sourceOf(record);
    const snippets = record.anomalies.map((a) => (source.found ? snippetForPointer(source.blocks, record, a.path) : null));
    const receivedAt = (await stat(join(store.folderOf(place), `${id}.json`)).catch(() => null))?.mtime.toISOString() ?? null;
    return sendHtml(reply, 200, recordPageHtml({ record, place, receivedAt, source, snippets }));
  });
}

function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('cache-control', 'no-store')
    .send(html);
}
