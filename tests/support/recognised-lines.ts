import type { OcrLine, OcrWord } from '../../src/formats/ocr/ocr-engine.js';
import { ocrSizesSettled, pageFromOcr, runsFromOcr } from '../../src/formats/ocr/runs-from-ocr.js';
import type { PdfPage } from '../../src/formats/pdf/pdf-text-items.js';

/**
 * Recognised lines as Tesseract gives them, built by hand: a page of 2480 × 3508 pixels
 * at 300 dpi, letters 21 px wide, word spaces 14 px.
 */
export const [WIDTH, HEIGHT, DPI] = [2480, 3508, 300];
export const [LETTER, SPACE] = [21, 14];

/** Words laid from `x` on `baseline`, their boxes as the engine gives them (ascenders and descenders in). */
export function wordsAt(text: string, x: number, baseline: number): OcrWord[] {
  const words: OcrWord[] = [];
  let at = x;
  for (const word of text.split(' ')) {
    const right = at + LETTER * word.length;
    const top = baseline - (/[A-Z0-9bdfhijklt]/.test(word) ? 37 : 27);
    const bottom = baseline + (/[gjpqy,]/.test(word) ? 10 : 0);
    words.push({ text: word, confidence: 0.95, x0: at, y0: top, x1: right, y1: bottom });
    at = right + SPACE;
  }
  return words;
}

/** One engine line: pieces of text at their own left edges, one baseline. */
export function ocrLine(pieces: readonly [string, number][], baseline: number, xHeight = 27): OcrLine {
  const words = pieces.flatMap(([text, x]) => wordsAt(text, x, baseline));
  return { words, baseline: { x0: words[0]!.x0, y0: baseline, x1: words.at(-1)!.x1, y1: baseline }, xHeight };
}

/** The lines as page 1 of a document, through the same steps as a recognised page. */
export function recognisedPage(lines: OcrLine[]): PdfPage {
  const page = { number: 1, ...pageFromOcr(runsFromOcr({ lines }, WIDTH, HEIGHT, DPI), 'test') };
  ocrSizesSettled(page.runs);
  return page;
}
