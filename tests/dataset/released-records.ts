import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReleasedRecord } from '../../src/dataset/released-record.js';
import type { Answer, ReportRecord } from '../../src/record/types.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

/** A fixture's hand-written expected record, as if released at `releasedAt`. */
export function releasedFixture(name: string, releasedAt: string | null = null): ReleasedRecord {
  const record = JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as ReportRecord;
  return { record: { ...record, status: 'ok' }, releasedAt };
}

export interface RowSketch {
  year: number;
  /** Answers in column order, `.` for a blank: `YPN.`. */
  answers: string;
  total?: number | null;
}

/** A small released record with one score table, enough for the index's rules. */
export function sketchRecord(options: {
  name: string;
  country?: { name: string; iso2: string; iso3: string } | null;
  date?: string | null;
  releasedAt?: string | null;
  subject?: string | null;
  columns?: string[];
  rows: RowSketch[];
}): ReleasedRecord {
  const width = Math.max(...options.rows.map((r) => r.answers.length));
  const columns = options.columns ?? Array.from({ length: width }, (_, i) => `Q${i + 1}`);
  const id = createHash('sha256').update(options.name).digest('hex');
  const record: ReportRecord = {
    schemaVersion: '1.1',
    id,
    source: { fileName: options.name, format: 'markdown', bytes: 100, sha256: id, pages: null, ocr: null },
    report: {
      title: options.country?.name ?? null,
      country: options.country === undefined ? { name: 'Kazakhstan', iso2: 'KZ', iso3: 'KAZ' } : options.country,
      author: null,
      date: options.date === undefined ? '2023-03-23' : options.date,
      dateText: null,
    },
    scoreTables: [
      {
        section: 'Changes in key metrics',
        subject: options.subject ?? null,
        columns,
        rows: options.rows.map((r) => ({
          year: r.year,
          answers: Object.fromEntries(columns.map((c, i) => [c, answerFrom(r.answers[i])])),
          reportedTotal: r.total ?? null,
          computedTotal: 0,
        })),
        changes: [],
        commentary: [],
      },
    ],
    developmentLists: [],
    anomalies: [],
    status: 'ok',
    provenance: {},
  };
  return { record, releasedAt: options.releasedAt ?? null };
}

function answerFrom(letter: string | undefined): Answer | null {
  return letter === 'Y' || letter === 'P' || letter === 'N' ? letter : null;
}

/** Every fixture whose expected record has a score table, released one after another. */
export function releasedFixtures(): ReleasedRecord[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(FIXTURES, entry.name, 'expected.json')))
    .map((entry, i) => releasedFixture(entry.name, new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString()))
    .filter((released) => released.record.scoreTables.length > 0);
}
