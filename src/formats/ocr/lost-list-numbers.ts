import { listMarkerFromText } from '../../blocks/list-marker.js';
import type { GrayImage } from './gray-image.js';
import type { OcrEngine, OcrLine, OcrPage, OcrWord } from './ocr-engine.js';
import { skewOf } from './page-skew.js';

/**
 * List numbers the engine's page layout step threw away. Tesseract takes a number set
 * apart from its text by a tab ("3.   Japan and …") for a column of its own, and when that
 * column holds a single short number (the first item on a page, the one item of a short
 * list) it drops it as noise: the item then reads as the previous item's continuation and
 * the record loses it. A line with glyph-sized ink standing before its first word, in the
 * place of a list number, is read again together with that word, and what comes back
 * before the word is kept when it is a list number.
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
// Strips read again are stacked this many strip heights apart, so the engine keeps them apart.
const STRIP_GAP = 2;
// The sheet they are stacked on is at least this share of the page high: the cleaning
// measures rules against the page's size, and would take letters on a low sheet for them.
const MIN_SHEET_SHARE = 0.25;

/**
 * The page read by the engine, with the list numbers it dropped read back into their
 * lines. Every line that may have lost one is cut out of the picture, from the ink before
 * it to the end of its first word; the strips are read together, stacked on one sheet,
 * so a page costs one more engine run at most.
 */
export async function pageWithListNumbers(engine: OcrEngine, image: GrayImage, page: OcrPage): Promise<OcrPage> {
  if (page.lines.length === 0) return page;
  // The engine read the page turned level; the picture is as scanned.
  const onScan = pointOnScan(skewOf(image), image.width, image.height);
  const strips = new Map<OcrLine, Box>();
  for (const line of page.lines) {
    const place = numberPlace(line, page.lines);
    if (!place || !inkBox(image, boxOnScan(place, onScan), line.xHeight)) continue;
    const first = line.words[0]!;
    strips.set(line, boxOnScan({ ...place, x1: first.x1 + line.xHeight }, onScan));
  }
  if (strips.size === 0) return page;
  const { sheet, tops } = sheetOfStrips(image, [...strips.values()]);
  const read = await engine.recognize(sheet);
  const found = new Map<OcrLine, OcrWord>();
  [...strips.keys()].forEach((line, i) => {
    const [top, bottom] = tops[i]!;
    const within = read.lines.filter((l) => l.baseline.y0 >= top && l.baseline.y0 <= bottom);
    const number = numberBefore(within, line.words[0]!);
    if (number) found.set(line, number);
  });
  if (found.size === 0) return page;
  return {
    lines: page.lines.map((line) => (found.has(line) ? { ...line, words: [found.get(line)!, ...line.words] } : line)),
  };
}

/** The strips of the picture on one white sheet of the page's width, each at its own x, one above the other. */
function sheetOfStrips(image: GrayImage, strips: readonly Box[]): { sheet: GrayImage; tops: [number, number][] } {
  const boxes = strips.map((box) => ({
    x0: Math.max(0, Math.floor(box.x0)),
    y0: Math.max(0, Math.floor(box.y0)),
    x1: Math.min(image.width, Math.ceil(box.x1)),
    y1: Math.min(image.height, Math.ceil(box.y1)),
  }));
  const gap = STRIP_GAP * Math.max(...boxes.map((box) => box.y1 - box.y0));
  let y = gap;
  const tops: [number, number][] = boxes.map((box) => {
    const placed: [number, number] = [y, y + box.y1 - box.y0];
    y += box.y1 - box.y0 + gap;
    return placed;
  });
  const height = Math.max(y, Math.round(MIN_SHEET_SHARE * image.height));
  const pixels = new Uint8Array(image.width * height).fill(255);
  boxes.forEach((box, i) => {
    for (let row = box.y0; row < box.y1; row++) {
      const from = row * image.width;
      pixels.set(
        image.pixels.subarray(from + box.x0, from + box.x1),
        (tops[i]![0] + row - box.y0) * image.width + box.x0,
      );
    }
  });
  return { sheet: { width: image.width, height, pixels, dpi: image.dpi }, tops };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Where a dropped number of the line would stand: before its first word, clear of words the engine read there. */
function numberPlace(line: OcrLine, lines: readonly OcrLine[]): Box | null {
  const first = line.words[0];
  if (!first || listMarkerFromText(first.text)) return null;
  const xHeight = line.xHeight;
  const y0 = Math.min(...line.words.map((word) => word.y0)) - 0.5 * xHeight;
  const y1 = Math.max(...line.words.map((word) => word.y1)) + 0.5 * xHeight;
  let x0 = Math.max(0, first.x0 - REACH * xHeight);
  const x1 = first.x0 - NEAR * xHeight;
  for (const other of lines)
    for (const word of other.words)
      if (word.x1 <= first.x0 && word.x1 > x0 && word.y1 > y0 && word.y0 < y1) x0 = word.x1;
  return x1 - x0 >= xHeight ? { x0, y0, x1, y1 } : null;
}

/**
 * The box around glyph-sized blobs of ink inside `box` (of the picture as scanned), or
 * null. Blobs touching the box's edges reach beyond it (a rule, a picture, text of another
 * line) and do not count.
 */
function inkBox(image: GrayImage, box: Box, xHeight: number): Box | null {
  const x0 = Math.max(0, Math.floor(box.x0));
  const y0 = Math.max(0, Math.floor(box.y0));
  const x1 = Math.min(image.width, Math.ceil(box.x1));
  const y1 = Math.min(image.height, Math.ceil(box.y1));
  const w = x1 - x0;
  const h = y1 - y0;
  if (w <= 2 || h <= 2) return null;
  const threshold = INK_SHARE * paperOf(image, x0, y0, w, h);
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) ink[y * w + x] = image.pixels[(y0 + y) * image.width + x0 + x]! < threshold ? 1 : 0;
  let found: Box | null = null;
  for (const blob of blobsOf(ink, w, h)) {
    const bh = blob.y1 - blob.y0;
    const touches = blob.x0 === 0 || blob.y0 === 0 || blob.x1 === w || blob.y1 === h;
    if (touches || bh < MIN_GLYPH * xHeight || bh > MAX_GLYPH * xHeight) continue;
    found = found
      ? {
          x0: Math.min(found.x0, blob.x0),
          y0: Math.min(found.y0, blob.y0),
          x1: Math.max(found.x1, blob.x1),
          y1: Math.max(found.y1, blob.y1),
        }
      : blob;
  }
  return found && found.x1 - found.x0 <= MAX_NUMBER_WIDTH * xHeight ? found : null;
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

/** Boxes of 8-connected blobs of set pixels; box edges exclusive on the right and bottom. */
function blobsOf(ink: Uint8Array, w: number, h: number): Box[] {
  const seen = new Uint8Array(w * h);
  const blobs: Box[] = [];
  const stack: number[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (!ink[start] || seen[start]) continue;
    const blob = { x0: w, y0: h, x1: 0, y1: 0 };
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const at = stack.pop()!;
      const x = at % w;
      const y = (at - x) / w;
      blob.x0 = Math.min(blob.x0, x);
      blob.y0 = Math.min(blob.y0, y);
      blob.x1 = Math.max(blob.x1, x + 1);
      blob.y1 = Math.max(blob.y1, y + 1);
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const next = ny * w + nx;
          if (ink[next] && !seen[next]) {
            seen[next] = 1;
            stack.push(next);
          }
        }
    }
    blobs.push(blob);
  }
  return blobs;
}

type Mapping = (x: number, y: number) => [number, number];

/** Turns a point of the levelled page back onto the page as scanned (as the engine turned it by `angle`). */
function pointOnScan(angle: number, width: number, height: number): Mapping {
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const [cx, cy] = [width / 2, height / 2];
  return (x, y) => [(x - cx) * cos - (y - cy) * sin + cx, (x - cx) * sin + (y - cy) * cos + cy];
}

function boxOnScan(box: Box, onScan: Mapping): Box {
  const corners = [onScan(box.x0, box.y0), onScan(box.x1, box.y0), onScan(box.x0, box.y1), onScan(box.x1, box.y1)];
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/**
 * The list number the strip's reading gives before the line's first word, placed on the
 * levelled page where the number stood: the strip must read the first word again (so the
 * number is known to stand right before it), and only a list number on its own is taken.
 */
function numberBefore(lines: readonly OcrLine[], first: OcrWord): OcrWord | null {
  const letters = (text: string): string => text.replace(/[^\p{L}\p{N}]/gu, '');
  for (const line of lines) {
    const [candidate, again] = line.words;
    if (!candidate || !again || letters(again.text) !== letters(first.text)) continue;
    const marker = listMarkerFromText(candidate.text);
    if (!marker || marker.rest !== '') return null;
    // The strip is a nearly level piece of the scan: the number keeps its distance from the word.
    const x1 = first.x0 - (again.x0 - candidate.x1);
    const y1 = first.y1 - (again.y1 - candidate.y1);
    return { ...candidate, x0: x1 - (candidate.x1 - candidate.x0), x1, y0: y1 - (candidate.y1 - candidate.y0), y1 };
  }
  return null;
}
