import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { recordFromBytes } from '../../src/parse-report.js';
import type { RecordProvenance, ReportRecord } from '../../src/record/types.js';
import type { RecordsStore } from '../../src/service/store/records-store.js';

export const SAMPLE = '/work/shared/samples/kazakhstan-2023.md';
export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
export const KAZAKHSTAN_PDF = join(FIXTURES, 'kazakhstan-2023', 'report.pdf');

/**
 * Where "4.33", the 2022 total, is printed on page 1 of the Kazakhstan PDF: read
 * from its text layer (x 501.1–521.1 pt, baseline 520 pt, 9 pt type, on a
 * 612 × 792 pt page) and written as fractions of the page, origin top left.
 */
export const KAZAKHSTAN_PDF_TOTAL_BOX: [number, number, number, number] = [0.8188, 0.3321, 0.8515, 0.346];

/**
 * Parses a file as the pipeline does, gives the record the provenance a test
 * says (the desk only reads records, so a record written for a test is what the
 * desk meets in service), stores it and keeps the file where the worker would.
 */
export async function keptRecord(
  store: RecordsStore,
  dataDir: string,
  path: string,
  fileName: string,
  change: (record: ReportRecord) => void = () => {},
): Promise<ReportRecord> {
  const bytes = await readFile(path);
  const record = await recordFromBytes(bytes, fileName);
  change(record);
  await store.save(record);
  const folder = record.anomalies.some((a) => a.severity === 'error') ? 'failed' : 'archive';
  await mkdir(join(dataDir, folder), { recursive: true });
  await copyFile(path, join(dataDir, folder, fileName));
  return record;
}

export function provenanceOf(record: ReportRecord, entries: RecordProvenance): void {
  record.provenance = { ...record.provenance, ...entries };
}
