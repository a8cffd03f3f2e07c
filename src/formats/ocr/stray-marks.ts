import type { OcrLine, OcrWord } from './ocr-engine.js';

// Marks a speck of dust is read as: dots, commas, colons and quotes (not dashes or bullets, which stand apart in text).
const DOT_LIKE = /^[.,:;'"`‘’“”·]+$/u;
// A mark standing further than this many x-heights from both neighbours is set apart from them
// (a word space is about half an x-height; a full stop or a quote touches its word).
const APART = 0.7;
// Words further apart than this many x-heights are in separate cells: the layout step cuts a
// line into cells at 0.8 of the type size, about 1.5 x-heights.
const CELL_GAP = 1.5;

/**
 * A recognised line without the specks of dust the engine read as punctuation in the gap
 * between two table cells (a coarse fax has many). A real full stop, comma or quote stands
 * against its word; a mark standing alone where the words on either side are a cell's gap
 * apart would join the two cells into one, so it is left out. The first word stays: a
 * list number whose digits were lost leaves its full stop there. `xHeight` is the line's, in pixels.
 */
export function lineWithoutStrayMarks(line: OcrLine, xHeight: number): OcrLine {
  const apart = APART * xHeight;
  const words = line.words.filter((word, i) => {
    if (i === 0 || !DOT_LIKE.test(word.text)) return true;
    const before = line.words[i - 1]!;
    const after: OcrWord | undefined = line.words[i + 1];
    const standsApart = word.x0 - before.x1 > apart && (!after || after.x0 - word.x1 > apart);
    const span = after ? after.x0 - before.x1 : word.x0 - before.x1;
    return !(standsApart && span > CELL_GAP * xHeight);
  });
  return words.length === line.words.length ? line : { ...line, words };
}
