import { WHITE_WORD, whiteWords } from './gray-image.js';

// A speck of dust is at most this wide and tall (inches: 6 pixels at 300 dpi; a full
// stop of 10 pt type is 7).
const SPECK_INCH = 1 / 50;
// ...and has no other ink within this many times its size around it, nor within
// CLEAR_INCH (12 pixels at 300 dpi). A full stop, the dot of an i, a comma or an accent
// stands closer than that to its letters, however small the type, since both scale with
// it; a dot drawn faint in a coarse picture may show only a pixel of full ink, so the
// least clearance is fixed. Dust lands anywhere.
const CLEAR_TIMES = 3;
const CLEAR_INCH = 1 / 25;
// Darker than this is ink.
const INK = 128;

/**
 * Paints out dust and scanner noise: small blots of ink standing alone. The engine reads
 * them as quotes, dashes or dots beside words ("‘Changes", "Mensah-", "Y .P"), and a speck
 * between a table's cells can shift a row's answers by a column. Blots are found as
 * connected ink (runs of neighbouring rows that touch), so a speck is measured whole.
 */
export function withoutSpecks(pixels: Uint8Array, width: number, height: number, dpi: number): void {
  const largest = Math.max(2, Math.round(dpi * SPECK_INCH));
  const leastClear = Math.round(dpi * CLEAR_INCH);
  const runs = inkRuns(pixels, width, height);
  const count = runs.row.length;
  const parent = new Int32Array(count);
  for (let r = 0; r < count; r++) parent[r] = r;
  const root = (r: number): number => {
    while (parent[r] !== r) r = parent[r] = parent[parent[r]!]!;
    return r;
  };
  for (let y = 1; y < height; y++) {
    let a = runs.firstOfRow[y - 1]!;
    let b = runs.firstOfRow[y]!;
    const [aEnd, bEnd] = [runs.firstOfRow[y]!, runs.firstOfRow[y + 1]!];
    while (a < aEnd && b < bEnd) {
      // Diagonal neighbours touch too.
      if (runs.start[a]! <= runs.end[b]! && runs.start[b]! <= runs.end[a]!) parent[root(a)] = root(b);
      if (runs.end[a]! < runs.end[b]!) a++;
      else b++;
    }
  }
  const left = new Int32Array(count).fill(width);
  const right = new Int32Array(count).fill(-1);
  const top = new Int32Array(count).fill(height);
  const bottom = new Int32Array(count).fill(-1);
  const area = new Int32Array(count);
  for (let r = 0; r < count; r++) {
    const blot = root(r);
    left[blot] = Math.min(left[blot]!, runs.start[r]!);
    right[blot] = Math.max(right[blot]!, runs.end[r]! - 1);
    top[blot] = Math.min(top[blot]!, runs.row[r]!);
    bottom[blot] = Math.max(bottom[blot]!, runs.row[r]!);
    area[blot]! += runs.end[r]! - runs.start[r]!;
  }
  for (let blot = 0; blot < count; blot++) {
    if (parent[blot] !== blot) continue;
    const size = Math.max(right[blot]! - left[blot]!, bottom[blot]! - top[blot]!) + 1;
    if (size > largest) continue;
    const clear = Math.max(leastClear, CLEAR_TIMES * size);
    const [x0, x1] = [Math.max(0, left[blot]! - clear), Math.min(width - 1, right[blot]! + clear)];
    const [y0, y1] = [Math.max(0, top[blot]! - clear), Math.min(height - 1, bottom[blot]! + clear)];
    let ink = 0;
    for (let y = y0; y <= y1 && ink <= area[blot]!; y++) {
      for (let i = y * width + x0; i <= y * width + x1; i++) if (pixels[i]! < INK) ink++;
    }
    if (ink > area[blot]!) continue;
    // The speck's grey edge goes with it.
    for (let y = Math.max(0, top[blot]! - 2); y <= Math.min(height - 1, bottom[blot]! + 2); y++) {
      pixels.fill(255, y * width + Math.max(0, left[blot]! - 2), y * width + Math.min(width, right[blot]! + 3));
    }
  }
}

interface InkRuns {
  row: Int32Array;
  /** First pixel of each run along its row, and the one after its last. */
  start: Int32Array;
  end: Int32Array;
  /** Index of the first run of each row; one more entry ends the last row. */
  firstOfRow: Int32Array;
}

function inkRuns(pixels: Uint8Array, width: number, height: number): InkRuns {
  // Typed lists grown by doubling: a page holds hundreds of thousands of runs, which plain
  // arrays of numbers hold and then copy into typed ones at several times the cost.
  let row = new Int32Array(1024);
  let start = new Int32Array(1024);
  let end = new Int32Array(1024);
  let count = 0;
  const firstOfRow = new Int32Array(height + 1);
  const white = whiteWords(pixels);
  for (let y = 0; y < height; y++) {
    firstOfRow[y] = count;
    const base = y * width;
    for (let x = 0; x < width; x++) {
      if (white !== null && ((base + x) & 3) === 0 && x + 4 <= width && white[(base + x) >> 2] === WHITE_WORD) {
        x += 3;
        continue;
      }
      if (pixels[base + x]! >= INK) continue;
      const from = x;
      while (x + 1 < width && pixels[base + x + 1]! < INK) x++;
      if (count === row.length) [row, start, end] = [grown(row), grown(start), grown(end)];
      row[count] = y;
      start[count] = from;
      end[count] = x + 1;
      count++;
    }
  }
  firstOfRow[height] = count;
  return { row: row.subarray(0, count), start: start.subarray(0, count), end: end.subarray(0, count), firstOfRow };
}

function grown(list: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const more = new Int32Array(list.length * 2);
  more.set(list);
  return more;
}
