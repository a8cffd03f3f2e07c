/** One page of a multi-page TIFF: 8-bit grey pixels, row by row, and its resolution. */
export interface TiffFrame {
  width: number;
  height: number;
  pixels: Uint8Array;
  dpi: number;
}

// Baseline TIFF tags (TIFF 6.0, section 8) and field types.
const TAG = {
  width: 256,
  height: 257,
  bitsPerSample: 258,
  compression: 259,
  photometric: 262,
  stripOffsets: 273,
  samplesPerPixel: 277,
  rowsPerStrip: 278,
  stripByteCounts: 279,
  xResolution: 282,
  yResolution: 283,
  resolutionUnit: 296,
} as const;
const [SHORT, LONG, RATIONAL] = [3, 4, 5];

/**
 * A multi-page TIFF whose pages may each have their own size and resolution (as a scanner
 * writes a landscape page among portrait ones), uncompressed grey: sharp writes only pages
 * of one size.
 */
export function tiffOfFrames(frames: readonly TiffFrame[]): Uint8Array {
  const entries = 12;
  const ifdBytes = 2 + entries * 12 + 4;
  // Little-endian header, then each frame: its directory, its two resolutions, its pixels
  // (padded to an even length: a directory starts on a word boundary).
  const padded = (frame: TiffFrame): number => frame.width * frame.height + ((frame.width * frame.height) % 2);
  const sizes = frames.map((frame) => ifdBytes + 16 + padded(frame));
  const total = 8 + sizes.reduce((sum, size) => sum + size, 0);
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, 8, true);
  let at = 8;
  frames.forEach((frame, index) => {
    const resolution = at + ifdBytes;
    const pixels = resolution + 16;
    const fields: [number, number, number][] = [
      [TAG.width, LONG, frame.width],
      [TAG.height, LONG, frame.height],
      [TAG.bitsPerSample, SHORT, 8],
      [TAG.compression, SHORT, 1],
      [TAG.photometric, SHORT, 1],
      [TAG.stripOffsets, LONG, pixels],
      [TAG.samplesPerPixel, SHORT, 1],
      [TAG.rowsPerStrip, LONG, frame.height],
      [TAG.stripByteCounts, LONG, frame.width * frame.height],
      [TAG.xResolution, RATIONAL, resolution],
      [TAG.yResolution, RATIONAL, resolution + 8],
      [TAG.resolutionUnit, SHORT, 2],
    ];
    view.setUint16(at, entries, true);
    fields.forEach(([tag, type, value], i) => {
      const entry = at + 2 + i * 12;
      view.setUint16(entry, tag, true);
      view.setUint16(entry + 2, type, true);
      view.setUint32(entry + 4, 1, true);
      if (type === SHORT) view.setUint16(entry + 8, value, true);
      else view.setUint32(entry + 8, value, true);
    });
    const next = index + 1 < frames.length ? pixels + padded(frame) : 0;
    view.setUint32(at + 2 + entries * 12, next, true);
    for (const offset of [resolution, resolution + 8]) {
      view.setUint32(offset, frame.dpi, true);
      view.setUint32(offset + 4, 1, true);
    }
    bytes.set(frame.pixels.subarray(0, frame.width * frame.height), pixels);
    at = next;
  });
  return bytes;
}
