import type { OcrPage, OcrWord } from './ocr-engine.js';
import { pixelBoxIn, type GrayImage } from './gray-image.js';

/**
 * Word boxes cut in to the word's own ink. The engine boxes each letter as the stretch of
 * the picture its recogniser looked at, and the last letter's stretch often runs on over
 * the space after the word: between two table cells set close together (two labels of a
 * header, a year and a tick) that space is all that tells the cells apart, and a box run
 * over it leaves them touching, so the layout reads them as one cell. Only blank columns
 * at a box's ends are cut; a box is never widened.
 */

// A pixel darker than this (0–255, on the cleaned page: ink dark on white paper) is ink.
const INK = 128;

export function pageWithWordsTrimmedToInk(page: OcrPage, ink: GrayImage): OcrPage {
  return { lines: page.lines.map((line) => ({ ...line, words: line.words.map((word) => wordTrimmed(word, ink)) })) };
}

/** The word with blank columns at its left and right ends cut off (as it was when its box holds no ink). */
export function wordTrimmed(word: OcrWord, image: GrayImage): OcrWord {
  const { x0, y0, x1, y1 } = pixelBoxIn(image, word);
  if (x1 <= x0 || y1 <= y0) return word;
  const inked = (x: number): boolean => {
    for (let y = y0; y < y1; y++) if (image.pixels[y * image.width + x]! < INK) return true;
    return false;
  };
  let left = x0;
  while (left < x1 && !inked(left)) left++;
  if (left === x1) return word;
  let right = x1 - 1;
  while (right > left && !inked(right)) right--;
  return { ...word, x0: Math.max(word.x0, left), x1: Math.min(word.x1, right + 1) };
}
