import { createReadStream } from 'node:fs';
import { access, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import type { ReleasedRecord } from '../../dataset/released-record.js';
import type { ReportRecord } from '../../record/types.js';
import type { ServiceConfig } from '../config.js';

/** Where released records are read from: enough to open the same source again in another thread. */
export type ReleasedSourceSpec =
  | { kind: 'postgres'; databaseUrl: string }
  | { kind: 'files'; outbox: string; data: string; recordsJsonl: string | null };

export interface ReleasedLoad {
  records: ReleasedRecord[];
  /** Lines or files that could not be read as records (a torn line, a stray file). */
  unreadable: number;
}

export interface ReleasedRecordsSource {
  readonly spec: ReleasedSourceSpec;
  /** Says where the records come from, for logs and messages (never a password). */
  readonly description: string;
  load(): Promise<ReleasedLoad>;
  close(): Promise<void>;
}

/** The source could not be read (database down, table missing): the caller says so, nothing else is wrong. */
export class ReleasedSourceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReleasedSourceError';
  }
}

const ID_FILE = /^[0-9a-f]{64}\.json$/;
/** Files read at once from the outbox: enough to keep the disk busy, few enough not to run out of descriptors. */
const READ_AHEAD = 32;

/** The sinks' own record of what was released: PostgreSQL when configured, else the outbox and records.jsonl. */
export function releasedSpecFromConfig(config: Pick<ServiceConfig, 'dirs' | 'sinks'>): ReleasedSourceSpec {
  return config.sinks.databaseUrl
    ? { kind: 'postgres', databaseUrl: config.sinks.databaseUrl }
    : { kind: 'files', outbox: config.dirs.outbox, data: config.dirs.data, recordsJsonl: config.sinks.recordsJsonl };
}

export function releasedRecordsSource(spec: ReleasedSourceSpec): ReleasedRecordsSource {
  return spec.kind === 'postgres' ? postgresSource(spec) : filesSource(spec);
}

/**
 * The outbox holds each released record's current revision (its file's time is the
 * release); records.jsonl adds records no longer in the outbox, unless they are now
 * held for review or rejected (parsed again since).
 */
function filesSource(spec: Extract<ReleasedSourceSpec, { kind: 'files' }>): ReleasedRecordsSource {
  return {
    spec,
    description: spec.recordsJsonl ? `${spec.outbox} and ${spec.recordsJsonl}` : spec.outbox,
    async load() {
      let unreadable = 0;
      const byId = new Map<string, ReleasedRecord>();
      const names = (await readdir(spec.outbox).catch(absentAsEmpty)).filter((n) => ID_FILE.test(n));
      for (let i = 0; i < names.length; i += READ_AHEAD) {
        const batch = await Promise.all(
          names.slice(i, i + READ_AHEAD).map((name) => releasedFromFile(join(spec.outbox, name))),
        );
        for (const item of batch) {
          if (item === 'unreadable') unreadable++;
          else if (item) byId.set(item.record.id, item);
        }
      }
      if (spec.recordsJsonl) {
        for (const [id, record] of await lastLinePerId(spec.recordsJsonl, () => unreadable++)) {
          if (byId.has(id) || (await heldOrRejected(spec.data, id))) continue;
          byId.set(id, { record, releasedAt: reviewedAt(record) });
        }
      }
      return { records: [...byId.values()], unreadable };
    },
    async close() {},
  };
}

async function releasedFromFile(path: string): Promise<ReleasedRecord | 'unreadable' | null> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    const record: unknown = JSON.parse(text);
    if (!isReleasedRecord(record)) return 'unreadable';
    return { record, releasedAt: info.mtime.toISOString() };
  } catch (error) {
    // Moved away between listing and reading (a re-parse): not released any more.
    if (codeOf(error) === 'ENOENT') return null;
    if (error instanceof SyntaxError) return 'unreadable';
    throw error;
  }
}

async function lastLinePerId(path: string, onUnreadable: () => void): Promise<Map<string, ReportRecord>> {
  const last = new Map<string, ReportRecord>();
  try {
    await access(path);
  } catch {
    return last;
  }
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    try {
      const record: unknown = JSON.parse(line);
      if (isReleasedRecord(record)) last.set(record.id, record);
      else onUnreadable();
    } catch {
      onUnreadable();
    }
  }
  return last;
}

async function heldOrRejected(data: string, id: string): Promise<boolean> {
  for (const place of ['review', 'rejected']) {
    try {
      await access(join(data, place, `${id}.json`));
      return true;
    } catch {
      // not there
    }
  }
  return false;
}

/** When a reviewer approved the record: the release time of a record that is only in records.jsonl. */
function reviewedAt(record: object): string | null {
  if (!('review' in record) || typeof record.review !== 'object' || record.review === null) return null;
  return 'at' in record.review && typeof record.review.at === 'string' ? record.review.at : null;
}

/** Enough of a released record for the index; the sinks only ever hold records that met the contract. */
function isReleasedRecord(value: unknown): value is ReportRecord {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    typeof value.id === 'string' &&
    'status' in value &&
    value.status === 'ok' &&
    'scoreTables' in value &&
    Array.isArray(value.scoreTables) &&
    'report' in value &&
    typeof value.report === 'object' &&
    value.report !== null &&
    'source' in value &&
    typeof value.source === 'object' &&
    value.source !== null
  );
}

function absentAsEmpty(error: unknown): string[] {
  if (codeOf(error) === 'ENOENT') return [];
  throw error;
}

/** The `code` of a Node system error or a PostgreSQL error (ENOENT, 42P01 …). */
function codeOf(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * The database sink's table: one row per record id, its latest released revision,
 * `updated_at` its release. The development lists are left in the database: the
 * index never reads them.
 */
function postgresSource(spec: Extract<ReleasedSourceSpec, { kind: 'postgres' }>): ReleasedRecordsSource {
  let pool: pg.Pool | null = null;
  const url = new URL(spec.databaseUrl);
  return {
    spec,
    description: `PostgreSQL ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`,
    async load() {
      if (!pool) {
        pool = new pg.Pool({ connectionString: spec.databaseUrl, max: 2, connectionTimeoutMillis: 5000 });
        // An idle client that loses its server must not crash the process; the next query reports it.
        pool.on('error', () => undefined);
      }
      let rows: Array<{ record: unknown; updated_at: Date | null }>;
      try {
        ({ rows } = await pool.query<{ record: unknown; updated_at: Date | null }>(
          `SELECT record - 'developmentLists' AS record, updated_at FROM report_records WHERE status = 'ok' ORDER BY id`,
        ));
      } catch (error) {
        throw new ReleasedSourceError(
          codeOf(error) === '42P01'
            ? 'the database has no report_records table yet: run `reportflow migrate`'
            : `the database cannot be read: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      const records: ReleasedRecord[] = [];
      let unreadable = 0;
      for (const row of rows) {
        const { record } = row;
        // The lists were left in the database; the record keeps its shape with none.
        if (isReleasedRecord(record))
          records.push({
            record: { ...record, developmentLists: [] },
            releasedAt: row.updated_at?.toISOString() ?? null,
          });
        else unreadable++;
      }
      return { records, unreadable };
    },
    async close() {
      await pool?.end();
      pool = null;
    },
  };
}
