import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { textFromBytes } from '../../../formats/shared/detect-format.js';
import { isRecordId } from '../../../record/record-id.js';
import { ANOMALY_SEVERITY } from '../../../record/types.js';
import { messageOf } from '../../error-details.js';
import { KeptSources } from '../../review/kept-source.js';
import {
  DEFAULT_PAGE_IMAGES,
  PageImages,
  PageImagesBusyError,
  type PageImagesOptions,
} from '../../review/page-images.js';
import { catalogFromStore, type CatalogFilter, type RecordsCatalog } from '../../review/records-catalog.js';
import { sourceLinesFrom, valueSpotFrom } from '../../review/value-sources.js';
import { RECORD_STATES } from '../../store/record-state.js';
import type { RecordsStore, StoredRecord } from '../../store/records-store.js';
import { DESK_SCRIPT, DESK_STYLE } from './desk-assets.js';
import { DESK_SCRIPT_PATH, DESK_STYLE_PATH, esc, pageHtml } from './html.js';
import { listPageHtml, type DeskOutcome } from './list-page.js';
import { recordPageHtml, type AnomalySource } from './record-page.js';
import { recordsPageHtml } from './records-page.js';
import { sendHtml } from '../html-reply.js';

export interface ReviewDeskOptions {
  store: Pick<RecordsStore, 'get' | 'list' | 'listReviews' | 'folderOf'>;
  /** The service's data dir: archive/ and failed/ keep the source files; page-images/ is the desk's cache. */
  dataDir: string;
  /** A kept text file larger than this is not read for its lines. */
  maxFileBytes: number;
  /** Answers the records browser; defaults to the record files. */
  catalog?: RecordsCatalog;
  pageImages?: Partial<Omit<PageImagesOptions, 'cacheDir'>>;
}

// No inline script or style anywhere: a value that slipped past escaping still cannot run.
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
/** Formats whose provenance gives lines of the file itself. */
const LINE_FORMATS = new Set(['markdown', 'html', 'rtf']);
const PER_PAGE = 25;

/**
 * The review desk in the browser: GET /review lists records waiting for a
 * person, GET /review/records browses every record, GET /review/:id shows one
 * with the source of each flagged value. Decisions go through the JSON API
 * (POST /reviews/:id/…), so the desk adds no second way to change a record.
 * The desk reads no document: where a value came from is in the record's
 * provenance; the desk only draws PDF pages and images (in worker threads) and
 * reads lines of kept text files.
 */
export async function reviewDesk(app: FastifyInstance, options: ReviewDeskOptions): Promise<void> {
  const { store } = options;
  const kept = new KeptSources(options.dataDir);
  const catalog = options.catalog ?? catalogFromStore(store);
  const pageImages = new PageImages({
    ...DEFAULT_PAGE_IMAGES,
    ...options.pageImages,
    cacheDir: join(options.dataDir, 'page-images'),
  });
  app.addHook('onClose', async () => pageImages.close());

  app.get(DESK_SCRIPT_PATH, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(DESK_SCRIPT),
  );
  app.get(DESK_STYLE_PATH, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'no-cache').send(DESK_STYLE),
  );

  app.get<{ Querystring: { done?: string; file?: string } }>('/review', async (request, reply) => {
    const { done, file } = request.query;
    const outcome: DeskOutcome | null =
      done === 'approved' || done === 'rejected' ? { done, file: String(file ?? '').slice(0, 300) } : null;
    return sendPage(reply, 200, listPageHtml(await store.listReviews(), outcome));
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/review/records', async (request, reply) => {
    const { filter, page } = filterFromQuery(request.query);
    let found = await catalog.find(filter, page, PER_PAGE);
    // A page past the end (records went away meanwhile) shows the last one there is.
    const last = Math.max(1, Math.ceil(found.total / PER_PAGE));
    if (page > last) found = await catalog.find(filter, last, PER_PAGE);
    const known = Object.keys(ANOMALY_SEVERITY);
    const codes = [...known, ...new Set(found.rows.flatMap((r) => r.anomalyCodes).filter((c) => !known.includes(c)))];
    return sendPage(reply, 200, recordsPageHtml({ filter, found, codes, source: catalog.source }));
  });

  app.get<{ Params: { id: string } }>('/review/:id', async (request, reply) => {
    const id = request.params.id;
    const found = isRecordId(id) ? await store.get(id) : null;
    if (!found) {
      return sendPage(
        reply,
        404,
        pageHtml(
          'Not found',
          `<h1>No such record</h1><p>No record has the id <code>${esc(id)}</code>. <a href="/review">Back to the list</a></p>`,
          'record',
        ),
      );
    }
    const { record, place } = found;
    const { sources, note } = await anomalySources(record);
    const receivedAt =
      (await stat(join(store.folderOf(place), `${id}.json`)).catch(() => null))?.mtime.toISOString() ?? null;
    return sendPage(
      reply,
      200,
      recordPageHtml({ record, place, receivedAt, sources, sourceNote: note, user: request.user ?? null }),
    );
  });

  app.get<{ Params: { id: string; file: string } }>('/review/:id/pages/:file', async (request, reply) => {
    const { id, file } = request.params;
    const page = /^([1-9]\d{0,5})\.webp$/.exec(file)?.[1];
    const found = isRecordId(id) && page ? await store.get(id) : null;
    const notFound = (why: string) =>
      reply.code(404).header('cache-control', 'no-store').send({ error: 'NOT_FOUND', message: why });
    if (!found || !page) return notFound('no such record or page');
    const { source } = found.record;
    if (source.format !== 'pdf' && source.format !== 'image')
      return notFound(`a ${source.format} file has no pages to draw`);
    if (source.pages !== null && Number(page) > source.pages) return notFound(`the file has ${source.pages} page(s)`);
    if (source.bytes > options.maxFileBytes) return notFound('the file is larger than the service reads');
    const path = await kept.pathOf(source);
    if (!path) return notFound('the file is no longer kept in the archive or failed folders');
    try {
      const image = await pageImages.pagePath({ id, source: path, kind: source.format, page: Number(page) });
      return reply.type('image/webp').header('cache-control', 'private, max-age=86400').send(createReadStream(image));
    } catch (error) {
      if (error instanceof PageImagesBusyError)
        return reply.code(503).header('retry-after', '2').send({ error: 'UNAVAILABLE', message: error.message });
      const reason = messageOf(error).split('\n')[0];
      request.log.warn({ recordId: id, page: Number(page), reason }, 'page could not be drawn');
      return notFound(`the page could not be drawn: ${reason}`);
    }
  });

  /** Each anomaly's value located by provenance; for text formats, the kept file's lines around it. */
  async function anomalySources(record: StoredRecord): Promise<{ sources: AnomalySource[]; note: string | null }> {
    const spots = record.anomalies.map((a) => valueSpotFrom(record.provenance, a.path));
    const wantsLines = LINE_FORMATS.has(record.source.format) && spots.some((s) => s?.source.line !== undefined);
    let text: string | null = null;
    let note: string | null = null;
    if (wantsLines) {
      const path = record.source.bytes <= options.maxFileBytes ? await kept.pathOf(record.source) : null;
      const bytes = path ? await readFile(path).catch(() => null) : null;
      if (bytes) text = textFromBytes(bytes);
      else
        note = `The lines of ${record.source.fileName} cannot be shown: the file is no longer kept in ${join(options.dataDir, 'archive')}.`;
    }
    const sources = spots.map((spot) => ({
      spot,
      lines: text !== null && spot?.source.line !== undefined ? sourceLinesFrom(text, spot.source.line) : null,
    }));
    return { sources, note };
  }
}

/** The browser's query, with anything that is not a filter left out rather than refused: it comes from a form and from links. */
function filterFromQuery(query: Record<string, string | undefined>): { filter: CatalogFilter; page: number } {
  const text = (value: string | undefined) => (value && value.trim() !== '' ? value.trim().slice(0, 200) : undefined);
  const filter: CatalogFilter = {};
  const state = RECORD_STATES.find((s) => s === query.state);
  if (state) filter.state = state;
  const year = Number(query.year);
  if (query.year && Number.isInteger(year) && year > 0 && year < 10_000) filter.year = year;
  for (const key of ['country', 'code', 'file', 'id'] as const) {
    const value = text(query[key]);
    if (value !== undefined) filter[key] = value;
  }
  const page = Number(query.page);
  return { filter, page: Number.isInteger(page) && page >= 1 && page < 1_000_000 ? page : 1 };
}

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return sendHtml(reply, status, html, CSP);
}
