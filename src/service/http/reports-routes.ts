import { join } from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RECORD_ID_PATTERN } from '../../record/record-id.js';
import type { RecordSummary } from '../store/records-store.js';
import type { AppDeps } from './app-deps.js';
import { HttpError } from './errors.js';
import { saveUpload } from './save-upload.js';
import { safeFileNameFromClient, storedExtensionFromName } from './upload-file-name.js';

/** Room for multipart boundaries and part headers on top of the file itself. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
/** Job states in which a record is still to come. */
const PENDING_STATES: ReadonlySet<string> = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

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
      let upload: { path: string; sha256: string; bytes: number; fileName: string } | null = null;
      const parts = request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 4, parts: 5 } });
      for await (const part of parts) {
        if (part.type === 'field') {
          if (part.fieldname === 'force') force = String(part.value) === 'true';
          continue;
        }
        const fileName = safeFileNameFromClient(part.filename);
        const saved = await saveUpload(part.file, uploadsDir, storedExtensionFromName(fileName), () => part.file.truncated);
        if (!saved) throw tooLarge();
        upload = { ...saved, fileName };
      }
      if (!upload) throw new HttpError('NO_FILE', 'the form has no file; send the report in a file field');

      const job = await intake.submit({ path: upload.path, fileName: upload.fileName, sha256: upload.sha256, source: 'upload', force });
      request.log.info({ jobId: job.id, file: upload.fileName, bytes: upload.bytes, state: job.state, duplicate: job.duplicate, force }, 'upload accepted');
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
        throw new HttpError('JOB_FAILED', `the parse job for ${id} failed: ${reason ?? 'no reason recorded'}`, { id, state });
      }
      throw new HttpError('NOT_FOUND', `no record or job with id ${id}`);
    },
  );

  app.get<{ Querystring: { status?: 'ok' | 'needs_review'; place?: 'outbox' | 'review' | 'rejected' } }>(
    '/reports',
    {
      schema: {
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['ok', 'needs_review'] },
            place: { type: 'string', enum: ['outbox', 'review', 'rejected'] },
          },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const reports = (await store.list(request.query)).map(listItemFromSummary);
      return { count: reports.length, reports };
    },
  );
}

/** What a list shows per record: enough to pick one, not the record itself. */
export function listItemFromSummary(summary: RecordSummary) {
  return {
    id: summary.id,
    place: summary.place,
    status: summary.status,
    fileName: summary.fileName,
    format: summary.format,
    title: summary.title,
    country: summary.country,
    date: summary.date,
    anomalyCodes: summary.anomalyCodes,
    updatedAt: summary.updatedAt,
  };
}
