import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { catalogFromStore, type CatalogFilter } from '../review/records-catalog.js';
import { RECORD_STATES } from '../store/record-state.js';
import { RECORD_ID_PATTERN } from '../../record/record-id.js';
import type { RecordSummary } from '../store/records-store.js';
import type { AppDeps } from './app-deps.js';
import { HttpError } from './errors.js';
import { errnoCode, messageOf } from '../error-details.js';
import { saveUpload, type SavedUpload } from './save-upload.js';
import { safeFileNameFromClient, storedExtensionFromName } from './upload-file-name.js';

/** Room for multipart boundaries and part headers on top of the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** Job states in which a record is still to come. */
const PENDING_STATES: ReadonlySet<string> = new Set([
  'waiting',
  'active',
  'delayed',
  'prioritized',
  'waiting-children',
]);

/** The most records one GET /reports answer holds; more come with `page`. */
const MAX_PER_PAGE = 500;

export const ID_SCHEMA = { type: 'string', pattern: RECORD_ID_PATTERN } as const;

/** Upload intake and record lookup. */
export function registerReportsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { store, queue, intake } = deps;
  const maxBytes = deps.config.http.maxUploadBytes;
  const uploadsDir = join(deps.config.dirs.data, 'uploads');
  const tooLarge = () => new HttpError('FILE_TOO_LARGE', `upload is larger than ${maxBytes} bytes`);

  app.post<{ Querystring: { force?: string } }>(
    '/reports',
    {
      schema: { querystring: { type: 'object', properties: { force: { type: 'string', enum: ['true', 'false'] } } } },
      // Refuse an announced oversize body before a byte of it is read.
      onRequest: async (request: FastifyRequest) => {
        const announced = Number(request.headers['content-length']);
        if (Number.isFinite(announced) && announced > maxBytes + MULTIPART_OVERHEAD_BYTES) throw tooLarge();
      },
    },
    async (request, reply) => {
      let force = request.query.force === 'true';
      let upload: (SavedUpload & { fileName: string }) | null = null;
      const parts = request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 4, parts: 5 } });
      try {
        for await (const part of parts) {
          if (part.type === 'field') {
            if (part.fieldname === 'force') force = String(part.value) === 'true';
            continue;
          }
          const fileName = safeFileNameFromClient(part.filename);
          const saved = await saveUpload(
            part.file,
            uploadsDir,
            storedExtensionFromName(fileName),
            () => part.file.truncated,
          );
          if (!saved) throw tooLarge();
          upload = { ...saved, fileName };
        }
      } catch (error) {
        // Nothing of a refused request stays in uploads/.
        await upload?.discard();
        throw uploadReadError(error);
      }
      if (!upload) throw new HttpError('NO_FILE', 'the form has no file; send the report in a file field');
      await upload.keep();

      const job = await intake.submit({
        path: upload.path,
        fileName: upload.fileName,
        sha256: upload.sha256,
        source: 'upload',
        force,
      });
      request.log.info(
        {
          jobId: job.id,
          file: upload.fileName,
          bytes: upload.bytes,
          state: job.state,
          duplicate: job.duplicate,
          force,
        },
        'upload accepted',
      );
      return reply.code(202).send({ id: job.id, state: job.state });
    },
  );

  app.get<{ Params: { id: string } }>(
    '/reports/:id',
    { schema: { params: { type: 'object', properties: { id: ID_SCHEMA }, required: ['id'] } } },
    async (request, reply) => {
      const { id } = request.params;
      // The job first: a forced re-parse in progress outranks the record it will replace.
      const state = await queue.jobState(id);
      if (state && PENDING_STATES.has(state)) return reply.code(202).send({ id, state });
      const found = await store.get(id);
      if (found) return reply.code(200).header('x-record-place', found.place).send(found.record);
      if (state === 'failed') {
        const reason = await queue.failureReason(id);
        throw new HttpError('JOB_FAILED', `the parse job for ${id} failed: ${reason ?? 'no reason recorded'}`, {
          id,
          state,
        });
      }
      throw new HttpError('NOT_FOUND', `no record or job with id ${id}`);
    },
  );

  const catalog = deps.catalog ?? catalogFromStore(store);
  app.get<{ Querystring: Omit<CatalogFilter, 'year'> & { year?: string; page?: string; perPage?: string } }>(
    '/reports',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['ok', 'needs_review'] },
            place: { type: 'string', enum: ['outbox', 'review', 'rejected'] },
            state: { type: 'string', enum: [...RECORD_STATES] },
            country: { type: 'string', minLength: 1, maxLength: 200 },
            year: { type: 'string', pattern: '^[0-9]{1,4}$' },
            code: { type: 'string', minLength: 1, maxLength: 100 },
            file: { type: 'string', minLength: 1, maxLength: 300 },
            id: { type: 'string', pattern: '^[0-9a-f]{1,64}$' },
            // Query strings are not coerced (the app's ajv setting): numbers arrive as digits.
            page: { type: 'string', pattern: '^[1-9][0-9]{0,5}$' },
            perPage: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
          },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const { page, perPage, year, ...rest } = request.query;
      const filter: CatalogFilter = year === undefined ? rest : { ...rest, year: Number(year) };
      const found = await catalog.find(
        filter,
        Number(page ?? 1),
        Math.min(MAX_PER_PAGE, Number(perPage ?? MAX_PER_PAGE)),
      );
      return {
        count: found.rows.length,
        total: found.total,
        page: found.page,
        perPage: found.perPage,
        reports: found.rows.map(listItemFromSummary),
      };
    },
  );
}

/**
 * An error while reading the multipart body: the parser's own (a body cut off
 * before its closing boundary, a malformed part) is the client's doing, a 400;
 * a system error (disk full) stays the server's.
 */
function uploadReadError(error: unknown): unknown {
  if (error instanceof HttpError) return error;
  const has = (key: string) => error instanceof Error && key in error;
  if (errnoCode(error) !== undefined || has('code') || has('statusCode')) return error;
  return new HttpError('INVALID_REQUEST', `the multipart body could not be read: ${messageOf(error)}`);
}

/** What a list shows per record: enough to pick one, not the record itself. */
export function listItemFromSummary(summary: RecordSummary) {
  return {
    id: summary.id,
    place: summary.place,
    status: summary.status,
    state: summary.state,
    fileName: summary.fileName,
    format: summary.format,
    title: summary.title,
    country: summary.country,
    years: summary.years,
    date: summary.date,
    anomalyCodes: summary.anomalyCodes,
    problem: summary.problem,
    updatedAt: summary.updatedAt,
  };
}
