import { pixelBoxIn, type GrayImage, type PixelBox } from './gray-image.js';
import type { OcrPage, OcrWord } from './ocr-engine.js';

/**
 * Two table cells the engine read as one word. In a table set tight, a year and the
 * answer letter beside it ("2009   N") stand a little more than a word space apart, and
 * the engine now and then takes them for one word ("2000N"), which no cell of the table
 * holds. The picture still shows the space: a strip of paper between the number's last
 * digit and the letter, much wider than the spaces between the digits. There the word is
 * cut in two.
 */

// A number run into a word that starts with a capital (a cell's answer or label); small
// letters after digits are the number's own ("3rd", "10km").
const NUMBER_THEN_CAPITAL = /^(\d{2,})(\p{Lu}\p{L}*)$/u;
// The strip of paper is at least this many x-heights wide (a word space), and this many
// times as wide as any other inside the word (the spaces between digits).
const SPACE = 0.5;
const CLEARER = 2;
// The letters after the strip take at most this many x-heights each.
const LETTER_WIDTH = 2;
// Darker than this is ink on the cleaned page (paper is white, ink black).
const INK = 160;

/** The page with words that join a number to the cell after it cut in two where the picture shows the space. */
export function pageWithCellsApart<Page extends OcrPage>(page: Page, ink: GrayImage): Page {
  return {
    ...page,
    lines: page.lines.map((line) => ({
      ...line,
      words: line.words.flatMap((word) => wordsApart(word, line.xHeight, ink)),
    })),
  };
}

function wordsApart(word: OcrWord, xHeight: number, ink: GrayImage): OcrWord[] {
  const match = NUMBER_THEN_CAPITAL.exec(word.text);
  if (!match) return [word];
  const box = pixelBoxIn(ink, word);
  const strips = paperStrips(ink, box).sort((a, b) => b.x1 - b.x0 - (a.x1 - a.x0));
  const [widest, next] = strips;
  if (!widest) return [word];
  const width = widest.x1 - widest.x0;
  if (width < SPACE * xHeight || (next && width < CLEARER * (next.x1 - next.x0))) return [word];
  if (box.x1 - widest.x1 > match[2]!.length * LETTER_WIDTH * xHeight) return [word];
  return [
    { ...word, text: match[1]!, x1: widest.x0 },
    { ...word, text: match[2]!, x0: widest.x1 },
  ];
}

/** Columns of paper between the first and the last column of ink inside the box, as runs. */
function paperStrips(ink: GrayImage, box: PixelBox): { x0: number; x1: number }[] {
  const inked: boolean[] = [];
  for (let x = box.x0; x < box.x1; x++) {
    let found = false;
    for (let y = box.y0; y < box.y1 && !found; y++) found = ink.pixels[y * ink.width + x]! < INK;
    inked.push(found);
  }
  const first = inked.indexOf(true);
  const last = inked.lastIndexOf(true);
  const strips: { x0: number; x1: number }[] = [];
  for (let k = first + 1; first >= 0 && k < last; k++) {
    if (inked[k]) continue;
    const from = k;
    while (k < last && !inked[k]) k++;
    strips.push({ x0: box.x0 + from, x1: box.x0 + k });
  }
  return strips;
}
