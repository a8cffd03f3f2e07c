import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { withDerivedFields } from '../../core/derived-fields.js';
import type { ExtractOptions } from '../../core/options.js';
import { weightsForRecord } from '../../core/profile-choice.js';
import { defaultExtractOptions } from '../../profiles/load-profiles.js';
import { correctionValueProblem, isCorrectablePath } from '../../record/correctable-paths.js';
import { isRecordId } from '../../record/record-id.js';
import { contractErrors } from '../../record/validate-record.js';
import type { ReportRecord, Status } from '../../record/types.js';
import { PointerError, setAtPointer, tokensFromPointer, valueAtPointer } from '../review/json-pointer.js';
import { revisionFromRecord } from '../delivery/release-revision.js';
import { PendingReleases, syncDir } from './pending-releases.js';
import { LockBusyError, withRecordLock } from './record-lock.js';
import { recordStateFrom, type Place, type RecordState } from './record-state.js';
import { CorrectionError, DecisionUnderWayError, NotUnderReviewError, RecordNotFoundError } from './store-errors.js';
import { errnoCode } from '../error-details.js';

export { CorrectionError, DecisionUnderWayError, NotUnderReviewError, RecordNotFoundError } from './store-errors.js';

export type { Place, RecordState } from './record-state.js';

export interface Correction {
  /** JSON Pointer into the record, e.g. "/scoreTables/0/rows/1/reportedTotal". */
  path: string;
  value: unknown;
}

/**
 * The audit trail a person's decision leaves on the record, as an extra top-level
 * `review` member (the contract's schema allows extra members, so records stay valid).
 */
export interface ReviewTrail {
  state: 'approved' | 'rejected';
  reviewer: string | null;
  /** ISO 8601 time of the decision. */
  at: string;
  note: string | null;
  /** Each applied correction with the value it replaced (null for a member that did not exist). */
  corrections: Array<{ path: string; from: unknown; to: unknown }>;
}

/** A stored record: the contract record plus, once reviewed, its audit trail. */
export type StoredRecord = ReportRecord & { review?: ReviewTrail };

export interface RecordSummary {
  id: string;
  place: Place;
  status: Status;
  /** ok, held, failed (unreadable file), approved or rejected. */
  state: RecordState;
  fileName: string;
  format: ReportRecord['source']['format'];
  title: string | null;
  country: string | null;
  /** ISO 3166 alpha-2 and alpha-3 codes of the country, when recognised. */
  countryCodes: string[];
  /** The years of the score tables' rows, ascending, each once. */
  years: number[];
  /** The report's date (ISO 8601), null when it has none. */
  date: string | null;
  anomalyCodes: string[];
  /** Why the file could not be read (the first error anomaly's message), null when it was read. */
  problem: string | null;
  /** Last write of the stored file, ISO 8601. */
  updatedAt: string;
}

export interface StoreDirs {
  /** Released records: `<outbox>/<id>.json`. */
  outbox: string;
  /** Holds `review/` and `rejected/`. */
  data: string;
}

/** Record files looked at together when listing. */
const LIST_BATCH = 32;

/**
 * Records on the filesystem. Every write is a temp file in the target folder plus
 * a rename, so a reader (or a crash) never sees half a record. A record lives in
 * exactly one place; while a move is under way it may briefly be in two, and
 * `get` then prefers the outbox, then review, then rejected.
 *
 * Approval sets `status: 'ok'`: the record is released because a person vouched
 * for it. Its anomalies stay, so consumers still see what was flagged, and
 * `review` says who approved it, when, and what they corrected.
 */
export class RecordsStore {
  private readonly folders: Record<Place, string>;
  private readonly extract: ExtractOptions;
  private readonly locks: string;
  /** Releases begun but not yet handed to the delivery queue; see PendingReleases. */
  readonly pendingReleases: PendingReleases;
  /** Summaries of record files by path, with the file version they were made from. */
  private readonly summaries = new Map<string, { version: string; summary: RecordSummary }>();

  /** `extract` gives the weights that recompute totals after a reviewer corrects answers; use the parser's. */
  constructor(dirs: StoreDirs, options: { extract?: ExtractOptions } = {}) {
    this.extract = options.extract ?? defaultExtractOptions();
    this.folders = {
      outbox: dirs.outbox,
      review: join(dirs.data, 'review'),
      rejected: join(dirs.data, 'rejected'),
    };
    this.locks = join(dirs.data, 'locks');
    this.pendingReleases = new PendingReleases(join(dirs.data, 'pending-release'));
  }

  /** Creates the folders; idempotent. */
  async init(): Promise<void> {
    await Promise.all(Object.values(this.folders).map((d) => mkdir(d, { recursive: true })));
  }

  folderOf(place: Place): string {
    return this.folders[place];
  }

  /**
   * Writes a freshly parsed record: to the outbox when `status === 'ok'`, else to
   * review. A copy of the same id elsewhere (an earlier parse) is removed afterwards.
   */
  async save(record: ReportRecord): Promise<{ place: Place; path: string }> {
    assertId(record.id);
    const place: Place = record.status === 'ok' ? 'outbox' : 'review';
    if (place === 'outbox') await this.pendingReleases.mark(record.id, revisionFromRecord(record));
    const path = await this.write(place, record);
    await this.removeExcept(record.id, place);
    return { place, path };
  }

  async get(id: string): Promise<{ record: StoredRecord; place: Place } | null> {
    if (!isRecordId(id)) return null;
    for (const place of ['outbox', 'review', 'rejected'] as const) {
      const record = await this.read(place, id);
      if (record) return { record, place };
    }
    return null;
  }

  /** Summaries, newest first; filters combine. */
  async list(filter: { status?: Status; place?: Place } = {}): Promise<RecordSummary[]> {
    const places: Place[] = filter.place ? [filter.place] : ['outbox', 'review', 'rejected'];
    const seen = new Set<string>();
    const out: RecordSummary[] = [];
    for (const place of places) {
      const ids = await this.idsIn(place);
      // A few files at a time: the browser lists every record, and each is a stat and maybe a read.
      for (let at = 0; at < ids.length; at += LIST_BATCH) {
        const batch = ids.slice(at, at + LIST_BATCH).filter((id) => !seen.has(id));
        const summaries = await Promise.all(batch.map((id) => this.summaryOf(place, id)));
        for (const summary of summaries) {
          if (!summary || seen.has(summary.id)) continue;
          seen.add(summary.id);
          if (filter.status && summary.status !== filter.status) continue;
          out.push(summary);
        }
      }
    }
    return out.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  }

  /**
   * A stored record's summary, read again only when its file changed: every write
   * is a rename onto the name, so a new inode, size or time means new content.
   */
  private async summaryOf(place: Place, id: string): Promise<RecordSummary | null> {
    const file = join(this.folders[place], `${id}.json`);
    const info = await stat(file).catch(() => null);
    if (!info) {
      this.summaries.delete(file);
      return null;
    }
    const version = `${info.ino}:${info.size}:${info.mtimeMs}`;
    const known = this.summaries.get(file);
    if (known?.version === version) return known.summary;
    const record = await this.read(place, id);
    if (!record) return null;
    const summary = summaryFromRecord(record, place, info.mtime);
    this.summaries.set(file, { version, summary });
    return summary;
  }

  /** Records waiting for a person, newest first. */
  listReviews(): Promise<RecordSummary[]> {
    return this.list({ place: 'review' });
  }

  /**
   * Releases a held record to the outbox, after applying corrections. Refuses
   * (CorrectionError) corrections to protected or missing paths and any result
   * that breaks the contract; nothing is written then.
   */
  async approve(
    id: string,
    decision: { corrections?: Correction[]; reviewer?: string; note?: string } = {},
  ): Promise<StoredRecord> {
    return this.deciding(id, async () => {
      const record = await this.heldRecord(id);
      const edited = structuredClone(record);
      const applied = applyCorrections(edited, decision.corrections ?? []);
      // Computed totals and changes follow corrected answers; the corrections themselves are the audit trail.
      const corrected = withDerivedFields(edited, weightsForRecord(edited, this.extract));
      corrected.status = 'ok';
      corrected.review = {
        state: 'approved',
        reviewer: decision.reviewer ?? null,
        at: new Date().toISOString(),
        note: decision.note ?? null,
        corrections: applied,
      };
      // Checked as it will be written: JSON has no Infinity, and what does not survive the trip is not what the reviewer meant.
      const problems = contractErrors(JSON.parse(JSON.stringify(corrected)));
      if (problems.length > 0)
        throw new CorrectionError(problems.map((p) => `the corrected record breaks the contract: ${p}`));
      // Marked before it lands in the outbox: from then on a crash cannot lose its delivery.
      await this.pendingReleases.mark(id, revisionFromRecord(corrected));
      await this.write('outbox', corrected);
      await this.removeExcept(id, 'outbox');
      return corrected;
    });
  }

  /** Sets a held record aside in `rejected/`; its status stays needs_review. */
  async reject(id: string, decision: { reason?: string; reviewer?: string } = {}): Promise<StoredRecord> {
    return this.deciding(id, async () => {
      const record = await this.heldRecord(id);
      const rejected: StoredRecord = {
        ...record,
        review: {
          state: 'rejected',
          reviewer: decision.reviewer ?? null,
          at: new Date().toISOString(),
          note: decision.reason ?? null,
          corrections: [],
        },
      };
      await this.write('rejected', rejected);
      await this.removeExcept(id, 'rejected');
      return rejected;
    });
  }

  /**
   * One decision per record: the decision holds the record's lock from reading it
   * in review/ to removing it from there, so of two decisions at once the second
   * either finds the lock taken or the record gone, and fails without writing.
   */
  private async deciding<T>(id: string, decide: () => Promise<T>): Promise<T> {
    if (!isRecordId(id)) throw new RecordNotFoundError(id);
    try {
      return await withRecordLock(this.locks, id, decide);
    } catch (error) {
      if (error instanceof LockBusyError) throw new DecisionUnderWayError(id);
      throw error;
    }
  }

  private async heldRecord(id: string): Promise<StoredRecord> {
    const found = await this.get(id);
    if (!found) throw new RecordNotFoundError(id);
    if (found.place !== 'review') throw new NotUnderReviewError(id, found.place);
    return found.record;
  }

  private async write(place: Place, record: StoredRecord): Promise<string> {
    const dir = this.folders[place];
    await mkdir(dir, { recursive: true });
    const target = join(dir, `${record.id}.json`);
    // Hidden temp name in the same folder: rename is atomic only within one filesystem.
    const temp = join(dir, `.${record.id}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(JSON.stringify(record, null, 2) + '\n');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, target);
    } catch (error) {
      await unlink(temp).catch(() => {});
      throw error;
    }
    // The rename itself must survive a power cut before anything that depends on it (a release) follows.
    await syncDir(dir);
    return target;
  }

  private async read(place: Place, id: string): Promise<StoredRecord | null> {
    try {
      // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- a file this store wrote itself (write() above)
      return JSON.parse(await readFile(join(this.folders[place], `${id}.json`), 'utf8')) as StoredRecord;
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return null;
      throw error;
    }
  }

  private async removeExcept(id: string, keep: Place): Promise<void> {
    for (const place of ['outbox', 'review', 'rejected'] as const) {
      if (place === keep) continue;
      const removed = await unlink(join(this.folders[place], `${id}.json`)).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
          return false;
        },
      );
      if (removed) await syncDir(this.folders[place]);
    }
  }

  private async idsIn(place: Place): Promise<string[]> {
    const names = await readdir(this.folders[place]).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    return names.filter((n) => n.endsWith('.json') && isRecordId(n.slice(0, -5))).map((n) => n.slice(0, -5));
  }
}

/**
 * The store a service process uses: the configured folders, and the configured
 * weights, so totals recomputed after a correction match the parser's.
 */
export function recordsStoreFromConfig(config: { dirs: StoreDirs; extract: ExtractOptions }): RecordsStore {
  return new RecordsStore(config.dirs, { extract: config.extract });
}

function applyCorrections(record: StoredRecord, corrections: Correction[]): ReviewTrail['corrections'] {
  const problems: string[] = [];
  const applied: ReviewTrail['corrections'] = [];
  if (!Array.isArray(corrections)) throw new CorrectionError(['corrections must be an array']);
  for (const [i, correction] of corrections.entries()) {
    const where = `corrections[${i}]`;
    if (typeof correction?.path !== 'string') {
      problems.push(`${where}: path must be a JSON Pointer string`);
      continue;
    }
    if (!('value' in correction) || correction.value === undefined) {
      problems.push(`${where} (${correction.path}): value is missing`);
      continue;
    }
    try {
      const tokens = tokensFromPointer(correction.path);
      if (!isCorrectablePath(tokens)) {
        problems.push(
          `${where} (${correction.path}): only values read from the report can be corrected, and this is not one`,
        );
        continue;
      }
      const from = valueAtPointer(record, correction.path);
      if (from === undefined) {
        problems.push(`${where} (${correction.path}): the record has no value here to correct`);
        continue;
      }
      const valueProblem = correctionValueProblem(tokens, correction.value);
      if (valueProblem) {
        problems.push(`${where} (${correction.path}): ${valueProblem}`);
        continue;
      }
      setAtPointer(record, correction.path, structuredClone(correction.value));
      applied.push({ path: correction.path, from: from === undefined ? null : from, to: correction.value });
    } catch (error) {
      if (!(error instanceof PointerError)) throw error;
      problems.push(`${where}: ${error.message}`);
    }
  }
  if (problems.length > 0) throw new CorrectionError(problems);
  return applied;
}

export function summaryFromRecord(record: StoredRecord, place: Place, mtime: Date): RecordSummary {
  return {
    id: record.id,
    place,
    status: record.status,
    state: recordStateFrom(record, place),
    fileName: record.source?.fileName ?? '',
    format: record.source?.format ?? 'unknown',
    title: record.report?.title ?? null,
    country: record.report?.country?.name ?? null,
    countryCodes: [record.report?.country?.iso2, record.report?.country?.iso3].filter(
      (c): c is string => typeof c === 'string',
    ),
    years: [...new Set((record.scoreTables ?? []).flatMap((t) => t.rows.map((r) => r.year)))].sort((a, b) => a - b),
    date: record.report?.date ?? null,
    anomalyCodes: (record.anomalies ?? []).map((a) => a.code),
    problem: (record.anomalies ?? []).find((a) => a.severity === 'error')?.message ?? null,
    updatedAt: mtime.toISOString(),
  };
}

function assertId(id: string): void {
  if (!isRecordId(id)) throw new Error(`record id must be a sha256 hex string, got "${id}"`);
}
