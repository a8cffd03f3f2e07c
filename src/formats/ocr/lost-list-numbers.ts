import { listMarkerFromText, type ListMarker } from '../../blocks/list-marker.js';
import { inkBlobs, pixelBoxIn, sheetOfCuts, sheetRowStart, type GrayImage, type PixelBox } from './gray-image.js';
import type { OcrEngine, OcrLine, OcrPage, OcrWord, RecognisedPage } from './ocr-engine.js';
import { repairedConfidence } from './repaired-confidence.js';

/**
 * List numbers the engine's page layout step threw away. Tesseract takes numbers set
 * apart from their text by a tab ("3.   Japan and …") for a column of their own, and a
 * column of a few short numbers (the items of a page that a list runs onto, the one item
 * of a short list) it may drop as noise: each item then reads as the continuation of the
 * one before, and the record loses it. Glyph-sized ink standing before a line's first
 * word, where a list number would be, is read again moved up to the word, as if the tab
 * were a space; what reads as a list number there is put back into the line.
 */

// A list number stands at most this many x-heights before its text (number and tab).
const REACH = 9;
// Ink closer than this to the first word is part of it (a quote mark, a bracket).
const NEAR = 0.4;
// A glyph of a number is this tall, in x-heights (dust is smaller, rules and pictures larger).
const MIN_GLYPH = 0.6;
const MAX_GLYPH = 2.2;
// Widest a number of up to three digits with its dot or brackets stands, in x-heights.
const MAX_NUMBER_WIDTH = 5;
// Darker than this share of the paper around it is ink.
const INK_SHARE = 0.6;
// Margin kept around the pieces cut out, and the word space put between number and text, in x-heights.
const MARGIN = 0.25;
const SPACE = 0.6;
// The text after the number that goes with it: about this many x-heights of the line's first words,
// enough letters for the engine to take the row for a line of text the right way up.
const TEXT_WIDTH = 24;
// Rows on the sheet stand this many row heights apart, so the engine keeps them apart.
const ROW_GAP = 2;

type Box = PixelBox;

/** A line that may have lost its number: where the number's ink is and what text follows it, on the page's picture. */
interface Suspect {
  line: OcrLine;
  /** How many of the line's first words the number replaces: 1 when the engine kept only its dot. */
  replaced: number;
  number: Box;
  /** The line's first words, each on its own: the lines above and below reach between them. */
  words: Box[];
}

/**
 * The page read by the engine, with the list numbers it dropped read back into their
 * lines, and those it read without their dot given it back (see pageWithNumberDotsBack).
 * The suspects of a page are cut from the cleaned picture the engine read and read
 * together, one row each on one sheet, so a page costs one more engine run at most, and
 * none when no line has ink before it.
 */
export async function pageWithListNumbers<Page extends RecognisedPage>(engine: OcrEngine, page: Page): Promise<Page> {
  return pageWithNumberDotsBack(await pageWithDroppedNumbers(engine, page));
}

async function pageWithDroppedNumbers<Page extends RecognisedPage>(engine: OcrEngine, page: Page): Promise<Page> {
  const { picture } = page;
  if (page.lines.length === 0) return page;
  const suspects: Suspect[] = [];
  // The sheet is never larger than the page: reading it again costs at most a page's time.
  let sheetHeight = 0;
  for (const line of page.lines) {
    const replaced = bareMarkFirst(line) ? 1 : 0;
    const place = numberPlace(line, replaced, page.lines);
    const number = place && inkBox(picture, place, line.xHeight);
    if (!number) continue;
    sheetHeight += (ROW_GAP + 1) * (place.y1 - place.y0);
    if (sheetHeight > picture.height) break;
    suspects.push({ line, replaced, number, words: firstWords(line, replaced) });
  }
  if (suspects.length === 0) return page;
  const { sheet, rows } = sheetOfSuspects(picture, suspects);
  const read = await engine.recognize(sheet, { cleaned: true });
  const found = new Map<OcrLine, { number: OcrWord; replaced: number }>();
  suspects.forEach((suspect, i) => {
    const lines = read.lines.filter((l) => rowOf(l, rows) === i);
    const word = numberRead(lines, suspect.line.words[suspect.replaced]!);
    if (word) found.set(suspect.line, { number: { ...word, ...suspect.number }, replaced: suspect.replaced });
  });
  if (found.size === 0) return page;
  // Marks read from a number's ink as a line of their own go with the number read back.
  const numbers = [...found.values()].map(({ number }) => number);
  const misread = (word: OcrWord): boolean => {
    const [cx, cy] = [(word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2];
    return isMarks(word) && numbers.some((n) => cx >= n.x0 && cx <= n.x1 && cy >= n.y0 && cy <= n.y1);
  };
  return {
    ...page,
    lines: page.lines
      .map((line) => {
        const number = found.get(line);
        return number
          ? { ...line, words: [number.number, ...line.words.slice(number.replaced)] }
          : { ...line, words: line.words.filter((word) => !misread(word)) };
      })
      .filter((line) => line.words.length > 0),
  };
}

/**
 * List numbers read without their dot (`2` for `2.`, the dot too faint or taken for dust):
 * a line opening with a bare number and then a word, the next number of the list item
 * above it and standing where that item's number stands, takes the item's mark. Lines in
 * between must be the item's own, set in from its number; so a count opening a sentence
 * (`3 ministries …`) after a list stays as it is unless it is exactly where the next
 * item's number would be.
 */
export function pageWithNumberDotsBack<Page extends OcrPage>(page: Page): Page {
  let changed = false;
  const lines = page.lines.map((line, i) => {
    const [first, next] = line.words;
    if (!first || !next || !/^\d{1,3}$/.test(first.text) || !/^\p{L}/u.test(next.text)) return line;
    const item = itemAbove(page.lines, i, first);
    if (!item || item.number + 1 !== Number(first.text)) return line;
    changed = true;
    const text = item.marker.replace(String(item.number), first.text);
    return {
      ...line,
      words: [{ ...first, text, confidence: repairedConfidence(first.confidence) }, ...line.words.slice(1)],
    };
  });
  return changed ? { ...page, lines } : page;
}

/** The list item whose number stands over `number` (within an x-height), with only its own lines between. */
function itemAbove(lines: readonly OcrLine[], at: number, number: OcrWord): ListMarker | null {
  const xHeight = lines[at]!.xHeight;
  for (let k = at - 1; k >= 0; k--) {
    const first = lines[k]!.words[0];
    if (!first || first.y1 > number.y0) continue;
    const marker = listMarkerFromText(first.text);
    if (marker) return Math.abs(first.x0 - number.x0) <= xHeight && /^\d/.test(marker.marker) ? marker : null;
    if (first.x0 < number.x1 + xHeight) return null;
  }
  return null;
}

/** A word of signs only (`~~`, `-`, `»`): what the engine makes of ink it cannot read, a number among it. */
function isMarks(word: OcrWord): boolean {
  return !/[\p{L}\p{N}]/u.test(word.text);
}

/**
 * The line starts with a number's dot or bracket alone, followed by text: the engine kept
 * the mark and lost the digits before it ("." for "1.", a thin digit taken for part of the
 * mark's speck). The number is read again with the ink before the mark.
 */
function bareMarkFirst(line: OcrLine): boolean {
  const [mark, next] = line.words;
  return mark !== undefined && next !== undefined && /^[.)]$/.test(mark.text);
}

/**
 * Where a dropped number of the line would stand: before its first text
 * word (`skip` words in, past a bare mark, which the place then takes in), clear of
 * words the engine read there, signs read from the number's own ink (`~~` for `2.`) aside.
 */
function numberPlace(line: OcrLine, skip: number, lines: readonly OcrLine[]): Box | null {
  const first = line.words[skip];
  if (!first || listMarkerFromText(first.text)) return null;
  const skipped = new Set(line.words.slice(0, skip));
  const xHeight = line.xHeight;
  const { y0, y1 } = bandOf(line, 0.5);
  let x0 = Math.max(0, first.x0 - REACH * xHeight);
  const x1 = first.x0 - NEAR * xHeight;
  for (const other of lines)
    for (const word of other.words)
      if (!skipped.has(word) && !isMarks(word) && word.x1 <= first.x0 && word.x1 > x0 && word.y1 > y0 && word.y0 < y1)
        x0 = word.x1;
  return x1 - x0 >= xHeight ? { x0, y0, x1, y1 } : null;
}

/** The boxes of the line's first words past `skip`, with a little margin. */
function firstWords(line: OcrLine, skip: number): Box[] {
  const words = line.words.slice(skip);
  const { xHeight } = line;
  const margin = MARGIN * xHeight;
  const boxes: Box[] = [];
  for (const word of words) {
    boxes.push({ x0: word.x0 - margin, y0: word.y0 - margin, x1: word.x1 + margin, y1: word.y1 + margin });
    if (word.x1 - words[0]!.x0 >= TEXT_WIDTH * xHeight) break;
  }
  return boxes;
}

function bandOf(line: OcrLine, margin: number): { y0: number; y1: number } {
  return {
    y0: Math.min(...line.words.map((word) => word.y0)) - margin * line.xHeight,
    y1: Math.max(...line.words.map((word) => word.y1)) + margin * line.xHeight,
  };
}

/**
 * The box around glyph-sized blobs of ink inside `box`, or null. Blobs
 * touching the box's edges reach beyond it (a rule, a picture, text of another line)
 * and do not count.
 */
function inkBox(image: GrayImage, box: Box, xHeight: number): Box | null {
  const { x0, y0, x1, y1 } = pixelBoxIn(image, box);
  const [w, h] = [x1 - x0, y1 - y0];
  if (w <= 2 || h <= 2) return null;
  const blobs = inkBlobs(image, { x0, y0, x1, y1 }, INK_SHARE * paperOf(image, x0, y0, w, h));
  let found: Box | null = null;
  for (const blob of blobs) {
    const touches = blob.x0 === 0 || blob.y0 === 0 || blob.x1 === w || blob.y1 === h;
    const height = blob.y1 - blob.y0;
    // Only a glyph's height is judged: the dot after a number is a blob of its own.
    if (touches || height > MAX_GLYPH * xHeight) return null;
    if (height < MIN_GLYPH * xHeight) continue;
    found = found ? boxAround(found, blob) : blob;
  }
  if (!found || found.x1 - found.x0 > MAX_NUMBER_WIDTH * xHeight) return null;
  // The dot or bracket right after the digits belongs to the number.
  let right = found.x1;
  for (const blob of blobs)
    if (blob.x0 >= found.x1 && blob.x0 <= found.x1 + NEAR * xHeight && blob.y1 > found.y0)
      right = Math.max(right, blob.x1);
  return { x0: x0 + found.x0, y0: y0 + found.y0, x1: x0 + right, y1: y0 + found.y1 };
}

function boxAround(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

/** The paper's grey in a stretch of the picture: the level nine pixels in ten are darker than or equal to. */
function paperOf(image: GrayImage, x0: number, y0: number, w: number, h: number): number {
  const counts = new Uint32Array(256);
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) counts[image.pixels[y * image.width + x]!]! += 1;
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += counts[level]!;
    if (seen >= 0.9 * w * h) return level;
  }
  return 255;
}

/**
 * Each suspect as one row of a white sheet of the page's width: the number's ink, a word
 * space, then the line's first words, each cut from the picture in its own box (nothing of
 * the lines above and below comes along) and kept at its height, so that number and words
 * keep one baseline. `rows` gives each row's top and bottom on the sheet.
 */
function sheetOfSuspects(
  image: GrayImage,
  suspects: readonly Suspect[],
): { sheet: GrayImage; rows: [number, number][] } {
  const clamp = (box: Box): Box => pixelBoxIn(image, box);
  const pieces = suspects.map(({ line, number, words }) => {
    const margin = MARGIN * line.xHeight;
    const boxes = [
      clamp({ x0: number.x0 - margin, y0: number.y0 - margin, x1: number.x1 + margin, y1: number.y1 + margin }),
      ...words.map(clamp),
    ];
    const top = Math.min(...boxes.map((box) => box.y0));
    const bottom = Math.max(...boxes.map((box) => box.y1));
    // The words keep their places after the first; the number stands a word space before it.
    const shift = boxes[0]!.x1 - boxes[0]!.x0 + Math.round(SPACE * line.xHeight) - boxes[1]!.x0;
    return { boxes, top, bottom, shift };
  });
  const gap = ROW_GAP * Math.max(...pieces.map((piece) => piece.bottom - piece.top));
  const rows: [number, number][] = [];
  let y = gap;
  for (const piece of pieces) {
    rows.push([y, y + piece.bottom - piece.top]);
    y += piece.bottom - piece.top + gap;
  }
  const left = Math.round(image.width / 10);
  const cuts = pieces.flatMap((piece, i) =>
    piece.boxes.map((box, k) => ({
      box,
      x: sheetRowStart(left, i, piece.bottom - piece.top) + (k === 0 ? 0 : box.x0 + piece.shift),
      y: rows[i]![0] + box.y0 - piece.top,
    })),
  );
  return { sheet: sheetOfCuts(image, image.width, y, cuts), rows };
}

/** The row of the sheet a line read there stands in: the nearest (the engine may have turned the sheet a little). */
function rowOf(line: OcrLine, rows: readonly [number, number][]): number {
  const middle = (Math.min(...line.words.map((w) => w.y0)) + Math.max(...line.words.map((w) => w.y1))) / 2;
  let best = -1;
  rows.forEach(([top, bottom], i) => {
    if (best < 0 || Math.abs((top + bottom) / 2 - middle) < Math.abs((rows[best]![0] + rows[best]![1]) / 2 - middle))
      best = i;
  });
  return best;
}

/**
 * The list number a row's reading gives before the line's first word. The row must read
 * the word again (so the number is known to stand right before it) and only a list
 * number on its own is taken.
 */
function numberRead(lines: readonly OcrLine[], first: OcrWord): OcrWord | null {
  const letters = (text: string): string => text.replace(/[^\p{L}\p{N}]/gu, '');
  for (const line of lines) {
    const [candidate, again] = line.words;
    if (!candidate || !again) continue;
    // A margin may take in a speck after the word, or a letter be read another way at its end.
    const [a, b] = [letters(again.text), letters(first.text)];
    if (a === '' || b === '' || !(a.startsWith(b) || b.startsWith(a))) continue;
    const marker = listMarkerFromText(candidate.text);
    return marker && marker.rest === '' ? candidate : null;
  }
  return null;
}
