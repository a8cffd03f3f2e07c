import { WHITE_WORD, whiteWords, type GrayImage } from './gray-image.js';
import { paperOfTiles } from './paper-and-ink.js';

// The page is looked at in square cells of this side (inches): finer than the margin of a
// table's header band around its letters, coarse enough to be cheap.
const CELL_INCH = 1 / 100;
// The paper is measured in tiles of this side (inches), each taking the brightest paper of
// the tiles this many tiles around it: a band or banner wider than a tile is not paper.
const PAPER_TILE_INCH = 1 / 4;
const PAPER_REACH = 2;
// Darker than this share of the paper is dark (printed ink, a coloured band, a photo's surround).
const DARK_SHARE = 0.6;
// A cell this share dark or more is solid dark.
const SOLID_SHARE = 0.8;
// A dark background holds a square of solid dark this wide (inches) somewhere (between two
// words, around a short label); the strokes of letters, even of a bold title, are thinner.
const DEEPEST_STROKE_INCH = 1 / 10;
// ...and covers at least this much of the page (square inches) in solid dark.
const LEAST_AREA_SQ_INCH = 0.1;
// What encloses the band's type is its solid dark with at least this share of the pixels
// within AROUND_INCH dark: its cells along an edge have paper on one side, a rule running
// off it (or a table's frame joined to it) has paper on both.
const AROUND_INCH = 1 / 25;
const DARK_AROUND = 0.3;
// Over the area it surrounds, at least this share is its own solid dark: a frame or a
// photo's dark surround encloses mostly paper.
const LEAST_SOLID_SHARE = 0.4;
// ...and the rest, the light type it holds, at least this much (square inches).
const LEAST_LIGHT_SQ_INCH = 0.005;
// The band's edge, this many cells around what it encloses, is made paper where it is dark.
const EDGE_CELLS = 1;

/**
 * The page with reversed type (light letters on a dark band: a table's header row, a
 * banner, a heading set in a coloured box) turned into dark letters on paper. Measured
 * against the paper, the band would be all ink and its letters lost: the paper-and-ink
 * step blackens it and the engine sees a bar.
 *
 * A dark background is told from dark letters by its breadth: it holds a square of solid
 * dark wider than any stroke of type, covers a fair area, and the light it encloses on
 * every side (row by row and column by column) is a minority. Inside it, each pixel's
 * level is turned over so the band's own level becomes the paper around it and the
 * paper's level becomes ink; around its edge, only the dark is turned to paper, so the
 * band leaves no frame behind.
 */
export function grayWithReversedTypeTurned(image: GrayImage): GrayImage {
  const { width, height, pixels, dpi } = image;
  const tile = Math.max(16, Math.round(dpi * PAPER_TILE_INCH));
  const tileCols = Math.ceil(width / tile);
  const paper = brightestAround(paperOfTiles(image, tile), tileCols, Math.ceil(height / tile), PAPER_REACH);
  const cell = Math.max(2, Math.round(dpi * CELL_INCH));
  const grid = darkOfCells(image, cell, tile, paper);
  const { cols, rows } = grid;
  const depth = depthOf(grid.solid, cols, rows);
  // Only solid dark that holds a square wider than a stroke can be a band: the parts are
  // grown from such squares alone, so a page of type costs no labelling of its letters.
  const deep = Math.ceil(DEEPEST_STROKE_INCH / 2 / CELL_INCH);
  const cellsPerSqInch = (dpi / cell) ** 2;
  let deepest = 0;
  for (let i = 0; i < depth.length; i++) if (depth[i]! > deepest) deepest = depth[i]!;
  if (deepest < deep) return image;
  const { label, parts } = labelled(grid.solid, cols, rows, (i) => depth[i]! >= deep);
  if (parts.length === 0) return image;
  const darkAround = darkShareAround(grid, Math.max(1, Math.round(AROUND_INCH / CELL_INCH)));
  const region = new Uint8Array(cols * rows);
  const turned: (Part & { level: number })[] = [];
  for (const part of parts) {
    if (part.cells < LEAST_AREA_SQ_INCH * cellsPerSqInch) continue;
    const inside = enclosedCells((i) => label[i] === part.id && darkAround(i) >= DARK_AROUND, part, cols);
    let own = 0;
    for (const i of inside) if (label[i] === part.id) own++;
    const light = inside.length - own;
    if (own < LEAST_SOLID_SHARE * inside.length || light < LEAST_LIGHT_SQ_INCH * cellsPerSqInch) continue;
    for (const i of inside) region[i] = INSIDE;
    turned.push({ level: bandLevel(image, label, part, cell, cols), ...part });
  }
  if (turned.length === 0) return image;
  const out = new Uint8Array(pixels);
  const done = new Uint8Array(cols * rows);
  for (const band of turned) {
    const [x0, y0] = [Math.max(0, band.x0 - EDGE_CELLS), Math.max(0, band.y0 - EDGE_CELLS)];
    const [x1, y1] = [Math.min(cols - 1, band.x1 + EDGE_CELLS), Math.min(rows - 1, band.y1 + EDGE_CELLS)];
    for (let cy = y0; cy <= y1; cy++) {
      for (let cx = x0; cx <= x1; cx++) {
        const kind = region[cy * cols + cx] === INSIDE ? INSIDE : nearRegion(region, cols, rows, cx, cy) ? EDGE : 0;
        if (kind === 0 || done[cy * cols + cx] === 1) continue;
        done[cy * cols + cx] = 1;
        for (let y = cy * cell; y < Math.min(height, (cy + 1) * cell); y++) {
          const white = paper[Math.floor(y / tile) * tileCols + Math.floor((cx * cell) / tile)]!;
          const scale = white / Math.max(1, white - band.level);
          for (let x = cx * cell, i = y * width + x; x < Math.min(width, (cx + 1) * cell); x++, i++) {
            // The band's level becomes the paper's, the paper's level ink.
            const over = (white - pixels[i]!) * scale;
            const flipped = over <= 0 ? 0 : over >= 255 ? 255 : (over + 0.5) | 0;
            out[i] = kind === INSIDE ? flipped : Math.max(pixels[i]!, flipped);
          }
        }
      }
    }
  }
  return { ...image, pixels: out };
}

const INSIDE = 1;
const EDGE = 2;

interface Part {
  id: number;
  cells: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Each tile's paper level raised to the brightest within `reach` tiles around it. */
function brightestAround(levels: Float32Array, cols: number, rows: number, reach: number): Float32Array {
  const across = new Float32Array(levels.length);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      let best = 0;
      for (let k = Math.max(0, x - reach); k <= Math.min(cols - 1, x + reach); k++)
        best = Math.max(best, levels[y * cols + k]!);
      across[y * cols + x] = best;
    }
  }
  const out = new Float32Array(levels.length);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      let best = 0;
      for (let k = Math.max(0, y - reach); k <= Math.min(rows - 1, y + reach); k++)
        best = Math.max(best, across[k * cols + x]!);
      out[y * cols + x] = best;
    }
  }
  return out;
}

interface CellGrid {
  cols: number;
  rows: number;
  /** Dark pixels in each cell, and the pixels it has (fewer at the page's right and bottom edges). */
  dark: Uint32Array;
  size: Uint32Array;
  /** 1 for a cell at least SOLID_SHARE dark. */
  solid: Uint8Array;
}

/** How many of each cell's pixels are darker than DARK_SHARE of the paper there. */
function darkOfCells(image: GrayImage, cell: number, tile: number, paper: Float32Array): CellGrid {
  const { width, height, pixels } = image;
  const cols = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const tileCols = Math.ceil(width / tile);
  const cellOfX = new Int32Array(width);
  for (let x = 0; x < width; x++) cellOfX[x] = Math.floor(x / cell);
  const dark = new Uint32Array(cols * rows);
  // Dark is darker than a share of the paper, which pure white never is.
  const white = whiteWords(pixels);
  for (let y = 0; y < height; y++) {
    const cellRow = Math.floor(y / cell) * cols;
    const tileRow = Math.floor(y / tile) * tileCols;
    for (let tx = 0; tx < tileCols; tx++) {
      const limit = DARK_SHARE * paper[tileRow + tx]!;
      const end = y * width + Math.min(width, (tx + 1) * tile);
      for (let x = tx * tile, i = y * width + x; i < end; x++, i++) {
        if (white !== null && (i & 3) === 0 && i + 4 <= end && white[i >> 2] === WHITE_WORD) {
          x += 3;
          i += 3;
          continue;
        }
        if (pixels[i]! < limit) dark[cellRow + cellOfX[x]!]!++;
      }
    }
  }
  const size = new Uint32Array(cols * rows);
  const solid = new Uint8Array(cols * rows);
  for (let cy = 0; cy < rows; cy++) {
    const tall = Math.min(cell, height - cy * cell);
    for (let cx = 0; cx < cols; cx++) {
      const i = cy * cols + cx;
      size[i] = Math.min(cell, width - cx * cell) * tall;
      if (dark[i]! >= SOLID_SHARE * size[i]!) solid[i] = 1;
    }
  }
  return { cols, rows, dark, size, solid };
}

/** The share of dark pixels in the square of cells `reach` cells around a cell (a summed-area table). */
function darkShareAround(grid: CellGrid, reach: number): (i: number) => number {
  const { cols, rows, dark, size } = grid;
  const w = cols + 1;
  const darkSum = new Float64Array(w * (rows + 1));
  const sizeSum = new Float64Array(w * (rows + 1));
  for (let y = 0; y < rows; y++) {
    let rowDark = 0;
    let rowSize = 0;
    for (let x = 0; x < cols; x++) {
      rowDark += dark[y * cols + x]!;
      rowSize += size[y * cols + x]!;
      darkSum[(y + 1) * w + x + 1] = darkSum[y * w + x + 1]! + rowDark;
      sizeSum[(y + 1) * w + x + 1] = sizeSum[y * w + x + 1]! + rowSize;
    }
  }
  const box = (sum: Float64Array, x0: number, y0: number, x1: number, y1: number): number =>
    sum[y1 * w + x1]! - sum[y0 * w + x1]! - sum[y1 * w + x0]! + sum[y0 * w + x0]!;
  return (i) => {
    const [x, y] = [i % cols, (i / cols) | 0];
    const [x0, y0] = [Math.max(0, x - reach), Math.max(0, y - reach)];
    const [x1, y1] = [Math.min(cols, x + reach + 1), Math.min(rows, y + reach + 1)];
    return box(darkSum, x0, y0, x1, y1) / Math.max(1, box(sizeSum, x0, y0, x1, y1));
  };
}

/** Cells from each solid cell to the nearest cell that is not solid, counted along rows, columns or diagonals. */
function depthOf(solid: Uint8Array, cols: number, rows: number): Uint16Array {
  const depth = new Uint16Array(cols * rows);
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= cols || y >= rows ? 0 : depth[y * cols + x]!);
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      if (solid[y * cols + x] === 0) continue;
      depth[y * cols + x] = 1 + Math.min(at(x - 1, y), at(x - 1, y - 1), at(x, y - 1), at(x + 1, y - 1));
    }
  }
  for (let y = rows - 1; y >= 0; y--) {
    for (let x = cols - 1; x >= 0; x--) {
      if (solid[y * cols + x] === 0) continue;
      const below = 1 + Math.min(at(x + 1, y), at(x + 1, y + 1), at(x, y + 1), at(x - 1, y + 1));
      depth[y * cols + x] = Math.min(depth[y * cols + x]!, below);
    }
  }
  return depth;
}

/**
 * The connected parts (side by side or above one another) of solid cells that hold a
 * cell `seeds` accepts, each cell labelled with its part's id (from 1).
 */
function labelled(
  solid: Uint8Array,
  cols: number,
  rows: number,
  seeds: (i: number) => boolean,
): { label: Int32Array; parts: Part[] } {
  const label = new Int32Array(cols * rows);
  const parts: Part[] = [];
  const stack: number[] = [];
  for (let start = 0; start < solid.length; start++) {
    if (solid[start] === 0 || label[start] !== 0 || !seeds(start)) continue;
    const part: Part = { id: parts.length + 1, cells: 0, x0: cols, y0: rows, x1: 0, y1: 0 };
    parts.push(part);
    label[start] = part.id;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const [x, y] = [i % cols, (i / cols) | 0];
      part.cells++;
      part.x0 = Math.min(part.x0, x);
      part.y0 = Math.min(part.y0, y);
      part.x1 = Math.max(part.x1, x);
      part.y1 = Math.max(part.y1, y);
      const visit = (j: number): void => {
        if (solid[j] === 1 && label[j] === 0) {
          label[j] = part.id;
          stack.push(j);
        }
      };
      if (x > 0) visit(i - 1);
      if (x + 1 < cols) visit(i + 1);
      if (y > 0) visit(i - cols);
      if (y + 1 < rows) visit(i + cols);
    }
  }
  return { label, parts };
}

function forCells(part: Part, cols: number, each: (i: number) => void): void {
  for (let y = part.y0; y <= part.y1; y++) for (let x = part.x0; x <= part.x1; x++) each(y * cols + x);
}

/**
 * The cells within a part's box that `encloses` cells stand both before and after in
 * their row, and both above and below in their column (those cells among them).
 */
function enclosedCells(encloses: (i: number) => boolean, part: Part, cols: number): number[] {
  const [w, h] = [part.x1 - part.x0 + 1, part.y1 - part.y0 + 1];
  const rowFirst = new Int32Array(h).fill(w);
  const rowLast = new Int32Array(h).fill(-1);
  const colFirst = new Int32Array(w).fill(h);
  const colLast = new Int32Array(w).fill(-1);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!encloses((part.y0 + y) * cols + part.x0 + x)) continue;
      rowFirst[y] = Math.min(rowFirst[y]!, x);
      rowLast[y] = x;
      colFirst[x] = Math.min(colFirst[x]!, y);
      colLast[x] = y;
    }
  }
  const cells: number[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = rowFirst[y]!; x <= rowLast[y]!; x++)
      if (y >= colFirst[x]! && y <= colLast[x]!) cells.push((part.y0 + y) * cols + part.x0 + x);
  }
  return cells;
}

/** The middle level of the band's solid cells: what becomes paper. */
function bandLevel(image: GrayImage, label: Int32Array, part: Part, cell: number, cols: number): number {
  const histogram = new Uint32Array(256);
  let count = 0;
  forCells(part, cols, (i) => {
    if (label[i] !== part.id) return;
    const [x0, y0] = [(i % cols) * cell, ((i / cols) | 0) * cell];
    for (let y = y0; y < Math.min(image.height, y0 + cell); y++) {
      for (let x = x0; x < Math.min(image.width, x0 + cell); x++) {
        histogram[image.pixels[y * image.width + x]!]!++;
        count++;
      }
    }
  });
  let seen = 0;
  let level = 0;
  while (level < 255 && seen + histogram[level]! < count / 2) seen += histogram[level++]!;
  return level;
}

/** Whether a cell lies within EDGE_CELLS of a cell inside a turned band. */
function nearRegion(region: Uint8Array, cols: number, rows: number, x: number, y: number): boolean {
  for (let ny = Math.max(0, y - EDGE_CELLS); ny <= Math.min(rows - 1, y + EDGE_CELLS); ny++) {
    for (let nx = Math.max(0, x - EDGE_CELLS); nx <= Math.min(cols - 1, x + EDGE_CELLS); nx++)
      if (region[ny * cols + nx] === INSIDE) return true;
  }
  return false;
}
