import { pixelBoxIn, sheetOfCuts, sheetRowStart, type GrayImage, type PlacedCut } from './gray-image.js';
import type { OcrEngine, OcrWord, RecognisedPage } from './ocr-engine.js';

/**
 * Numbers the engine was unsure of, read again on their own. Reading a table's year column
 * in the context of its rows, the engine now and then settles on a commoner number than
 * the one printed ("2000" for 2009, 2010 and 2011 down one column, at confidences of
 * 0–0.9), and a small total on a coarse page takes a wrong digit ("1.33" for 4.33), while
 * the same digits cut out and read alone come out as printed. Such words are cut from the
 * cleaned picture the engine read, set side by side along a row of a white sheet, and the
 * sheet is read once; a number of the same kind read there (a year for a year, a small
 * number for a small number) replaces what the engine first made of it, no surer than the
 * first reading was.
 */

// A word read at a lower confidence than this is read again.
const UNSURE = 0.9;
// The numbers read again, as the engine gives them: a year, or a number of one or two
// digits with up to two decimals (a total, a score); nothing else in the word.
const YEAR = /^(?:1[89]|2\d)\d\d$/u;
const SMALL_NUMBER = /^\d{1,2}(?:[.,]\d{1,2})?$/u;
const FOUR_DIGITS = /^\d{4}$/u;
// Margin kept around each word cut out, and the space between two on the sheet, in the word's heights.
const MARGIN = 0.3;
const GAP = 1.5;
// Rows of the sheet stand this many word heights apart, so the engine keeps them apart.
const ROW_PITCH = 3;

/** What a second reading of `first` must look like to replace it, or null when `first` is not read again. */
function kindOf(first: string): RegExp | null {
  if (FOUR_DIGITS.test(first)) return YEAR;
  return SMALL_NUMBER.test(first) ? SMALL_NUMBER : null;
}

/** One word cut out, and where it stands on the sheet. */
interface Piece extends PlacedCut {
  word: OcrWord;
}

/** The page with its unsure numbers read again alone (one more engine run at most, none without them). */
export async function pageWithUnsureNumbersReread<Page extends RecognisedPage>(
  engine: OcrEngine,
  page: Page,
): Promise<Page> {
  const unsure = page.lines.flatMap((line) =>
    line.words.filter((word) => word.confidence < UNSURE && kindOf(word.text) !== null),
  );
  if (unsure.length === 0) return page;
  const { sheet, pieces } = sheetOfWords(page.picture, unsure);
  const read = await engine.recognize(sheet, { cleaned: true });
  const again = new Map<OcrWord, { text: string; confidence: number }>();
  const readWords = read.lines.flatMap((line) => line.words);
  for (const piece of pieces) {
    const inside = readWords.filter((word) => {
      const [cx, cy] = [(word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2];
      return (
        cx >= piece.x &&
        cx <= piece.x + piece.box.x1 - piece.box.x0 &&
        cy >= piece.y &&
        cy <= piece.y + piece.box.y1 - piece.box.y0
      );
    });
    const text = inside.map((word) => word.text).join('');
    if (inside.length === 0 || !kindOf(piece.word.text)!.test(text) || text === piece.word.text) continue;
    const confidence = Math.min(piece.word.confidence, ...inside.map((word) => word.confidence));
    again.set(piece.word, { text, confidence });
  }
  if (again.size === 0) return page;
  return {
    ...page,
    lines: page.lines.map((line) => ({
      ...line,
      words: line.words.map((word) => {
        const reread = again.get(word);
        return reread ? { ...word, ...reread } : word;
      }),
    })),
  };
}

/** The words cut from the picture and set in rows on a white sheet of its width, each alone between wide spaces. */
function sheetOfWords(picture: GrayImage, words: readonly OcrWord[]): { sheet: GrayImage; pieces: Piece[] } {
  const width = picture.width;
  const tallest = Math.max(...words.map((word) => word.y1 - word.y0));
  const pitch = Math.ceil(ROW_PITCH * tallest);
  const left = Math.round(width / 10);
  const pieces: Piece[] = [];
  let row = 0;
  let [x, y] = [left, pitch];
  for (const word of words) {
    const margin = MARGIN * (word.y1 - word.y0);
    const cut = pixelBoxIn(picture, {
      x0: word.x0 - margin,
      y0: word.y0 - margin,
      x1: word.x1 + margin,
      y1: word.y1 + margin,
    });
    if (cut.x1 <= cut.x0 || cut.y1 <= cut.y0) continue;
    if (x > left && x + cut.x1 - cut.x0 > width - left) [x, y] = [sheetRowStart(left, ++row, tallest), y + pitch];
    pieces.push({ word, box: cut, x, y });
    x += cut.x1 - cut.x0 + Math.round(GAP * tallest);
  }
  return { sheet: sheetOfCuts(picture, width, y + pitch, pieces), pieces };
}
