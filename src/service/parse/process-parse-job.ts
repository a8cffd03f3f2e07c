import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isRecordId } from '../../record/record-id.js';
import type { ReportRecord } from '../../record/types.js';
import { moveIntoFolder, moveToFailed } from '../intake/file-moves.js';
import { PermanentJobError, type ParseJobData, type ParseJobResult } from '../queue/jobs.js';
import type { Place, RecordsStore } from '../store/records-store.js';
import { errnoCode } from '../error-details.js';

export interface ProcessDeps {
  store: Pick<RecordsStore, 'save' | 'get'>;
  parse: (bytes: Uint8Array, fileName: string) => Promise<ReportRecord>;
  /** Holds archive/ and failed/. */
  dataDir: string;
}

/**
 * One parse job, start to end: read the file, parse it, save the record, move
 * the file out of intake. Every step is safe to repeat, so a retry or a stalled
 * job picked up by another worker ends in the same state.
 *
 * What throws is transient (I/O on the file or the store) and is retried by the
 * queue. A file that cannot be parsed does not throw: it becomes an error record,
 * held for review, and the file goes to failed/ with a reason file.
 */
export async function processParseJob(data: ParseJobData, deps: ProcessDeps): Promise<ParseJobResult> {
  const started = performance.now();
  if (typeof data?.path !== 'string' || typeof data.fileName !== 'string' || !isRecordId(data.id)) {
    throw new PermanentJobError('malformed parse job: expected { id, path, fileName, sha256, source }');
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(data.path);
  } catch (error) {
    if (errnoCode(error) === 'EISDIR') throw new PermanentJobError(`${data.path} is a folder, not a file`);
    // An earlier attempt may have finished everything but reporting back.
    const done = errnoCode(error) === 'ENOENT' ? await deps.store.get(data.id) : null;
    if (!done) throw error;
    return resultFrom(done.record, done.place, null, started);
  }

  const record = await deps.parse(bytes, data.fileName);
  const { place } = await deps.store.save(record);
  const errors = record.anomalies.filter((a) => a.severity === 'error');
  const movedTo =
    errors.length > 0
      ? await moveToFailed(data.path, join(deps.dataDir, 'failed'), data.fileName, record.id, reasonText(data, record))
      : await moveIntoFolder(data.path, join(deps.dataDir, 'archive'), data.fileName, record.id);
  return resultFrom(record, place, movedTo, started);
}

function reasonText(data: ParseJobData, record: ReportRecord): string {
  return [
    `file: ${data.fileName}`,
    `record: ${record.id} (held for review)`,
    ...record.anomalies.filter((a) => a.severity === 'error').map((a) => `${a.code}: ${a.message}`),
  ].join('\n');
}

function resultFrom(record: ReportRecord, place: Place, movedTo: string | null, started: number): ParseJobResult {
  return {
    id: record.id,
    place,
    status: record.status,
    format: record.source.format,
    anomalyCodes: record.anomalies.map((a) => a.code),
    movedTo,
    durationMs: Math.round(performance.now() - started),
  };
}
