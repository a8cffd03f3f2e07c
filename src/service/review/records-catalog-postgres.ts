import pg from 'pg';
import type { Logger } from 'pino';
import type { StoredRecord } from '../store/records-store.js';
import { summaryFromRecord, type RecordsStore, type RecordSummary } from '../store/records-store.js';
import { messageOf } from '../error-details.js';
import { summaryMatches, type CatalogFilter, type CatalogPage, type RecordsCatalog } from './records-catalog.js';

/** Deepest row a page may reach: each page merges the newest rows of both sources up to its end. */
const MAX_DEPTH = 20_000;

/**
 * The records browser with PostgreSQL configured: released records (ok and
 * approved, the ones that pile up) are queried in the database the PostgreSQL
 * sink fills; records still in the service's hands (held, failed, rejected)
 * only exist as files and come from there. Both are merged newest first.
 * A released record shows up once its delivery reached the database. When the
 * database does not answer, the files answer for everything and say so.
 */
export function catalogFromPostgres(pool: pg.Pool, store: Pick<RecordsStore, 'list'>, log?: Logger): RecordsCatalog {
  const catalog = {
    source: 'postgresql',
    async find(filter: CatalogFilter, page: number, perPage: number): Promise<CatalogPage> {
      const depth = Math.min(MAX_DEPTH, page * perPage);
      const wantsReleased = !filter.state || filter.state === 'ok' || filter.state === 'approved';
      const wantsHeld =
        !filter.state || filter.state === 'held' || filter.state === 'failed' || filter.state === 'rejected';
      let released: { total: number; rows: RecordSummary[] };
      let inHand: RecordSummary[];
      try {
        released =
          wantsReleased && filter.place !== 'review' && filter.place !== 'rejected'
            ? await releasedFromDatabase(pool, filter, depth)
            : { total: 0, rows: [] };
        inHand =
          wantsHeld && filter.place !== 'outbox'
            ? (await store.list()).filter((s) => s.place !== 'outbox' && summaryMatches(s, filter))
            : [];
        catalog.source = 'postgresql';
      } catch (error) {
        log?.warn({ reason: messageOf(error) }, 'records browser: PostgreSQL did not answer; listing the record files');
        catalog.source = 'files';
        const all = (await store.list()).filter((s) => summaryMatches(s, filter));
        return { total: all.length, page, perPage, rows: all.slice((page - 1) * perPage, page * perPage) };
      }
      const merged = [...released.rows, ...inHand].sort(
        (a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id),
      );
      return {
        total: released.total + inHand.length,
        page,
        perPage,
        rows: merged.slice((page - 1) * perPage, page * perPage),
      };
    },
  };
  return catalog;
}

/** The filter as SQL over report_records, the same rules as summaryMatches. */
async function releasedFromDatabase(
  pool: pg.Pool,
  filter: CatalogFilter,
  limit: number,
): Promise<{ total: number; rows: RecordSummary[] }> {
  const where: string[] = [];
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const state = "(CASE WHEN record->'review'->>'state' = 'approved' THEN 'approved' ELSE 'ok' END)";
  if (filter.state) where.push(`${state} = ${param(filter.state)}`);
  if (filter.status) where.push(`status = ${param(filter.status)}`);
  if (filter.country) {
    const country = filter.country.trim();
    where.push(
      `(record->'report'->'country'->>'name' ILIKE ${param(`%${likeEscaped(country)}%`)} OR upper(${param(country)}) IN (record->'report'->'country'->>'iso2', record->'report'->'country'->>'iso3'))`,
    );
  }
  if (filter.year !== undefined)
    where.push(
      `jsonb_path_exists(record, '$.scoreTables[*].rows[*].year ? (@ == $y)', jsonb_build_object('y', ${param(filter.year)}::int))`,
    );
  if (filter.code)
    where.push(
      `record->'anomalies' @> jsonb_build_array(jsonb_build_object('code', ${param(filter.code.trim().toUpperCase())}::text))`,
    );
  if (filter.file) where.push(`record->'source'->>'fileName' ILIKE ${param(`%${likeEscaped(filter.file.trim())}%`)}`);
  if (filter.id) where.push(`id LIKE ${param(`${likeEscaped(filter.id.trim().toLowerCase())}%`)}`);
  const result = await pool.query<{ record: StoredRecord; updated_at: Date; total: string }>(
    `SELECT record, updated_at, count(*) OVER () AS total FROM report_records
     ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY updated_at DESC, id LIMIT ${param(limit)}`,
    values,
  );
  return {
    total: Number(result.rows[0]?.total ?? 0),
    rows: result.rows.map((row) => summaryFromRecord(row.record, 'outbox', row.updated_at)),
  };
}

function likeEscaped(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The records browser on the database at `url`, with a small pool of its own (the sink's is busy delivering). */
export async function catalogOnDatabase(
  url: string,
  store: Pick<RecordsStore, 'list'>,
  log: Logger,
): Promise<{ catalog: RecordsCatalog; close(): Promise<void> }> {
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 3000 });
  // An idle connection dropped by the server emits here; unhandled, it would end the process.
  pool.on('error', (error) => log.warn({ reason: error.message }, 'records browser: idle PostgreSQL connection lost'));
  return { catalog: catalogFromPostgres(pool, store, log), close: () => pool.end() };
}
