import type { BlocksResult } from '../../blocks/model.js';
import type { ParseLimits } from '../shared/limits.js';
import { blocksFromLines } from './pdf-blocks.js';
import { linesInReadingOrder } from './pdf-columns.js';
import { linesFromPage } from './pdf-lines.js';
import { pagesWithoutFurniture } from './pdf-page-furniture.js';
import { pdfPagesFromBytes } from './pdf-text-items.js';

/**
 * PDF bytes into blocks: positioned text runs (pdf.js) -> lines -> page headers,
 * footers and numbers dropped -> two-column parts put in reading order -> tables,
 * headings, list items and paragraphs.
 * Bad input comes back as `problem`, never as an exception.
 */
export async function blocksFromPdf(bytes: Uint8Array, limits: ParseLimits): Promise<BlocksResult> {
  const read = await pdfPagesFromBytes(bytes, limits);
  if (read.problem) return { blocks: [], pages: read.pages?.length ?? null, problem: read.problem };
  const { pages } = read;
  const pageLines = pages.map((page) => ({ bottom: page.bottom, top: page.top, lines: linesFromPage(page) }));
  if (pageLines.every((page) => page.lines.length === 0)) {
    return {
      blocks: [],
      pages: pages.length,
      problem: { code: 'NO_TEXT_LAYER', message: `The PDF has ${pages.length} page(s) but no text layer (scanned images?).` },
    };
  }
  const lines = pagesWithoutFurniture(pageLines).flatMap(linesInReadingOrder);
  return { blocks: blocksFromLines(lines), pages: pages.length };
}
