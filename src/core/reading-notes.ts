import type { Block } from '../blocks/model.js';
import type { Anomaly, RecordProvenance, ReportRecord, SourceInfo } from '../record/types.js';
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

// A page's text starting there must hold this many characters to count as content (not
// a stamp or a scanner's page number), as the PDF reader counts a page as having text.
const CONTENT_CHARS = 40;

/**
 * PAGES_LEFT_OUT for each page read by OCR that gave text of its own (blocks starting on
 * it) of which no value of the record was read: a recognised page the layout or the
 * extraction did not take in (its text cut into stray paragraphs, a list item the page
 * break split) would otherwise vanish from the record as silently as an unread page.
 * Text a page only continues from the page before belongs to that page's block.
 */
export function flagPagesLeftOut(
  blocks: readonly Block[],
  source: SourceInfo,
  provenance: RecordProvenance,
  anomalies: Anomaly[],
): void {
  const used = new Set(Object.values(provenance).map((where) => where.page));
  const left = (source.ocr?.pages ?? []).filter((page) => !used.has(page) && ownChars(blocks, page) >= CONTENT_CHARS);
  if (left.length === 0) return;
  flag(anomalies, 'PAGES_LEFT_OUT', null, {
    message: `${pageList(left)} read by OCR, but none of the text that starts there reached the record`,
    found: left,
  });
}

function ownChars(blocks: readonly Block[], page: number): number {
  let chars = 0;
  for (const block of blocks) {
    if (block.source.page !== page) continue;
    const text = block.kind === 'table' ? block.rows.flat().join('') : block.text;
    chars += text.replace(/\s/g, '').length;
  }
  return chars;
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
