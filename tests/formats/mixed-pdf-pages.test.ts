import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../src/formats/ocr/gray-image.js';
import { pageWithListNumbers, pageWithNumberDotsBack } from '../../src/formats/ocr/lost-list-numbers.js';
import type { OcrEngine, OcrLine, RecognisedPage } from '../../src/formats/ocr/ocr-engine.js';
import { blocksFromPages } from '../../src/formats/pdf/blocks-from-pdf.js';
import { recognisedSizesOnStoredScale } from '../../src/formats/pdf/recognised-sizes.js';
import { recognisedWordsInStoredSpelling } from '../../src/formats/pdf/recognised-spelling.js';
import type { PdfPage, TextRun } from '../../src/formats/pdf/pdf-text-items.js';

/**
 * PDFs whose last page was scanned back in: text pages with their text layer, and a
 * page OCR read, going through one layout path together.
 */

/** One run per word, set at `size` with letters half a size wide; `confidence` marks recognised text. */
function lineRuns(text: string, x: number, y: number, size: number, confidence?: number): TextRun[] {
  const runs: TextRun[] = [];
  for (const word of text.split(' ')) {
    const run: TextRun = { text: word, x, y, width: 0.5 * size * word.length, size, bold: false, italic: false };
    if (confidence !== undefined) run.confidence = confidence;
    runs.push(run);
    x += run.width + 0.25 * size;
  }
  return runs;
}

const page = (number: number, runs: TextRun[], recognised = false): PdfPage => ({
  number,
  bottom: 0,
  top: 842,
  left: 0,
  right: 595,
  runs,
  ...(recognised ? { ocr: { engine: 'test' } } : {}),
});

const body = (from: number, count: number, confidence?: number): TextRun[] =>
  Array.from({ length: count }, (_, i) =>
    lineRuns(
      'The ministry published a long report on the use of artificial intelligence',
      72,
      from - 14 * i,
      10,
      confidence,
    ),
  ).flat();

describe('recognised sizes on the stored pages’ scale', () => {
  it('takes the commonest recognised size for the commonest stored one, and snaps the others', () => {
    const stored = [...lineRuns('Changes in key metrics', 72, 700, 16), ...body(650, 10)];
    const recognised = [...lineRuns('Most important developments', 72, 700, 16.5, 0.9), ...body(650, 8, 0.9)];
    for (const run of recognised) if (run.size === 10) run.size = 10.8;
    recognisedSizesOnStoredScale(recognised, stored);
    expect(new Set(recognised.filter((run) => run.text === 'ministry').map((run) => run.size))).toEqual(new Set([10]));
    // 16.5 × 10 / 10.8 = 15.3: within a tenth of the stored 16.
    expect(recognised.find((run) => run.text === 'developments')!.size).toBe(16);
  });

  it('never makes two recognised sizes one, and leaves another document’s type alone', () => {
    const stored = [...lineRuns('Heading', 72, 700, 13), ...body(650, 10)];
    const recognised = [...lineRuns('Country', 72, 700, 12.5, 0.9), ...lineRuns('Other', 72, 690, 13.4, 0.9)];
    recognised.push(...body(650, 8, 0.9));
    recognisedSizesOnStoredScale(recognised, stored);
    const size = (text: string) => recognised.find((run) => run.text === text)!.size;
    expect(size('Country')).not.toBe(size('Other'));
    expect(size('Other')).toBe(13);

    const letter = body(650, 8, 0.9);
    for (const run of letter) run.size = 16;
    recognisedSizesOnStoredScale(letter, body(650, 10));
    expect(letter[0]!.size).toBe(16);
  });
});

describe('recognised words in the stored pages’ spelling', () => {
  const stored = [
    ...lineRuns('The AI Act and the AI Office', 72, 700, 10),
    ...lineRuns('The 2023 budget, the 2023 plan, the IO office', 72, 686, 10),
  ];

  it('reads a look-alike letter as the stored pages spell the word, less sure than the engine was', () => {
    const recognised = lineRuns('the Al Act of 2O23 (Al)', 72, 700, 10, 0.96);
    recognisedWordsInStoredSpelling(recognised, stored);
    expect(recognised.map((run) => run.text)).toEqual(['the', 'AI', 'Act', 'of', '2023', '(AI)']);
    expect(recognised[1]!.confidence).toBeCloseTo(0.816, 3);
    expect(recognised[0]!.confidence).toBe(0.96);
  });

  it('leaves words the stored pages also use, or use once, or could be two words', () => {
    const few = [...stored, ...lineRuns('Al Gore', 72, 672, 10), ...lineRuns('I0 10 lO', 72, 658, 10)];
    const recognised = lineRuns('Al budget lO Office', 72, 700, 10, 0.9);
    recognisedWordsInStoredSpelling(recognised, few);
    // "Al" is stored once as itself; "lO" could be "IO" or "10" (each used once or twice).
    expect(recognised.map((run) => run.text)).toEqual(['Al', 'budget', 'lO', 'Office']);
  });
});

describe('a scanned page among text pages', () => {
  it('drops the running head OCR misread on the scanned page, as on the text pages', () => {
    const head = (text: string, confidence?: number) => lineRuns(text, 397, 800, 8, confidence);
    const pages = [
      page(1, [...head('Japan — AI policy country report 2024'), ...body(700, 6)]),
      page(2, [...head('Japan — Al policy country report 2024', 0.95), ...body(700, 6, 0.95)], true),
    ];
    const { blocks } = blocksFromPages(pages, 'no text');
    expect(blocks.filter((block) => 'text' in block && /policy country report/.test(block.text))).toEqual([]);
    // The body of both pages is kept (page 2 goes on with page 1's paragraph).
    const words = blocks.flatMap((block) => ('text' in block ? block.text.split(/\s+/) : []));
    expect(words.filter((word) => word === 'ministry')).toHaveLength(12);
  });

  it('does not run a list item whose last line stopped short onto the next page', () => {
    const item = [
      ...lineRuns('1.', 84, 160, 10),
      ...lineRuns(
        'The council published a tentative summary of issues, covering the risks of generative',
        108,
        160,
        10,
      ),
      ...lineRuns('models such as disinformation.', 108, 146, 10),
    ];
    const next = lineRuns(
      'Japan and the European Union agreed to strengthen their cooperation on AI.',
      108,
      755,
      10,
      0.95,
    );
    const { blocks } = blocksFromPages([page(1, [...body(700, 6), ...item]), page(2, next, true)], 'no text');
    const items = blocks.filter((block) => block.kind === 'list-item');
    expect(items).toHaveLength(1);
    expect(items[0]!.text).not.toMatch(/European Union/);
    expect(blocks.at(-1)).toMatchObject({ kind: 'paragraph', source: { page: 2 } });

    // An item whose last line on the page runs to the margin goes on at the top of the next.
    const full = [
      ...item.slice(0, -4),
      ...lineRuns('models such as disinformation, infringement of copyright and leaks of data to its', 108, 146, 10),
    ];
    const carried = blocksFromPages([page(1, [...body(700, 6), ...full]), page(2, next, true)], 'no text');
    expect(carried.blocks.filter((block) => block.kind === 'list-item').at(-1)!.text).toMatch(/European Union/);
  });
});

describe('list numbers the engine dropped', () => {
  // A 300 dpi picture: a line of text at x 400–900 (x-height 20 px) and, 100 px before it,
  // the digit and the dot of a list number the engine did not read.
  function picture(withNumber: boolean, rule = false): GrayImage {
    const [width, height] = [1200, 1600];
    const pixels = new Uint8Array(width * height).fill(245);
    const ink = (x0: number, y0: number, x1: number, y1: number) => {
      for (let y = y0; y < y1; y++) pixels.fill(20, y * width + x0, y * width + x1);
    };
    for (let x = 400; x < 900; x += 40) ink(x, 500, x + 30, 528);
    if (withNumber) {
      ink(280, 500, 298, 528);
      ink(302, 524, 306, 528);
    }
    if (rule) ink(250, 300, 254, 800);
    return { width, height, pixels, dpi: 300 };
  }
  const pageOn = (image: GrayImage, lines: OcrLine[]): RecognisedPage => ({
    lines,
    width: image.width,
    height: image.height,
    picture: image,
  });
  const line: OcrLine = {
    xHeight: 20,
    baseline: { x0: 400, y0: 528, x1: 900, y1: 528 },
    words: [
      { text: 'Japan', confidence: 0.95, x0: 400, y0: 500, x1: 510, y1: 535 },
      { text: 'and', confidence: 0.95, x0: 530, y0: 500, x1: 600, y1: 528 },
      { text: 'the', confidence: 0.95, x0: 620, y0: 500, x1: 680, y1: 528 },
      { text: 'European', confidence: 0.95, x0: 700, y0: 500, x1: 900, y1: 535 },
    ],
  };
  /** An engine that reads each row of the sheet it is given as `texts`, at the row's ink. */
  function engineReading(texts: string[]): OcrEngine & { sheets: GrayImage[]; cleaned: boolean[] } {
    const sheets: GrayImage[] = [];
    const cleaned: boolean[] = [];
    return {
      name: 'test',
      sheets,
      cleaned,
      recognize: async (sheet, how) => {
        sheets.push(sheet);
        cleaned.push(how?.cleaned ?? false);
        const rows: number[] = [];
        for (let y = 0; y < sheet.height; y++) {
          const row = sheet.pixels.subarray(y * sheet.width, (y + 1) * sheet.width);
          if (row.some((v) => v < 128) && !rows.some((r) => y - r < 60)) rows.push(y);
        }
        const lines: OcrLine[] = rows.map((top) => ({
          xHeight: 20,
          baseline: { x0: 0, y0: top + 28, x1: 600, y1: top + 28 },
          words: texts.map((text, i) => ({
            text,
            confidence: 0.9,
            x0: 100 + 60 * i,
            y0: top,
            x1: 140 + 60 * i,
            y1: top + 28,
          })),
        }));
        return { lines, width: sheet.width, height: sheet.height, picture: sheet } satisfies RecognisedPage;
      },
    };
  }

  it('reads the number standing before a line back into the line, where it is printed', async () => {
    const engine = engineReading(['3.', 'Japan', 'and']);
    const page = await pageWithListNumbers(engine, pageOn(picture(true), [line]));
    expect(engine.sheets).toHaveLength(1);
    const [number, ...words] = page.lines[0]!.words;
    expect(number).toMatchObject({ text: '3.', confidence: 0.9 });
    expect(number!.x0).toBeCloseTo(280, -1);
    expect(number!.x1).toBeCloseTo(306, -1);
    expect(words).toEqual(line.words);
  });

  it('puts the digits back before a dot the engine kept alone, in its place', async () => {
    const engine = engineReading(['3.', 'Japan', 'and']);
    const dotOnly: OcrLine = {
      ...line,
      words: [{ text: '.', confidence: 0.92, x0: 302, y0: 524, x1: 306, y1: 528 }, ...line.words],
    };
    const page = await pageWithListNumbers(engine, pageOn(picture(true), [dotOnly]));
    const [number, ...words] = page.lines[0]!.words;
    expect(number).toMatchObject({ text: '3.' });
    expect(number!.x0).toBeCloseTo(280, -1);
    expect(words).toEqual(line.words);
  });

  it('reads the number back where the engine made signs of its ink as a line of its own, and drops the signs', async () => {
    const engine = engineReading(['3.', 'Japan', 'and']);
    const signs: OcrLine = {
      xHeight: 10,
      baseline: { x0: 280, y0: 528, x1: 306, y1: 528 },
      words: [{ text: '~~', confidence: 0.5, x0: 281, y0: 502, x1: 305, y1: 527 }],
    };
    const page = await pageWithListNumbers(engine, pageOn(picture(true), [signs, line]));
    expect(page.lines).toHaveLength(1);
    expect(page.lines[0]!.words[0]).toMatchObject({ text: '3.' });
  });

  it('reads the sheet as cut from the cleaned picture, one row high per suspect, without cleaning it again', async () => {
    const engine = engineReading(['3.', 'Japan', 'and']);
    await pageWithListNumbers(engine, pageOn(picture(true), [line]));
    expect(engine.cleaned).toEqual([true]);
    expect(engine.sheets[0]!.height).toBeLessThan(300);
  });

  it('does not call the engine again without ink before a line, and takes nothing but a list number', async () => {
    const idle = engineReading(['3.', 'Japan']);
    expect((await pageWithListNumbers(idle, pageOn(picture(false), [line]))).lines).toEqual([line]);
    expect((await pageWithListNumbers(idle, pageOn(picture(true, true), [line]))).lines).toEqual([line]);
    expect(idle.sheets).toHaveLength(0);
    const other = engineReading(['Ja', 'Japan']);
    expect((await pageWithListNumbers(other, pageOn(picture(true), [line]))).lines).toEqual([line]);
    const elsewhere = engineReading(['3.', 'Kenya']);
    expect((await pageWithListNumbers(elsewhere, pageOn(picture(true), [line]))).lines).toEqual([line]);
  });
});

describe('list numbers set right on a tab', () => {
  const texts = [
    'The municipality published the source code of its parking enforcement system, which',
    'A coalition set up testing facilities for artificial intelligence in health care and',
    'Universities opened a national graduate school on responsible AI with two hundred',
    'The competition authority started a market study on cloud services and foundation',
  ];
  // Numbers end at one tab stop, so "1." stands further right than "12." by a digit's width.
  const item = (number: number, y: number, text: string): TextRun[] => [
    ...lineRuns(`${number}.`, number >= 10 ? 70 : 76, y, 11, 0.9),
    ...lineRuns(text, 100, y, 11, 0.9),
    ...lineRuns('models.', 100, y - 13, 11, 0.9),
  ];

  it('starts a new list after a line standing left of the numbers, not one nested in the last item', () => {
    const subheading = lineRuns('International', 62, 560, 11, 0.9).map((run) => ({ ...run, bold: true }));
    const runs = [
      ...[9, 10, 11, 12].flatMap((number, i) => item(number, 700 - 34 * i, texts[i]!)),
      ...subheading,
      ...item(1, 540, texts[0]!.replace('municipality', 'government')),
    ];
    const { blocks } = blocksFromPages([page(1, runs, true)], 'no text');
    const list = blocks.filter((block) => block.kind === 'list-item');
    expect(list.map((block) => [block.number, block.depth])).toEqual([
      [9, 0],
      [10, 0],
      [11, 0],
      [12, 0],
      [1, 0],
    ]);
  });
});

describe('list numbers read without their dot', () => {
  const lineOf = (y: number, words: Array<[string, number]>): OcrLine => ({
    xHeight: 20,
    baseline: { x0: words[0]![1], y0: y + 28, x1: 900, y1: y + 28 },
    words: words.map(([text, x]) => ({ text, confidence: 0.9, x0: x, y0: y, x1: x + 20 * text.length, y1: y + 28 })),
  });
  const texts = (lines: OcrLine[]) => lines.map((l) => l.words.map((w) => w.text).join(' '));

  it('gives a bare number the mark of the item above when it is that list’s next number, in its place', () => {
    const page = {
      lines: [
        lineOf(100, [
          ['1.', 300],
          ['The', 360],
          ['Senate', 440],
        ]),
        lineOf(140, [
          ['received', 360],
          ['a', 540],
        ]),
        lineOf(180, [
          ['2', 302],
          ['INAI', 360],
          ['issued', 460],
        ]),
      ],
    };
    const read = pageWithNumberDotsBack(page);
    expect(texts(read.lines)[2]).toBe('2. INAI issued');
    expect(read.lines[2]!.words[0]!.confidence).toBeLessThan(0.9);
  });

  it('leaves a number that is not the next, stands elsewhere, or follows other text', () => {
    const item = lineOf(100, [
      ['1.', 300],
      ['The', 360],
    ]);
    const cases = [
      [
        item,
        lineOf(140, [
          ['3', 302],
          ['INAI', 360],
        ]),
      ],
      [
        item,
        lineOf(140, [
          ['2', 360],
          ['ministries', 400],
        ]),
      ],
      [
        item,
        lineOf(140, [
          ['Then', 300],
          ['it', 400],
        ]),
        lineOf(180, [
          ['2', 302],
          ['ministries', 360],
        ]),
      ],
      [
        item,
        lineOf(140, [
          ['2', 302],
          ['000', 360],
        ]),
      ],
    ];
    for (const lines of cases) expect(pageWithNumberDotsBack({ lines }).lines).toEqual(lines);
  });
});
