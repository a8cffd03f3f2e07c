import type { BlocksResult } from '../../blocks/model.js';
import type { OcrOptions } from '../ocr/ocr-options.js';
import type { ParseLimits } from '../shared/limits.js';
import { blocksFromLines } from './pdf-blocks.js';
import { linesInReadingOrder } from './pdf-columns.js';
import { linesFromPage } from './pdf-lines.js';
import { pagesWithoutFurniture } from './pdf-page-furniture.js';
import { pdfPagesFromBytes, type PdfPage } from './pdf-text-items.js';

/**
 * PDF bytes into blocks: positioned text runs (pdf.js, or OCR for pages without a
 * text layer) -> lines -> page headers, footers and numbers dropped -> two-column
 * parts put in reading order -> tables, headings, list items and paragraphs.
 * Bad input comes back as `problem`, never as an exception.
 */
export async function blocksFromPdf(
  bytes: Uint8Array,
  limits: ParseLimits,
  ocr: OcrOptions | null = null,
): Promise<BlocksResult> {
  const read = await pdfPagesFromBytes(bytes, limits, ocr);
  if (read.problem) return { blocks: [], pages: read.pages?.length ?? null, problem: read.problem };
  const ocrOff = ocr?.enabled ? '' : ' (scanned images? OCR is turned off)';
  return blocksFromPages(read.pages, `The PDF has ${read.pages.length} page(s) but no text layer${ocrOff}.`);
}

/**
 * The one layout path, for pages of positioned runs whether pdf.js read them from a
 * text layer or OCR recognised them in a picture (scanned PDFs, image files).
 */
export function blocksFromPages(pages: PdfPage[], noTextMessage: string): BlocksResult {
  const pageLines = pages.map((page) => ({ bottom: page.bottom, top: page.top, lines: linesFromPage(page) }));
  const pagesWithoutText = pages.filter((_, i) => pageLines[i]!.lines.length === 0).map((page) => page.number);
  const ocr = ocrSummary(pages);
  if (pagesWithoutText.length === pages.length) {
    return {
      blocks: [],
      pages: pages.length,
      problem: { code: 'NO_TEXT_LAYER', message: noTextMessage },
      ...(ocr ? { ocr } : {}),
    };
  }
  const lines = pagesWithoutFurniture(pageLines).flatMap(linesInReadingOrder);
  return { blocks: blocksFromLines(lines), pages: pages.length, pagesWithoutText, ...(ocr ? { ocr } : {}) };
}

function ocrSummary(pages: readonly PdfPage[]): BlocksResult['ocr'] {
  const read = pages.filter((page) => page.ocr);
  if (read.length === 0) return undefined;
  let sum = 0;
  let chars = 0;
  for (const run of read.flatMap((page) => page.runs)) {
    sum += (run.confidence ?? 0) * run.text.length;
    chars += run.text.length;
  }
  return {
    engine: read[0]!.ocr!.engine,
    pages: read.map((page) => page.number),
    meanConfidence: chars === 0 ? 0 : Math.round((sum / chars) * 1000) / 1000,
  };
}
