import type pg from 'pg';
import type { ReportRecord } from '../../record/types.js';

export interface AnswerRow {
  tableIndex: number;
  subject: string | null;
  year: number;
  question: string;
  answer: string | null;
}

/**
 * One row per answer cell. A table that repeats a year (flagged DUPLICATE_YEAR)
 * keeps its first row here; the full record, with every row, is in `record`.
 */
export function answerRowsFromRecord(record: ReportRecord): AnswerRow[] {
  const rows: AnswerRow[] = [];
  const seen = new Set<string>();
  record.scoreTables.forEach((table, tableIndex) => {
    for (const row of table.rows) {
      for (const question of table.columns) {
        const key = `${tableIndex}\u0000${row.year}\u0000${question}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push({
          tableIndex,
          subject: table.subject,
          year: row.year,
          question,
          answer: row.answers[question] ?? null,
        });
      }
    }
  });
  return rows;
}

/**
 * Writes the record and replaces its answers in one transaction. `releasedAt` orders
 * revisions: a delivery that arrives after a newer revision of the same record was
 * stored (a retry that waited out an outage) changes nothing. Returns false then.
 */
export async function upsertRecord(pool: pg.Pool, record: ReportRecord, releasedAt: Date): Promise<boolean> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const stored = await client.query(
      `INSERT INTO report_records (id, country_iso3, report_date, status, record, received_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (id) DO UPDATE
         SET country_iso3 = EXCLUDED.country_iso3, report_date = EXCLUDED.report_date,
             status = EXCLUDED.status, record = EXCLUDED.record, updated_at = EXCLUDED.updated_at
         WHERE report_records.updated_at IS NULL OR report_records.updated_at <= EXCLUDED.updated_at
       RETURNING id`,
      [
        record.id,
        record.report.country?.iso3 ?? null,
        record.report.date,
        record.status,
        JSON.stringify(record),
        releasedAt,
      ],
    );
    if (stored.rowCount === 0) {
      await client.query('ROLLBACK');
      return false;
    }
    await client.query('DELETE FROM score_answers WHERE record_id = $1', [record.id]);
    const rows = answerRowsFromRecord(record);
    if (rows.length > 0) {
      // One statement for all answers: arrays unnested server-side.
      await client.query(
        `INSERT INTO score_answers (record_id, table_index, subject, year, question, answer)
         SELECT $1, * FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::text[])`,
        [
          record.id,
          rows.map((r) => r.tableIndex),
          rows.map((r) => r.subject),
          rows.map((r) => r.year),
          rows.map((r) => r.question),
          rows.map((r) => r.answer),
        ],
      );
    }
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    // A connection that could not even roll back is dropped, not handed to the next delivery.
    client.release(broken);
  }
}
