import type { EngineRun, OcrPage } from './ocr-engine.js';
import type { GrayImage } from './gray-image.js';

/** Readings of one file's pictures, by picture: a file read again for its accents reads the same pages first. */
export type KeptReadings = Map<string, OcrPage>;

// Far more than a file's pages and second looks; past it, pictures are read again.
const MOST_KEPT = 1000;

/**
 * The run, remembering in `kept` what it read: the same picture (same pixels, same engine
 * and data) gives back a copy of the same reading without the engine, which costs seconds
 * a page.
 */
export function readingsKept(run: EngineRun, kept: KeptReadings): EngineRun {
  return {
    name: run.name,
    read: async (input) => {
      const key = `${run.name}\0${fingerprintOf(input)}`;
      const known = kept.get(key);
      if (known) return structuredClone(known);
      const page = await run.read(input);
      if (kept.size < MOST_KEPT) kept.set(key, structuredClone(page));
      return page;
    },
  };
}

// Every seventh pixel is hashed: the pictures told apart are one file's pages and the
// crops cut from them, which differ in size or in far more pixels than that.
const STRIDE = 7;

/** Two 32-bit hashes (FNV-1a and a multiply-add) of a sample of the pixels, with the size and resolution. */
function fingerprintOf(image: GrayImage): string {
  const pixels = image.pixels;
  let fnv = 0x811c9dc5;
  let mix = 0;
  for (let i = 0; i < pixels.length; i += STRIDE) {
    fnv = Math.imul(fnv ^ pixels[i]!, 0x01000193);
    mix = (Math.imul(mix, 31) + pixels[i]!) | 0;
  }
  return `${image.width}x${image.height}@${image.dpi}:${(fnv >>> 0).toString(16)}:${(mix >>> 0).toString(16)}`;
}
