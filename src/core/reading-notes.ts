import type { Anomaly, ReportRecord, SourceInfo } from '../record/types.js';
import { flag } from './anomalies.js';
import { REPAIR_CONFIDENCE } from './ocr-readings.js';

/** What the format adapter saw while getting text out of the file, beyond the blocks themselves. */
export interface ReadingNotes {
  /** 1-based pages that gave no text at all, stored or recognised. */
  pagesWithoutText: number[];
}

export const NO_READING_NOTES: ReadingNotes = { pagesWithoutText: [] };

/**
 * File-level anomalies about how the text was got: pages read by OCR (information,
 * so a consumer knows values may be misread) and pages that gave nothing, which
 * would otherwise vanish from the record without a trace.
 */
export function flagReading(source: SourceInfo, notes: ReadingNotes, anomalies: Anomaly[]): void {
  if (source.ocr && source.ocr.pages.length > 0) {
    const pages = source.ocr.pages;
    flag(anomalies, 'OCR_TEXT', null, {
      message: `${pageList(pages)} read by OCR (${source.ocr.engine}), mean confidence ${source.ocr.meanConfidence.toFixed(2)}`,
      found: pages,
    });
  }
  if (notes.pagesWithoutText.length > 0) {
    flag(anomalies, 'PAGES_WITHOUT_TEXT', null, {
      message: `${pageList(notes.pagesWithoutText)} gave no text`,
      found: notes.pagesWithoutText,
    });
  }
}

/**
 * LOW_CONFIDENCE for every value whose provenance says OCR read it with less
 * confidence than `threshold`; `found` is the value as it stands in the record.
 * Values a repair produced (`repaired` paths) first have their confidence lowered.
 */
export function flagLowConfidence(
  record: Pick<ReportRecord, 'provenance'> & object,
  threshold: number,
  anomalies: Anomaly[],
  repaired: ReadonlySet<string> = new Set(),
): void {
  for (const path of repaired) {
    const where = record.provenance[path];
    if (where?.confidence !== undefined)
      where.confidence = Math.round(where.confidence * REPAIR_CONFIDENCE * 1000) / 1000;
  }
  for (const [path, where] of Object.entries(record.provenance)) {
    if (where.confidence === undefined || where.confidence >= threshold) continue;
    const page = where.page === undefined ? '' : ` on page ${where.page}`;
    flag(anomalies, 'LOW_CONFIDENCE', path, {
      message: `read by OCR${page} with confidence ${where.confidence.toFixed(2)}, below ${threshold}`,
      expected: threshold,
      found: valueAt(record, path),
    });
  }
}

function pageList(pages: readonly number[]): string {
  return pages.length === 1 ? `page ${pages[0]}` : `pages ${pages.join(', ')}`;
}

/** The value a JSON Pointer names inside the record (undefined when it names nothing). */
function valueAt(root: unknown, pointer: string): unknown {
  let value: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (value === null || typeof value !== 'object' || !(key in value)) return undefined;
    value = Reflect.get(value, key);
  }
  return value;
}
