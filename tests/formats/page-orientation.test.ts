import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GrayImage } from '../../src/formats/ocr/gray-image.js';
import type { OcrPage } from '../../src/formats/ocr/ocr-engine.js';
import { ocrEngine, ocrEngineStopped } from '../../src/formats/ocr/ocr-engine.js';
import { DEFAULT_OCR_OPTIONS } from '../../src/formats/ocr/ocr-options.js';
import { grayTurned, orientationEvidence, pageReadUpright } from '../../src/formats/ocr/page-orientation.js';

/**
 * Page 1 of fixtures/kazakhstan-2023/report.pdf as scripts/scans/make-scans.mjs scans it:
 * upright (flat-png) and fed a quarter turn clockwise, about half a degree askew
 * (sideways-png). Only the last test runs an engine, on the three lines of the page's head.
 */
async function grayFromPng(name: string): Promise<GrayImage> {
  const bytes = readFileSync(new URL(`../data/scans/${name}`, import.meta.url));
  const { data, info } = await sharp(bytes).greyscale().raw().toBuffer({ resolveWithObject: true });
  const pixels = new Uint8Array(info.width * info.height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = data[i * info.channels]!;
  return { width: info.width, height: info.height, pixels, dpi: 300 };
}

/** The top `share` of the page: its title, author and date, and little else. */
function headOf(page: GrayImage, share: number): GrayImage {
  const height = Math.round(page.height * share);
  return { ...page, height, pixels: page.pixels.slice(0, page.width * height) };
}

let upright: GrayImage;
let sideways: GrayImage;

beforeAll(async () => {
  [upright, sideways] = await Promise.all([
    grayFromPng('kazakhstan-page1-flat.png'),
    grayFromPng('kazakhstan-page1-sideways.png'),
  ]);
});

afterAll(async () => {
  await ocrEngineStopped();
});

describe('turning a page', () => {
  const page: GrayImage = { width: 3, height: 2, pixels: Uint8Array.from([1, 2, 3, 4, 5, 6]), dpi: 300 };

  it('turns by quarter turns clockwise, swapping width and height on a quarter turn', () => {
    // 1 2 3      4 1      6 5 4      3 6
    // 4 5 6  →   5 2  ,   3 2 1  ,   2 5
    //            6 3                 1 4
    expect(grayTurned(page, 1)).toMatchObject({ width: 2, height: 3, pixels: Uint8Array.from([4, 1, 5, 2, 6, 3]) });
    expect(grayTurned(page, 2)).toMatchObject({ width: 3, height: 2, pixels: Uint8Array.from([6, 5, 4, 3, 2, 1]) });
    expect(grayTurned(page, 3)).toMatchObject({ width: 2, height: 3, pixels: Uint8Array.from([3, 6, 2, 5, 1, 4]) });
    let turned = page;
    for (let i = 0; i < 4; i++) turned = grayTurned(turned, 1);
    expect(turned).toEqual(page);
  });
});

describe('which way up a page is, from its ink', () => {
  it('is sure an upright scanned page is upright', () => {
    expect(orientationEvidence(upright)).toMatchObject({ turned: 0, sure: true });
  });

  it('tells each of the four ways a scanned page can be fed, askew as fed', () => {
    // The sideways scan was fed a quarter turn clockwise; turning it on gives the other three.
    for (const more of [0, 1, 2, 3] as const) {
      const evidence = orientationEvidence(grayTurned(sideways, more));
      expect(evidence).toMatchObject({ turned: (1 + more) % 4, sure: true });
      expect(evidence.lineContrast).toBeGreaterThan(5);
      expect(Math.abs(evidence.tallOverDeep)).toBeGreaterThan(0.35);
    }
  });

  it('is not sure of three short lines, though it leans the right way', () => {
    const head = headOf(upright, 0.22);
    expect(orientationEvidence(head)).toMatchObject({ turned: 0, sure: false });
    expect(orientationEvidence(grayTurned(head, 2))).toMatchObject({ turned: 2, sure: false });
  });

  it('finds nothing to go by on a blank page', () => {
    const blank = { width: 600, height: 800, pixels: new Uint8Array(600 * 800).fill(250), dpi: 100 };
    expect(orientationEvidence(blank)).toMatchObject({ turned: 0, sure: false, linePieces: 0 });
  });
});

describe('reading a page the ink leaves unsure of', () => {
  const words = (text: string, confidence: number): OcrPage => ({
    lines: [
      {
        words: [{ text, confidence, x0: 0, y0: 0, x1: 1, y1: 1 }],
        baseline: { x0: 0, y0: 1, x1: 1, y1: 1 },
        xHeight: 1,
      },
    ],
  });
  const same = (a: GrayImage, b: GrayImage) =>
    a.width === b.width && a.height === b.height && Buffer.from(a.pixels).equals(Buffer.from(b.pixels));
  /** An engine that reads `truth` well and anything else as a scatter of marks. */
  const engineReading = (truth: GrayImage) => {
    const given: GrayImage[] = [];
    const read = async (picture: GrayImage) => {
      given.push(picture);
      return same(picture, truth) ? words('Kazakhstan Aziz Soltobaev 23.03.23', 0.93) : words('uejsyyezey ZIZV', 0.35);
    };
    return { read, given };
  };

  it('reads once in the turn the ink leans to when that reads well', async () => {
    const head = grayTurned(headOf(upright, 0.22), 2);
    const engine = engineReading(headOf(upright, 0.22));
    const read = await pageReadUpright(head, engine.read);
    expect(read.turned).toBe(2);
    expect(engine.given).toHaveLength(1);
  });

  it('reads again upside down when the first read is poor, and keeps the better read', async () => {
    const head = headOf(upright, 0.22);
    // The ink leans to upright; suppose the page really is the other way up.
    const engine = engineReading(grayTurned(head, 2));
    const read = await pageReadUpright(head, engine.read);
    expect(engine.given).toHaveLength(2);
    expect(read.turned).toBe(2);
    expect(read.lines[0]!.words[0]!.text).toMatch(/^Kazakhstan/);
  });

  it('keeps the first read when no other turn reads clearly better', async () => {
    const head = headOf(upright, 0.22);
    const read = await pageReadUpright(head, async () => words('No 1', 0.5));
    expect(read.turned).toBe(0);
  });

  it('reads the head of a page stored upside down with tesseract.js', async () => {
    const engine = await ocrEngine({ ...DEFAULT_OCR_OPTIONS, engine: 'tesseract.js' });
    const head = headOf(upright, 0.22);
    const read = await engine.recognize(grayTurned(head, 2));
    expect([read.width, read.height]).toEqual([head.width, head.height]);
    const text = read.lines.map((line) => line.words.map((word) => word.text).join(' '));
    expect(text).toEqual(expect.arrayContaining(['Kazakhstan', 'Aziz Soltobaev']));
  }, 60_000);
});
