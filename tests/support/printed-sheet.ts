import { createRequire } from 'node:module';
import type { GrayImage } from '../../src/formats/ocr/gray-image.js';

const require = createRequire(import.meta.url);
const { createCanvas } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas');

type Context = ReturnType<ReturnType<typeof createCanvas>['getContext']>;

/**
 * A white sheet to print on with the canvas (black ink, `font` set), and what was printed
 * as the grey picture the OCR modules read, at 300 dpi.
 */
export function printedSheet(
  width: number,
  height: number,
  font: string,
): { context: Context; picture: () => GrayImage } {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, width, height);
  context.fillStyle = 'black';
  context.font = font;
  const picture = (): GrayImage => {
    const { data } = context.getImageData(0, 0, width, height);
    const pixels = new Uint8Array(width * height);
    for (let i = 0; i < pixels.length; i++) pixels[i] = data[i * 4]!;
    return { width, height, pixels, dpi: 300 };
  };
  return { context, picture };
}
