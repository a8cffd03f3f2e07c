import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hocrLines } from '../../src/formats/ocr/hocr.js';
import { ocrEngine, ocrEngineStopped, wordsSplitAtGaps } from '../../src/formats/ocr/ocr-engine.js';
import { DEFAULT_OCR_OPTIONS } from '../../src/formats/ocr/ocr-options.js';
import { grayLevelled, skewOf } from '../../src/formats/ocr/page-skew.js';
import { tiffFromGray, type GrayImage } from '../../src/formats/ocr/gray-image.js';
import sharp from 'sharp';

// Lines as Tesseract 5.3 writes them with hocr_char_boxes (cut from a real page's output).
const HOCR = `<div class='ocr_page' id='page_1' title='image "stdin"; bbox 0 0 2550 3300; ppageno 0'>
 <div class='ocr_carea' id='block_1_1' title="bbox 376 375 535 432">
  <p class='ocr_par' id='par_1_1' lang='eng' title="bbox 376 375 535 432">
   <span class='ocr_header' id='line_1_1' title="bbox 376 375 535 432; baseline 0.025 -4; x_size 59.42; x_descenders 6.42; x_ascenders 11">
    <span class='ocrx_word' id='word_1_1' title='bbox 376 375 535 432; x_wconf 95'>
     <span class='ocrx_cinfo' title='x_bboxes 376 375 421 428; x_conf 99.3'>P</span>
     <span class='ocrx_cinfo' title='x_bboxes 425 388 462 430; x_conf 99.5'>e</span>
     <span class='ocrx_cinfo' title='x_bboxes 469 389 493 430; x_conf 99.3'>r</span>
     <span class='ocrx_cinfo' title='x_bboxes 498 390 535 432; x_conf 99.2'>u</span>
    </span>
   </span>
   <span class='ocr_line' id='line_1_2' title="bbox 371 479 769 529; baseline 0 -10; x_size 44; x_descenders 9; x_ascenders 9">
    <span class='ocrx_word' id='word_1_2' title='bbox 371 479 460 519; x_wconf 88'>
     <span class='ocrx_cinfo' title='x_bboxes 371 479 400 519; x_conf 90'>A</span>
     <span class='ocrx_cinfo' title='x_bboxes 402 479 430 519; x_conf 90'>&amp;</span>
     <span class='ocrx_cinfo' title='x_bboxes 432 479 460 519; x_conf 90'>&#39;</span>
    </span>
   </span>
  </p>
 </div>
</div>`;

afterAll(async () => {
  await ocrEngineStopped();
});

describe('hOCR from the tesseract program', () => {
  it('gives every line (headers too) with its box, baseline, sizes, words, confidences and letters', () => {
    const lines = hocrLines(HOCR);
    expect(lines).toHaveLength(2);
    const [title, second] = lines;
    expect(title).toMatchObject({
      box: { x0: 376, y0: 375, x1: 535, y1: 432 },
      slope: 0.025,
      baselineOffset: -4,
      size: 59.42,
      ascenders: 11,
      descenders: 6.42,
    });
    expect(title!.words).toHaveLength(1);
    expect(title!.words[0]).toMatchObject({ text: 'Peru', confidence: 0.95, x0: 376, y0: 375, x1: 535, y1: 432 });
    expect(title!.words[0]!.symbols.map((s) => [s.text, s.x0, s.x1])).toEqual([
      ['P', 376, 421],
      ['e', 425, 462],
      ['r', 469, 493],
      ['u', 498, 535],
    ]);
    // Character references are decoded.
    expect(second!.words[0]!.text).toBe("A&'");
  });
});

describe("words from the engine's letters", () => {
  const letters = (text: string, tops: number[], bottoms: number[]) =>
    [...text].map((ch, i) => ({ text: ch, x0: 100 + 30 * i, x1: 125 + 30 * i, y0: tops[i]!, y1: bottoms[i]! }));
  const word = { text: 'Country', confidence: 0.96, x0: 100, y0: 0, x1: 305, y1: 0 };

  it('stands as high as its letters agree, leaving out a letter box that reaches far beyond its letter', () => {
    // "C" and "r" as the engine boxed them took in a list number on the line below.
    const symbols = letters(
      'Country',
      [1201, 1213, 1214, 1214, 1205, 1197, 1213],
      [1301, 1245, 1245, 1245, 1245, 1305, 1257],
    );
    const [read] = wordsSplitAtGaps({ ...word, y0: 1197, y1: 1305 }, symbols, 32);
    expect(read).toMatchObject({ text: 'Country', y0: 1205, y1: 1257 });
  });

  it('keeps the box of a word whose letters agree, and of one whose letters do not tell', () => {
    const symbols = letters('risk', [1676, 1667, 1676, 1667], [1702, 1702, 1702, 1702]);
    expect(wordsSplitAtGaps({ ...word, text: 'risk', y0: 1667, y1: 1702 }, symbols, 26)[0]).toMatchObject({
      y0: 1667,
      y1: 1702,
    });
    expect(
      wordsSplitAtGaps({ ...word, text: '.,', y0: 10, y1: 90 }, letters('.,', [10, 50], [60, 90]), 26)[0],
    ).toMatchObject({ y0: 10, y1: 90 });
  });
});

describe('word boxes that run into the next cell', () => {
  const symbol = (text: string, x0: number, x1: number) => ({ text, x0, x1, y0: 100, y1: 133 });

  it('cuts back an end letter boxed wider than any letter is', () => {
    // "2022" with its last letter's box run on over the tick in the next cell.
    const symbols = [symbol('2', 308, 329), symbol('0', 336, 358), symbol('2', 363, 384), symbol('2', 391, 489)];
    const [read] = wordsSplitAtGaps(
      { text: '2022', confidence: 0.86, x0: 308, y0: 100, x1: 489, y1: 133 },
      symbols,
      25,
    );
    expect(read).toMatchObject({ text: '2022', x0: 308, x1: 391 + 22 });
    // A word of one letter keeps its box: nothing tells which side ran on.
    expect(
      wordsSplitAtGaps(
        { text: 'o', confidence: 0, x0: 956, y0: 100, x1: 1084, y1: 133 },
        [symbol('o', 956, 1084)],
        22,
      )[0],
    ).toMatchObject({ x0: 956, x1: 1084 });
    // A wide letter (an em dash, an M) keeps its box.
    const dash = [symbol('—', 909, 949)];
    expect(
      wordsSplitAtGaps({ text: '—', confidence: 0.8, x0: 909, y0: 100, x1: 949, y1: 133 }, dash, 25)[0],
    ).toMatchObject({ x0: 909, x1: 949 });
  });

  it('reads numbered labels of one letter run together as one word per label', () => {
    const symbols = [
      symbol('Q', 582, 611),
      symbol('4', 613, 636),
      symbol('Q', 656, 685),
      symbol('5', 688, 709),
      symbol('Q', 730, 760),
      symbol('1', 762, 780),
      symbol('0', 781, 800),
    ];
    const word = { text: 'Q4Q5Q10', confidence: 0.9, x0: 582, y0: 100, x1: 800, y1: 133 };
    expect(wordsSplitAtGaps(word, symbols, 23).map(({ text, x0, x1 }) => [text, x0, x1])).toEqual([
      ['Q4', 582, 636],
      ['Q5', 656, 709],
      ['Q10', 730, 800],
    ]);
    // Words that only look a little like it stay whole.
    for (const text of ['MP3', 'Q4A5', 'G7']) {
      const letters = [...text].map((ch, i) => symbol(ch, 100 + 20 * i, 118 + 20 * i));
      const whole = { text, confidence: 0.9, x0: 100, y0: 100, x1: 98 + 20 * text.length, y1: 133 };
      expect(wordsSplitAtGaps(whole, letters, 23).map((w) => w.text)).toEqual([text]);
    }
  });
});

function hasTesseract(): boolean {
  return (process.env.PATH ?? '').split(':').some((dir) => {
    try {
      return statSync(`${dir}/tesseract`).isFile();
    } catch {
      return false;
    }
  });
}

/** A white page with dark bars (lines of "text") sloping by `degrees`. */
function pageWithLines(degrees: number): GrayImage {
  const [width, height] = [1200, 1500];
  const pixels = new Uint8Array(width * height).fill(250);
  const slope = Math.tan((degrees * Math.PI) / 180);
  for (let line = 0; line < 30; line++) {
    const top = 150 + line * 40;
    for (let x = 150; x < 1050; x++) {
      // Words: bars broken by gaps, 14 px tall.
      if (x % 90 > 75) continue;
      const y0 = Math.round(top + (x - 600) * slope);
      for (let y = y0; y < y0 + 14; y++) pixels[y * width + x] = 20;
    }
  }
  return { width, height, pixels, dpi: 150 };
}

describe('the page as a file for the tesseract program', () => {
  it('is an 8-bit grey TIFF of the same pixels at the page resolution', async () => {
    const [width, height] = [37, 23];
    const pixels = new Uint8Array(width * height).map((_, i) => (i * 7) % 256);
    const file = Buffer.concat(tiffFromGray({ width, height, pixels, dpi: 150 }));
    const meta = await sharp(file).metadata();
    expect(meta).toMatchObject({ format: 'tiff', width, height, channels: 1, density: 150 });
    const { data } = await sharp(file).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    expect(Array.from(data)).toEqual(Array.from(pixels));
  });
});

describe('skew', () => {
  it('measures how far the lines of a page slope, and levels them', () => {
    for (const degrees of [-2.5, -1, 1.7, 3]) {
      const page = pageWithLines(degrees);
      const skew = (skewOf(page) * 180) / Math.PI;
      expect(Math.abs(skew - degrees)).toBeLessThan(0.1);
      expect(Math.abs((skewOf(grayLevelled(page, (degrees * Math.PI) / 180)) * 180) / Math.PI)).toBeLessThan(0.1);
    }
  });

  it('leaves a level page as it is', () => {
    expect(skewOf(pageWithLines(0))).toBe(0);
  });

  it('turns the page by blending the four pixels around each source point, paper where the turn leaves the page', () => {
    const [width, height] = [37, 23];
    const pixels = new Uint8Array(width * height);
    let seed = 7;
    for (let i = 0; i < pixels.length; i++) pixels[i] = (seed = (seed * 1103515245 + 12345) % 2147483648) % 256;
    const page = { width, height, pixels, dpi: 300 };
    for (const angle of [0.05, -0.03, 0.1]) {
      const levelled = grayLevelled(page, angle);
      // The turn written out plainly: output pixel (x, y) comes from the page at the point turned by `angle`.
      const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
      let paper = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const sx = (x - width / 2) * cos - (y - height / 2) * sin + width / 2;
          const sy = (x - width / 2) * sin + (y - height / 2) * cos + height / 2;
          const [x0, y0] = [Math.floor(sx), Math.floor(sy)];
          let expected = 255;
          if (x0 >= 0 && y0 >= 0 && x0 < width - 1 && y0 < height - 1) {
            const at = (dx: number, dy: number) => pixels[(y0 + dy) * width + x0 + dx]!;
            const top = at(0, 0) + (at(1, 0) - at(0, 0)) * (sx - x0);
            const bottom = at(0, 1) + (at(1, 1) - at(0, 1)) * (sx - x0);
            expected = Math.trunc(top + (bottom - top) * (sy - y0));
          } else paper++;
          expect(levelled.pixels[y * width + x], `(${x}, ${y}) turned by ${angle}`).toBe(expected);
        }
      }
      // Corners turned off the page, on both sides of zero, are among the pixels checked.
      expect(paper).toBeGreaterThan(width);
    }
  });
});

describe('choosing the engine', () => {
  const page = pageWithLines(0);

  it.runIf(hasTesseract())('takes the tesseract program when it is installed', async () => {
    const engine = await ocrEngine({ ...DEFAULT_OCR_OPTIONS, engine: 'auto' });
    expect(engine.name).toMatch(/^tesseract \d+\.\d+\.\d+ \(eng\)$/);
    const read = await engine.recognize(page);
    expect(Array.isArray(read.lines)).toBe(true);
  });

  it.runIf(hasTesseract())(
    'keeps one program for the pages of a thread, each page a file gone once read, the folder gone when stopped',
    async () => {
      await ocrEngineStopped();
      const before = process.env.TMPDIR;
      const folder = mkdtempSync(join(tmpdir(), 'ocr-engines-test-'));
      process.env.TMPDIR = folder;
      const programFolders = () => readdirSync(folder).filter((name) => name.startsWith('reportflow-ocr-'));
      try {
        const engine = await ocrEngine({ ...DEFAULT_OCR_OPTIONS, engine: 'tesseract' });
        const first = await engine.recognize(page);
        const again = await engine.recognize(page);
        expect(again.lines).toEqual(first.lines);
        // One program, one folder, no page left in it.
        expect(programFolders()).toHaveLength(1);
        expect(readdirSync(join(folder, programFolders()[0]!))).toEqual([]);
        await ocrEngineStopped();
        expect(programFolders()).toEqual([]);
      } finally {
        await ocrEngineStopped();
        if (before === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = before;
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );

  it.runIf(hasTesseract())(
    'reads pages asked for at once one after the other, and a page of another resolution with its own program',
    async () => {
      const engine = await ocrEngine({ ...DEFAULT_OCR_OPTIONS, engine: 'tesseract' });
      const blank: GrayImage = { width: 600, height: 400, pixels: new Uint8Array(600 * 400).fill(255), dpi: 150 };
      const alone = [(await engine.recognize(page)).lines, (await engine.recognize(blank)).lines];
      const atOnce = await Promise.all([engine.recognize(page), engine.recognize(blank), engine.recognize(page)]);
      expect(atOnce.map((read) => read.lines)).toEqual([alone[0], alone[1], alone[0]]);
      const finer = await engine.recognize({ ...page, dpi: 300 });
      expect(finer.width).toBe(page.width);
      expect((await engine.recognize(page)).lines).toEqual(alone[0]);
    },
  );

  it('takes tesseract.js when asked to', async () => {
    const engine = await ocrEngine({ ...DEFAULT_OCR_OPTIONS, engine: 'tesseract.js' });
    expect(engine.name).toMatch(/^tesseract\.js \d+\.\d+\.\d+ \(eng\)$/);
  });

  it('falls back to tesseract.js without the program, and says so when the program was required', async () => {
    const path = process.env.PATH;
    await ocrEngineStopped();
    process.env.PATH = '/nonexistent';
    try {
      expect((await ocrEngine({ ...DEFAULT_OCR_OPTIONS, engine: 'auto' })).name).toMatch(/^tesseract\.js /);
      await expect(ocrEngine({ ...DEFAULT_OCR_OPTIONS, engine: 'tesseract' })).rejects.toThrow(
        /REPORTFLOW_OCR_ENGINE=tesseract.*apt-get install tesseract-ocr/,
      );
    } finally {
      process.env.PATH = path;
      await ocrEngineStopped();
    }
  });
});
