import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Metrics } from '../metrics.js';
import type { ParseQueue } from '../queue/bullmq-adapter.js';
import type { IntakeSource, JobState } from '../queue/jobs.js';
import type { Place, RecordsStore } from '../store/records-store.js';
import { moveIntoFolder, sha256OfFile } from './file-moves.js';

export interface IntakeRequest {
  path: string;
  fileName: string;
  source: IntakeSource;
  /** Known already (e.g. hashed while uploading); computed from the file otherwise. */
  sha256?: string;
  /** Parse again even when a record for this content exists. */
  force?: boolean;
}

export interface IntakeResult {
  id: string;
  /** The job's state; 'completed' without a job when an existing record made parsing unnecessary. */
  state: JobState | 'completed';
  /** True when this content was already queued or has a record; a second copy of it is moved to archive/. */
  duplicate: boolean;
  /** Where the record is, when one exists already. */
  place: Place | null;
}

/**
 * One way in for every source (inbox folder, upload): hash the file, skip it when
 * its content already has a record or a queued job, else queue it. From here on
 * the pipeline owns the file: a worker moves it to archive/ or failed/, and a
 * duplicate is moved to archive/ right away, so nothing is left behind in intake.
 */
export class Intake {
  constructor(
    private readonly deps: {
      queue: Pick<ParseQueue, 'enqueueFile'>;
      store: Pick<RecordsStore, 'get'>;
      dataDir: string;
      logger: Logger;
      /** Counts each file that enters the pipeline, by source; copies of known content are not counted. */
      metrics?: Pick<Metrics, 'fileReceived'>;
    },
  ) {}

  async submit(request: IntakeRequest): Promise<IntakeResult> {
    const { queue, store, logger } = this.deps;
    const id = request.sha256 ?? (await sha256OfFile(request.path));
    const log = logger.child({ jobId: id, file: request.fileName, source: request.source });
    const existing = await store.get(id);
    if (existing && !request.force) {
      await this.archiveCopy(request, id);
      log.info({ place: existing.place }, 'already has a record, not parsed again');
      return { id, state: 'completed', duplicate: true, place: existing.place };
    }
    // No record yet (or forced): a finished job with this id is stale, so it is replaced.
    const queued = await queue.enqueueFile({
      path: request.path,
      fileName: request.fileName,
      sha256: id,
      source: request.source,
      force: true,
    });
    if (queued.jobPath !== request.path) {
      await this.archiveCopy(request, id);
      log.info({ state: queued.state }, 'same content already queued, not queued again');
      return { id, state: queued.state ?? 'waiting', duplicate: true, place: existing?.place ?? null };
    }
    log.info({ state: queued.state, existed: queued.existed }, 'queued');
    if (!queued.existed) this.deps.metrics?.fileReceived(request.source);
    return { id, state: queued.state ?? 'waiting', duplicate: queued.existed, place: existing?.place ?? null };
  }

  private async archiveCopy(request: IntakeRequest, id: string): Promise<void> {
    await moveIntoFolder(request.path, join(this.deps.dataDir, 'archive'), request.fileName, id);
  }
}

export { sha256OfFile } from './file-moves.js';
