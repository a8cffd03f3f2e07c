import { withoutSpecks } from './dust-specks.js';
import type { GrayImage } from './gray-image.js';

// Side of the square tiles the paper's brightness is measured in (pixels).
const TILE = 64;
// The paper is what is at least this bright within a tile (share of its pixels darker).
const PAPER_SHARE = 0.9;
// Tiles darker than this are a picture or a black border, not paper; they take their neighbours' paper.
const MIN_PAPER = 90;
// Against the paper around it, a pixel this dark (share of the paper's level) or darker
// is full ink, and one this light or lighter is paper; the levels between keep their
// grey, stretched over the whole range. Highlighter, faint rule leftovers and JPEG
// noise are lighter than the paper share. Mid-grey falls about halfway between printed
// ink and the paper, where softening or a scanner's blur moves no edge: a stroke's
// black-and-white width stays near what was printed, which the weight of type is
// measured from (type-style.ts).
const FULL_INK = 0.4;
const PAPER = 0.8;

/**
 * The page as dark ink on white paper, each pixel measured against the paper around it
 * rather than one level for the whole page: a photo lit from one side, a grey scan or a
 * highlighter stroke comes out as letters on white. The edges of letters keep their
 * grey: the engine finds the page's layout on its own black-and-white copy, but reads
 * each line from the grey picture, where a thin stroke of a coarse scan is still whole
 * (a hard threshold breaks it or swells it into its neighbours). The picture is first
 * softened by a pixel, which smooths the steps of a coarse picture drawn large and the
 * blocks of JPEG, and then rid of dust specks.
 */
export function grayAsInk(image: GrayImage): GrayImage {
  const { width, height } = image;
  const pixels = softened(image);
  const paper = paperOfTiles({ ...image, pixels });
  const cols = Math.ceil(width / TILE);
  const rows = Math.ceil(height / TILE);
  // Which tile columns each pixel column lies between, and how far: the paper level is
  // interpolated between tile centres so tile edges leave no seams.
  const left = new Int32Array(width);
  const share = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(cols - 1, Math.max(0, (x - TILE / 2) / TILE));
    left[x] = Math.floor(fx);
    share[x] = fx - left[x]!;
  }
  const rowPaper = new Float32Array(cols);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const fy = Math.min(rows - 1, Math.max(0, (y - TILE / 2) / TILE));
    const ty0 = Math.floor(fy);
    const ty1 = Math.min(rows - 1, ty0 + 1);
    const wy = fy - ty0;
    for (let tx = 0; tx < cols; tx++) rowPaper[tx] = paper[ty0 * cols + tx]! * (1 - wy) + paper[ty1 * cols + tx]! * wy;
    for (let x = 0, i = y * width; x < width; x++, i++) {
      const tx0 = left[x]!;
      const level = rowPaper[tx0]! + (rowPaper[Math.min(cols - 1, tx0 + 1)]! - rowPaper[tx0]!) * share[x]!;
      const t = (pixels[i]! / level - FULL_INK) / (PAPER - FULL_INK);
      out[i] = t <= 0 ? 0 : t >= 1 ? 255 : Math.round(255 * t);
    }
  }
  withoutSpecks(out, width, height, image.dpi);
  return { ...image, pixels: out };
}

/** The paper's level in each tile; tiles with no paper in them (all ink or picture) take the mean paper of the page. */
function paperOfTiles(image: GrayImage): Float32Array {
  const { width, height, pixels } = image;
  const cols = Math.ceil(width / TILE);
  const rows = Math.ceil(height / TILE);
  const paper = new Float32Array(cols * rows);
  const histogram = new Uint32Array(256);
  for (let ty = 0; ty < rows; ty++) {
    for (let tx = 0; tx < cols; tx++) {
      histogram.fill(0);
      const [x0, y0] = [tx * TILE, ty * TILE];
      const [x1, y1] = [Math.min(width, x0 + TILE), Math.min(height, y0 + TILE)];
      for (let y = y0; y < y1; y++) for (let i = y * width + x0; i < y * width + x1; i++) histogram[pixels[i]!]! += 1;
      const wanted = PAPER_SHARE * (x1 - x0) * (y1 - y0);
      let seen = 0;
      let level = 0;
      while (level < 255 && seen + histogram[level]! < wanted) seen += histogram[level++]!;
      paper[ty * cols + tx] = level;
    }
  }
  let sum = 0;
  let count = 0;
  for (const level of paper) if (level >= MIN_PAPER) [sum, count] = [sum + level, count + 1];
  const mean = count > 0 ? sum / count : 255;
  for (let i = 0; i < cols * rows; i++) if (paper[i]! < MIN_PAPER) paper[i] = mean;
  return paper;
}

/** The picture through a 3 × 3 binomial filter (1-2-1 down and across), edges repeated. */
function softened(image: GrayImage): Uint8Array {
  const { width, height, pixels } = image;
  const across = new Uint16Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const l = pixels[row + Math.max(0, x - 1)]!;
      const r = pixels[row + Math.min(width - 1, x + 1)]!;
      across[row + x] = l + 2 * pixels[row + x]! + r;
    }
  }
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const up = Math.max(0, y - 1) * width;
    const row = y * width;
    const down = Math.min(height - 1, y + 1) * width;
    for (let x = 0; x < width; x++)
      out[row + x] = (across[up + x]! + 2 * across[row + x]! + across[down + x]! + 8) >> 4;
  }
  return out;
}
