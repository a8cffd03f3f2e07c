import { WHITE_WORD, whiteWords, type GrayImage } from './gray-image.js';
import type { OcrPage } from './ocr-engine.js';

// Darker than this counts as ink when measuring the skew (letters, not paper or light tints).
const INK = 140;
// At most about this many ink pixels vote: plenty for a page's lines, and cheap at any resolution.
// (Fewer, 80,000, find the same angle on all but one of the eval pages, a photographed one,
// where it moves by one step of the fine search and the engine then misreads a word.)
const MAX_VOTES = 240_000;
// Scanners and phones skew pages by a few degrees; beyond this a page is not merely askew.
const MAX_SKEW_DEG = 6;
// Below this the page is level enough: turning it would only blur the letters.
const MIN_SKEW_DEG = 0.08;
// The best angle must sharpen the rows of ink this much over the page as it is.
const MIN_GAIN = 1.01;
// Rows of ink are counted in bands of this many pixels.
const BAND = 2;
// The angle is first looked for in coarse steps with a quarter of the votes, then in fine
// steps with all of them.
const COARSE_STEP_DEG = 0.25;
const COARSE_EVERY = 4;
const FINE_STEP_DEG = 0.025;

/**
 * How far the page's lines of text slope, in radians (positive: they fall to the
 * right), from the projection of its ink: rows of text turned level give the
 * sharpest profile of ink per row. Zero when the page is level or no angle is clearly
 * better.
 */
export function skewOf(image: GrayImage): number {
  const known = measured.get(image);
  if (known !== undefined) return known;
  const angle = skewMeasured(image);
  measured.set(image, angle);
  return angle;
}

// The engine levels a page by its skew, and the steps after it turn their positions back
// onto the picture by the same angle: it is measured once per picture (pictures are never
// changed in place; every cleaning step makes a new one).
const measured = new WeakMap<GrayImage, number>();

function skewMeasured(image: GrayImage): number {
  const { width, height } = image;
  const [xs, ys] = inkVotes(image);
  if (xs.length < 200) return 0;
  const bands = new Uint32Array(Math.ceil((width + height) / BAND) + 2);
  const offset = (width + height) / 2;
  // Every `every`-th vote counts: the coarse search only has to find the right neighbourhood.
  const sharpness = (angle: number, every = 1): number => {
    bands.fill(0);
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    // Never negative (offset is at least half the page's diagonal), so truncating floors.
    for (let i = 0; i < xs.length; i += every) bands[((ys[i]! * cos - xs[i]! * sin + offset) / BAND) | 0]!++;
    let sum = 0;
    for (const count of bands) sum += count * count;
    return sum;
  };
  const degree = Math.PI / 180;
  let coarse = 0;
  let coarseScore = sharpness(0, COARSE_EVERY);
  for (let d = -MAX_SKEW_DEG; d <= MAX_SKEW_DEG + 1e-9; d += COARSE_STEP_DEG) {
    const score = sharpness(d * degree, COARSE_EVERY);
    if (score > coarseScore) [coarse, coarseScore] = [d * degree, score];
  }
  const level = sharpness(0);
  let best = 0;
  let bestScore = level;
  // A coarse step either side, so a neighbour the thinned votes preferred still leads to the peak.
  for (let d = -COARSE_STEP_DEG; d <= COARSE_STEP_DEG + 1e-9; d += FINE_STEP_DEG) {
    const angle = coarse + d * degree;
    const score = sharpness(angle);
    if (score > bestScore) [best, bestScore] = [angle, score];
  }
  if (bestScore < level * MIN_GAIN || Math.abs(best) < MIN_SKEW_DEG * degree) return 0;
  return best;
}

/**
 * Positions of every `stride`-th ink pixel, from the page's centre, with `stride` set so
 * about MAX_VOTES pixels vote (the ink is first counted on every third pixel). The page is
 * walked as one run of pixels: a row-by-row walk costs twice as much on a 300 dpi page.
 */
function inkVotes({ width, height, pixels }: GrayImage): [Float64Array, Float64Array] {
  let sampled = 0;
  for (let i = 0; i < pixels.length; i += 3) if (pixels[i]! < INK) sampled++;
  const stride = Math.max(1, Math.ceil((sampled * 3) / MAX_VOTES));
  // The count of ink was an estimate: the list of votes grows if the page holds more.
  let found = new Int32Array(Math.ceil((sampled * 3) / stride) + 16);
  let count = 0;
  let seen = 0;
  const white = whiteWords(pixels);
  for (let i = 0; i < pixels.length; i++) {
    if (white !== null && (i & 3) === 0 && i + 4 <= pixels.length && white[i >> 2] === WHITE_WORD) {
      i += 3;
      continue;
    }
    if (pixels[i]! >= INK || seen++ % stride !== 0) continue;
    if (count === found.length) {
      const more = new Int32Array(found.length * 2);
      more.set(found);
      found = more;
    }
    found[count++] = i;
  }
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const y = Math.floor(found[k]! / width);
    xs[k] = found[k]! - y * width - width / 2;
    ys[k] = y - height / 2;
  }
  return [xs, ys];
}

/** The page turned by `-angle` about its centre (same size, bilinear), so lines sloping by `angle` come out level. */
export function grayLevelled(image: GrayImage, angle: number): GrayImage {
  const { width, height, pixels } = image;
  const out = new Uint8Array(width * height).fill(255);
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const [cx, cy] = [width / 2, height / 2];
  for (let y = 0; y < height; y++) {
    const dy = y - cy;
    // Where this row's first pixel comes from; each step along the row moves by (cos, sin).
    const rowX = -cx * cos - dy * sin + cx;
    const rowY = -cx * sin + dy * cos + cy;
    for (let x = 0; x < width; x++) {
      const sx = rowX + x * cos;
      const sy = rowY + x * sin;
      // Outside the page (or on its last row or column, which has no neighbour to blend with): paper.
      if (sx < 0 || sy < 0 || sx >= width - 1 || sy >= height - 1) continue;
      // Both are positive here, where truncating is flooring, and cheaper than Math.floor.
      const x0 = sx | 0;
      const y0 = sy | 0;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * width + x0;
      const a = pixels[i]!;
      const b = pixels[i + 1]!;
      const c = pixels[i + width]!;
      const d = pixels[i + width + 1]!;
      // Among pure white paper the blend is white, which the page already is.
      if ((a & b & c & d) === 255) continue;
      const top = a + (b - a) * fx;
      const bottom = c + (d - c) * fx;
      out[y * width + x] = top + (bottom - top) * fy;
    }
  }
  return { ...image, pixels: out };
}

/** What was read on the levelled page, placed back on the page as it was scanned. */
export function pageUnlevelled(page: OcrPage, angle: number, width: number, height: number): OcrPage {
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const [cx, cy] = [width / 2, height / 2];
  const back = (x: number, y: number): [number, number] => [
    (x - cx) * cos - (y - cy) * sin + cx,
    (x - cx) * sin + (y - cy) * cos + cy,
  ];
  return {
    lines: page.lines.map((line) => {
      const [bx0, by0] = back(line.baseline.x0, line.baseline.y0);
      const [bx1, by1] = back(line.baseline.x1, line.baseline.y1);
      return {
        xHeight: line.xHeight,
        baseline: { x0: bx0, y0: by0, x1: bx1, y1: by1 },
        words: line.words.map((word) => {
          const corners = [
            back(word.x0, word.y0),
            back(word.x1, word.y0),
            back(word.x0, word.y1),
            back(word.x1, word.y1),
          ];
          const xs = corners.map(([x]) => x);
          const ys = corners.map(([, y]) => y);
          return { ...word, x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
        }),
      };
    }),
  };
}
