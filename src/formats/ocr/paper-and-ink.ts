import type { GrayImage } from './gray-image.js';

// Side of the square tiles the paper's brightness is measured in (pixels).
const TILE = 64;
// The paper is what is at least this bright within a tile (share of its pixels darker).
const PAPER_SHARE = 0.9;
// A pixel darker than this share of the paper around it is ink.
const INK_SHARE = 0.72;
// Tiles darker than this are a picture or a black border, not paper; they take their neighbours' paper.
const MIN_PAPER = 90;

/**
 * The page in black and white, measured against the paper around each pixel rather
 * than one level for the whole page: a photo lit from one side, a grey scan or a
 * highlighter stroke keeps its letters black on white. Tesseract's own thresholding
 * takes faint leftovers of table rules and JPEG noise for ink and garbles whole rows.
 */
export function grayAsInk(image: GrayImage): GrayImage {
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
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) histogram[pixels[y * width + x]!]! += 1;
      const wanted = PAPER_SHARE * (x1 - x0) * (y1 - y0);
      let seen = 0;
      let level = 0;
      while (level < 255 && seen + histogram[level]! < wanted) seen += histogram[level++]!;
      paper[ty * cols + tx] = level;
    }
  }
  fillDarkTiles(paper, cols, rows);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    // Paper level between tile centres, interpolated so tile edges leave no seams.
    const fy = Math.min(rows - 1, Math.max(0, (y - TILE / 2) / TILE));
    const ty0 = Math.floor(fy);
    const ty1 = Math.min(rows - 1, ty0 + 1);
    const wy = fy - ty0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(cols - 1, Math.max(0, (x - TILE / 2) / TILE));
      const tx0 = Math.floor(fx);
      const tx1 = Math.min(cols - 1, tx0 + 1);
      const wx = fx - tx0;
      const top = paper[ty0 * cols + tx0]! * (1 - wx) + paper[ty0 * cols + tx1]! * wx;
      const bottom = paper[ty1 * cols + tx0]! * (1 - wx) + paper[ty1 * cols + tx1]! * wx;
      const level = top * (1 - wy) + bottom * wy;
      out[y * width + x] = pixels[y * width + x]! < INK_SHARE * level ? 0 : 255;
    }
  }
  withoutSpecks(out, width, height);
  return { ...image, pixels: out };
}

/**
 * Dust and scanner noise: ink of at most a few pixels with paper all around it. The
 * engine reads such specks as quotes, dashes or dots beside words ("‘Changes", "Mensah-");
 * a full stop is many times larger and stays.
 */
function withoutSpecks(ink: Uint8Array, width: number, height: number): void {
  for (let y = 2; y < height - 2; y++) {
    for (let x = 2; x < width - 2; x++) {
      if (ink[y * width + x] !== 0) continue;
      let inner = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) if (ink[(y + dy) * width + x + dx] === 0) inner++;
      if (inner > 4) continue;
      let ring = false;
      for (let d = -2; d <= 2 && !ring; d++) {
        ring =
          ink[(y - 2) * width + x + d] === 0 ||
          ink[(y + 2) * width + x + d] === 0 ||
          ink[(y + d) * width + x - 2] === 0 ||
          ink[(y + d) * width + x + 2] === 0;
      }
      if (ring) continue;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) ink[(y + dy) * width + x + dx] = 255;
    }
  }
}

/** Tiles with no paper in them (all ink or picture) take the mean paper of the page. */
function fillDarkTiles(paper: Float32Array, cols: number, rows: number): void {
  let sum = 0;
  let count = 0;
  for (const level of paper) if (level >= MIN_PAPER) [sum, count] = [sum + level, count + 1];
  const mean = count > 0 ? sum / count : 255;
  for (let i = 0; i < cols * rows; i++) if (paper[i]! < MIN_PAPER) paper[i] = mean;
}
