import type { GrayImage } from './gray-image.js';
import { grayWithPaperLifted } from './paper-and-ink.js';
import { ACROSS, DOWN, INK, ruleMask, type RuleMask } from './rule-mask.js';

// Ink reaching at most this far (inches) past a rule's own pixels is its grey edge
// (scanner blur, JPEG, anti-aliasing), not a letter: 2 pixels at 300 dpi.
const FRINGE_INCH = 1 / 150;
// Rules are looked for as on a scan, whose paper is this bright or brighter (the eval's
// scans: 255; its photos: 190-245). Lifted to it, a photo's paper keeps INK at 0.83 of
// its level: a table's light tint is paper, its rules and type are ink.
const SCANNED_PAPER = 240;

/**
 * The page with the ruling lines of tables and boxes painted over in white. The OCR
 * engine's page layout analysis takes a ruled table for a picture and drops its
 * cells, or reads the rules as `|` and `[`; without them the cells read as text set
 * in columns, which the layout step already turns into a table.
 *
 * Only the rule's own thin run and its grey edge go: a letter that touches a rule
 * (the tail of a `Q` on the rule under a table's header, a `1` sitting on it) keeps
 * every pixel on its side, and a stroke crossing a rule (a descender through an
 * underline) keeps the rule's pixels inside it too, so no letter loses a part.
 */
export function grayWithoutRules(image: GrayImage): GrayImage {
  // Rules are looked for on paper as bright as a scan's: on a dim photo the paper, and a
  // table's light tint above all, is darker than the rules' ink level, so that rules
  // along it are too thick to be rules and their cross-sections run on through it.
  const seen = grayWithPaperLifted(image, SCANNED_PAPER);
  const mask = ruleMask(seen);
  if (mask.across.length === 0 && mask.down.length === 0) return image;
  const out = new Uint8Array(image.pixels);
  const fringe = Math.max(1, Math.round(image.dpi * FRINGE_INCH));
  paintOut(seen, mask, out, ACROSS, fringe);
  paintOut(seen, mask, out, DOWN, fringe);
  return { ...image, pixels: out };
}

/**
 * Paints out the rules of one direction, one cross-section at a time: the run of ink
 * through a rule's pixels in the pixel column (of a horizontal rule; the pixel row of
 * a vertical one). Where that run goes on past the rule's pixels by more than the
 * fringe, a stroke leaves the rule there and that side is kept.
 */
function paintOut(image: GrayImage, mask: RuleMask, out: Uint8Array, kind: number, fringe: number): void {
  const { width, height, pixels } = image;
  const { rules } = mask;
  const other = kind === ACROSS ? DOWN : ACROSS;
  const step = kind === ACROSS ? width : 1;
  // Marks the rule pixels of a cross-section already painted out (a bit the mask does not use).
  const seen = kind << 2;
  // Rules of the other direction end a cross-section: where a grid's rules cross, the
  // crossing rule is not a stroke that leaves this one.
  const inSection = (i: number): boolean => pixels[i]! < INK && ((rules[i]! & kind) !== 0 || (rules[i]! & other) === 0);
  for (const i of kind === ACROSS ? mask.across : mask.down) {
    if ((rules[i]! & seen) !== 0) continue;
    const x = i % width;
    const [low, high] = kind === ACROSS ? [x, x + (height - 1) * width] : [i - x, i - x + width - 1];
    let start = i;
    while (start - step >= low && inSection(start - step)) start -= step;
    let end = i;
    while (end + step <= high && inSection(end + step)) end += step;
    // The rule's own pixels around this one: ink beyond them by more than the fringe is
    // something else, even another rule (two rules with a shaded row of a table between
    // them, all of it darker than INK, are two rules, not one with the row's letters in it).
    const ruleAt = (j: number): boolean => (rules[j]! & kind) !== 0;
    let first = i;
    for (let j = i - step, gap = 0; j >= start && gap <= fringe; j -= step) {
      if (!ruleAt(j)) gap++;
      else [first, gap] = [j, 0];
    }
    let last = i;
    for (let j = i + step, gap = 0; j <= end && gap <= fringe; j += step) {
      if (!ruleAt(j)) gap++;
      else [last, gap] = [j, 0];
    }
    for (let j = first; j <= last; j += step) if (ruleAt(j)) rules[j]! |= seen;
    const strokeBefore = (first - start) / step > fringe;
    const strokeAfter = (end - last) / step > fringe;
    if (strokeBefore && strokeAfter) continue;
    const from = strokeBefore ? first : start;
    const to = strokeAfter ? last : end;
    for (let j = from; j <= to; j += step) out[j] = 255;
  }
}
