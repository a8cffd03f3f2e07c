import { describe, expect, it } from 'vitest';
import type { ListItemBlock } from '../../src/blocks/model.js';
import type { OcrLine } from '../../src/formats/ocr/ocr-engine.js';
import { blocksFromPages } from '../../src/formats/pdf/blocks-from-pdf.js';
import { blocksFromLines } from '../../src/formats/pdf/pdf-blocks.js';
import { linesInReadingOrder } from '../../src/formats/pdf/pdf-columns.js';
import { linesFromPage } from '../../src/formats/pdf/pdf-lines.js';
import type { PdfPage, TextRun } from '../../src/formats/pdf/pdf-text-items.js';
import { DPI, HEIGHT, ocrLine, recognisedPage } from '../support/recognised-lines.js';

/**
 * Two-column parts of scanned pages, as Tesseract's page layout reads them: each column's
 * lines come on their own baselines (a few pixels off the other column's), their measured
 * sizes wander by a pixel of x-height, and a list number set apart in a hanging indent can
 * lose its digits.
 */

const [LEFT_NUMBER, LEFT_TEXT, RIGHT_NUMBER, RIGHT_TEXT] = [242, 311, 1280, 1352];

/** A numbered list in two columns; the right column's baselines sit 9 px below the left's. */
function twoColumnList(): OcrLine[] {
  const left: [string, number, number][] = [
    ['1.', 0, 0],
    ['The government appointed an', 1, 0],
    ['commission to propose how it', 0, 1],
    ['can strengthen its safeguards', 0, 2],
    ['for fundamental rights.', 0, 3],
    ['.', 0, 4],
    ['The Swedish Authority for', 1, 4],
    ['Privacy Protection fined the', 0, 5],
    ['police for its use of facial', 0, 6],
    ['recognition software.', 0, 7],
  ];
  const right: [string, number, number][] = [
    ['3.', 0, 0],
    ['The Agency for Digital', 1, 0],
    ['Government published rules', 0, 1],
    ['for the use of generative', 0, 2],
    ['tools in administration.', 0, 3],
    ['.', 0, 4],
    ['The innovation agency funded', 1, 4],
    ['a national language model', 0, 5],
    ['for the Nordic languages.', 0, 6],
  ];
  // Measured x-heights wander between 25 and 27 pixels from line to line.
  const wander = [27, 25, 27, 26, 27, 25, 27, 26];
  const lines: OcrLine[] = [
    ocrLine([['Sweden updated its national approach to artificial intelligence with an assignment to', 240]], 980),
  ];
  const columnLines = (rows: [string, number, number][], numberX: number, textX: number, offset: number) => {
    const byRow = new Map<number, [string, number][]>();
    for (const [text, isText, row] of rows) {
      const x = isText || !/^\d*\.$/.test(text) ? textX : numberX + (text === '.' ? 28 : 0);
      byRow.set(row, [...(byRow.get(row) ?? []), [text, x]]);
    }
    return [...byRow].map(([row, pieces]) => ocrLine(pieces, 1300 + offset + 54 * row, wander[row]!));
  };
  lines.push(...columnLines(left, LEFT_NUMBER, LEFT_TEXT, 0), ...columnLines(right, RIGHT_NUMBER, RIGHT_TEXT, 9));
  return lines;
}

describe('two-column lists on scanned pages', () => {
  it('reads every item of a numbered list set in two columns', () => {
    const { blocks } = blocksFromPages([recognisedPage(twoColumnList())], 'no text');
    const items = blocks.filter((block): block is ListItemBlock => block.kind === 'list-item');
    expect(items.map((item) => [item.number, item.text.replace(/\n/g, ' ')])).toEqual([
      [
        1,
        'The government appointed an commission to propose how it can strengthen its safeguards for fundamental rights.',
      ],
      [2, 'The Swedish Authority for Privacy Protection fined the police for its use of facial recognition software.'],
      [3, 'The Agency for Digital Government published rules for the use of generative tools in administration.'],
      [4, 'The innovation agency funded a national language model for the Nordic languages.'],
    ]);
  });

  it("sets each column's lines on their own baselines", () => {
    const page = recognisedPage(twoColumnList());
    const lines = linesInReadingOrder(linesFromPage(page));
    const points = 72 / DPI;
    const rightColumn = lines.filter((line) => line.area.endsWith(':right'));
    expect(rightColumn).toHaveLength(7);
    rightColumn.forEach((line, row) => {
      expect(line.y).toBeCloseTo((HEIGHT - (1309 + 54 * row)) * points, 1);
      expect(line.box[0]).toBeGreaterThan(0.5);
    });
  });
});

/** A 600 × 800 pt page of the given runs. */
const page = (runs: TextRun[]): PdfPage => ({ number: 1, bottom: 0, top: 800, left: 0, right: 600, runs });

/** One run per word on a line, 12pt, 6pt per letter; recognised when it has a confidence. */
function recognisedLine(words: [string, number][], y: number, confidence: number | undefined): TextRun[] {
  return words.map(([text, x]) => ({
    text,
    x,
    y,
    width: 6 * text.length,
    size: 12,
    bold: false,
    italic: false,
    ...(confidence === undefined ? {} : { confidence }),
  }));
}

function itemLines(confidence: number | undefined): TextRun[] {
  return [
    ...recognisedLine(
      [
        ['1.', 60],
        ['The', 78],
        ['ministry', 102],
        ['adopted', 156],
      ],
      700,
      confidence,
    ),
    ...recognisedLine(
      [
        ['a', 78],
        ['plan.', 90],
      ],
      686,
      confidence,
    ),
    ...recognisedLine(
      [
        ['.', 70],
        ['The', 78],
        ['court', 102],
        ['ruled.', 138],
      ],
      672,
      confidence,
    ),
  ];
}

describe('a list number whose digits the engine dropped', () => {
  it('is the next number where a recognised line starts with a lone full stop in the item indent', () => {
    const blocks = blocksFromLines(linesFromPage(page(itemLines(0.95))));
    expect(
      blocks.map((block) => (block.kind === 'list-item' ? [block.number, block.depth, block.text] : null)),
    ).toEqual([
      [1, 0, 'The ministry adopted\na plan.'],
      [2, 0, 'The court ruled.'],
    ]);
  });

  it('is not guessed in text stored in a PDF', () => {
    const blocks = blocksFromLines(linesFromPage(page(itemLines(undefined))));
    expect(blocks.filter((block) => block.kind === 'list-item')).toHaveLength(1);
  });
});

describe('a list number whose full stop the engine dropped', () => {
  /** "1 The ministry adopted / a plan." then "<next> The court ruled.", the second number at `nextX`. */
  const lines = (next: string, nextX: number, confidence: number | undefined): TextRun[] => [
    ...recognisedLine(
      [
        ['1', 60],
        ['The', 78],
        ['ministry', 102],
        ['adopted', 156],
      ],
      700,
      confidence,
    ),
    ...recognisedLine(
      [
        ['a', 78],
        ['plan.', 90],
      ],
      686,
      confidence,
    ),
    ...recognisedLine(
      [
        [next, nextX],
        ['The', 78],
        ['court', 102],
        ['ruled.', 138],
      ],
      672,
      confidence,
    ),
  ];
  const items = (runs: TextRun[]) =>
    blocksFromLines(linesFromPage(page(runs))).map((block) =>
      block.kind === 'list-item' ? [block.number, block.text] : block.kind,
    );

  it('is the number before the next item, printed where the next number is printed', () => {
    expect(items(lines('2.', 60, 0.95))).toEqual([
      [1, 'The ministry adopted\na plan.'],
      [2, 'The court ruled.'],
    ]);
  });

  it('is not guessed when the next number does not follow on, stands elsewhere, or the text is stored', () => {
    const itemsOnly = (runs: TextRun[]) => items(runs).filter((item) => item !== 'paragraph');
    expect(itemsOnly(lines('3.', 60, 0.95))).toEqual([[3, 'The court ruled.']]);
    expect(itemsOnly(lines('2.', 40, 0.95))).toEqual([[2, 'The court ruled.']]);
    expect(itemsOnly(lines('2.', 60, undefined))).toEqual([[2, 'The court ruled.']]);
  });
});

describe('a list number with stray marks about it', () => {
  /** Item 1 wrapped to its text, then a line whose number reads as the given pieces. */
  const lines = (marks: [string, number][], confidence: number | undefined): TextRun[] => [
    ...itemLines(confidence).slice(0, 6),
    ...recognisedLine([...marks, ['The', 78], ['court', 102], ['ruled.', 138]], 672, confidence),
  ];
  const items = (runs: TextRun[]) =>
    blocksFromLines(linesFromPage(page(runs)))
      .filter((block) => block.kind === 'list-item')
      .map((block) => [block.number, block.text]);

  it('is the next number where the marks read as it in the item indent (a tracked change\'s "[2.]")', () => {
    const expected = [
      [1, 'The ministry adopted\na plan.'],
      [2, 'The court ruled.'],
    ];
    expect(
      items(
        lines(
          [
            ['[2', 60],
            [']', 68],
          ],
          0.9,
        ),
      ),
    ).toEqual(expected);
    expect(items(lines([['2,', 60]], 0.9))).toEqual(expected);
  });

  it('is not taken for another number, a bare number or stored text', () => {
    expect(
      items(
        lines(
          [
            ['[3', 60],
            [']', 68],
          ],
          0.9,
        ),
      ),
    ).toEqual([[1, 'The ministry adopted\na plan.']]);
    expect(
      items(
        lines(
          [
            ['[2', 60],
            [']', 68],
          ],
          undefined,
        ),
      ),
    ).toEqual([[1, 'The ministry adopted\na plan.']]);
  });
});

describe('a line back at the number of a hanging list item', () => {
  const bold = (runs: TextRun[]) => runs.map((run) => ({ ...run, bold: true }));
  const blocks = (runs: TextRun[]) =>
    blocksFromLines(linesFromPage(page(runs))).map((block) =>
      block.kind === 'list-item' ? [block.number, block.text] : [block.kind, block.kind === 'table' ? '' : block.text],
    );

  it('is not more of the item once the item has wrapped to its text', () => {
    const runs = [
      ...itemLines(0.9).slice(0, 6),
      ...recognisedLine(
        [
          ['The', 60],
          ['court', 84],
          ['ruled.', 120],
        ],
        672,
        0.9,
      ),
    ];
    expect(blocks(runs)).toEqual([
      [1, 'The ministry adopted\na plan.'],
      ['paragraph', 'The court ruled.'],
    ]);
  });

  it('is not more of the item when wholly bold under plain text (a sub-heading), even on its first line', () => {
    const runs = [
      ...recognisedLine(
        [
          ['1.', 60],
          ['The', 78],
          ['ministry', 102],
          ['adopted', 156],
        ],
        700,
        0.9,
      ),
      ...bold(recognisedLine([['International', 60]], 686, 0.9)),
    ];
    expect(blocks(runs)).toEqual([
      [1, 'The ministry adopted'],
      ['paragraph', 'International'],
    ]);
  });

  it('is more of the item where the item has not shown a hanging indent', () => {
    const runs = [
      ...recognisedLine(
        [
          ['1.', 60],
          ['The', 78],
          ['ministry', 102],
          ['adopted', 156],
        ],
        700,
        0.9,
      ),
      ...recognisedLine(
        [
          ['a', 60],
          ['plan.', 72],
        ],
        686,
        0.9,
      ),
    ];
    expect(blocks(runs)).toEqual([[1, 'The ministry adopted\na plan.']]);
  });
});
