import { withoutSpecks } from './dust-specks.js';
import { WHITE_WORD, whiteWords, type GrayImage } from './gray-image.js';

// Side of the square tiles the paper's brightness is measured in (pixels).
const TILE = 64;
// The paper is what is at least this bright within a tile (share of its pixels darker).
const PAPER_SHARE = 0.9;
// Tiles at least this wide are measured on a quarter of their pixels.
const SAMPLED_TILE = 32;
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
  // The softened copy is this step's own: each pixel is set from its own level alone, so the
  // levels are written over it rather than into another page of memory.
  const pixels = softened(image);
  const paper = paperOfTiles({ ...image, pixels });
  const cols = Math.ceil(width / TILE);
  const rows = Math.ceil(height / TILE);
  // A pixel's grey is its level times the scale of the paper around it, less an offset.
  const offset = (255 * FULL_INK) / (PAPER - FULL_INK);
  const scale = paper.map((level) => 255 / ((PAPER - FULL_INK) * Math.max(1, level)));
  const rowScale = new Float32Array(cols);
  const white = whiteWords(pixels);
  const grey = (i: number, s: number): void => {
    const level = pixels[i]! * s - offset;
    pixels[i] = level <= 0 ? 0 : level >= 255 ? 255 : (level + 0.5) | 0;
  };
  for (let y = 0; y < height; y++) {
    // The scale is interpolated between tile centres, so tile edges leave no seams.
    const fy = Math.min(rows - 1, Math.max(0, (y - TILE / 2) / TILE));
    const ty0 = Math.floor(fy);
    const ty1 = Math.min(rows - 1, ty0 + 1);
    const wy = fy - ty0;
    for (let tx = 0; tx < cols; tx++) rowScale[tx] = scale[ty0 * cols + tx]! * (1 - wy) + scale[ty1 * cols + tx]! * wy;
    const row = y * width;
    const firstCentre = Math.min(width, TILE / 2);
    for (let x = 0; x < firstCentre; x++) grey(row + x, rowScale[0]!);
    for (let tx = 0; tx + 1 < cols; tx++) {
      const from = tx * TILE + TILE / 2;
      const to = Math.min(width, from + TILE);
      const step = (rowScale[tx + 1]! - rowScale[tx]!) / TILE;
      for (let x = from, s = rowScale[tx]!; x < to; x++, s += step) {
        const i = row + x;
        if (white !== null && (i & 3) === 0 && x + 4 <= to && white[i >> 2] === WHITE_WORD) {
          // Pure white stays white: the scale is at least 1 / (PAPER − FULL_INK) (paper is
          // never brighter than 255), which lifts 255 well past 255 + offset. The scale still
          // steps once per pixel, so the pixels after come out exactly as they would.
          s += step;
          s += step;
          s += step;
          x += 3;
          continue;
        }
        grey(i, s);
      }
    }
    for (let x = Math.max(firstCentre, (cols - 1) * TILE + TILE / 2); x < width; x++)
      grey(row + x, rowScale[cols - 1]!);
  }
  withoutSpecks(pixels, width, height, image.dpi);
  return { ...image, pixels };
}

/**
 * The picture with its paper lifted to at least the level `least`: where a tile's paper
 * is darker (dim or uneven light), its pixels are scaled up by `least` over that paper.
 * A fixed level of ink then means on a photo what it means on a clean scan; brighter
 * paper is left as it is.
 */
export function grayWithPaperLifted(image: GrayImage, least: number): GrayImage {
  const { width, height, pixels } = image;
  const paper = paperOfTiles(image);
  if (paper.every((level) => level >= least)) return image;
  const cols = Math.ceil(width / TILE);
  const out = new Uint8Array(pixels);
  for (let y = 0; y < height; y++) {
    const tiles = Math.floor(y / TILE) * cols;
    for (let tx = 0; tx < cols; tx++) {
      const scale = least / Math.max(1, paper[tiles + tx]!);
      if (scale <= 1) continue;
      const end = y * width + Math.min(width, (tx + 1) * TILE);
      for (let i = y * width + tx * TILE; i < end; i++) {
        const level = pixels[i]! * scale;
        out[i] = level >= 255 ? 255 : (level + 0.5) | 0;
      }
    }
  }
  return { ...image, pixels: out };
}

/**
 * The paper's level in each square tile of side `tile` (rows of tiles top to bottom); tiles
 * with no paper in them (all ink or picture) take the mean paper of the page.
 */
export function paperOfTiles(image: GrayImage, tile = TILE): Float32Array {
  const { width, height, pixels } = image;
  const cols = Math.ceil(width / tile);
  const rows = Math.ceil(height / tile);
  const paper = new Float32Array(cols * rows);
  const histogram = new Uint32Array(256);
  // A large tile's paper is as well measured on every other pixel of every other row.
  const step = tile >= SAMPLED_TILE ? 2 : 1;
  for (let ty = 0; ty < rows; ty++) {
    for (let tx = 0; tx < cols; tx++) {
      histogram.fill(0);
      const [x0, y0] = [tx * tile, ty * tile];
      const [x1, y1] = [Math.min(width, x0 + tile), Math.min(height, y0 + tile)];
      let counted = 0;
      for (let y = y0; y < y1; y += step) {
        for (let i = y * width + x0; i < y * width + x1; i += step) histogram[pixels[i]!]! += 1;
        counted += Math.ceil((x1 - x0) / step);
      }
      const wanted = PAPER_SHARE * counted;
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
  const out = new Uint8Array(width * height);
  if (width < 2 || height < 2) {
    out.set(pixels);
    return out;
  }
  // Down first, into one row of sums, then across it with a window of three sums held in
  // locals: each pixel is read once per pass and no row of sums is rotated or copied, a
  // third cheaper than filtering each row across and then three such rows down. The sums
  // are the same (the filter is separable), so is every pixel.
  const down = new Uint16Array(width);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    const above = y > 0 ? row - width : row;
    const below = y + 1 < height ? row + width : row;
    for (let x = 0; x < width; x++) down[x] = pixels[above + x]! + 2 * pixels[row + x]! + pixels[below + x]!;
    let left = down[0]!;
    let here = left;
    for (let x = 0; x < width - 1; x++) {
      const right = down[x + 1]!;
      out[row + x] = (left + 2 * here + right + 8) >> 4;
      left = here;
      here = right;
    }
    out[row + width - 1] = (left + 3 * here + 8) >> 4;
  }
  return out;
}
