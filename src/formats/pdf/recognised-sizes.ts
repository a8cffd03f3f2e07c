import { roundSize } from './pdf-layout.js';
import type { TextRun } from './pdf-text-items.js';

// Each side needs this many characters at its commonest size before the two are compared.
const ENOUGH_CHARS = 100;
// A face's lower-case letters stand between about 0.45 and 0.6 of its size, so a size
// measured from them is off by up to this factor either way; a larger gap between the two
// commonest sizes is another document's type (an attached letter), not a measuring bias.
const MEASURING_BIAS = 1.35;
// A recognised size this close to a stored one (share of the stored size) is that size.
const SAME_SIZE = 0.1;

/**
 * Sizes of the pages OCR read in a PDF whose other pages keep their text layer, put on
 * the scale of the stored sizes. The picture gives a size from the height of lower-case
 * letters and an assumed share of the type size, which is a tenth or more off for many
 * faces, while the stored pages give the true sizes of the same document's type. Left
 * apart, the layout steps would see two sets of sizes: the scanned page's body text
 * (measured 13 pt for 12 pt type) taken for the stored pages' 13 pt headings, lines of
 * one list item cut where a measured 9.5 pt line follows a stored 10 pt one. The
 * commonest recognised size is taken to be the commonest stored size, every recognised
 * size is scaled by the same factor, and a scaled size close to a stored one takes it.
 */
export function recognisedSizesOnStoredScale(recognised: readonly TextRun[], stored: readonly TextRun[]): void {
  const storedBody = commonestSize(stored);
  const recognisedBody = commonestSize(recognised);
  if (!storedBody || !recognisedBody) return;
  const factor = storedBody / recognisedBody;
  if (factor > MEASURING_BIAS || factor < 1 / MEASURING_BIAS) return;
  const storedSizes = [...new Set(stored.map((run) => roundSize(run.size)))];
  const scaled = new Map<number, number>();
  for (const size of new Set(recognised.map((run) => run.size))) scaled.set(size, size * factor);
  // Two recognised sizes never become one: a stored size goes to the closest of those near it.
  const claimed = new Map<number, { size: number; off: number }>();
  for (const [size, value] of scaled) {
    const nearest = closest(storedSizes, value);
    if (nearest === null) continue;
    const off = Math.abs(value - nearest) / nearest;
    if (off > SAME_SIZE) continue;
    const holder = claimed.get(nearest);
    if (!holder || off < holder.off) claimed.set(nearest, { size, off });
  }
  const settled = new Map<number, number>();
  for (const [size, value] of scaled) settled.set(size, roundSize(value));
  for (const [storedSize, { size }] of claimed) settled.set(size, storedSize);
  for (const run of recognised) run.size = settled.get(run.size) ?? run.size;
}

/** The size most characters are set in, or null when too little text is set in it to tell. */
function commonestSize(runs: readonly TextRun[]): number | null {
  const chars = new Map<number, number>();
  for (const run of runs) {
    const size = roundSize(run.size);
    chars.set(size, (chars.get(size) ?? 0) + run.text.replace(/\s/g, '').length);
  }
  let best: number | null = null;
  let most = 0;
  for (const [size, count] of chars) if (count > most) [best, most] = [size, count];
  return most >= ENOUGH_CHARS ? best : null;
}

function closest(sizes: readonly number[], value: number): number | null {
  let best: number | null = null;
  for (const size of sizes) if (best === null || Math.abs(size - value) < Math.abs(best - value)) best = size;
  return best;
}
