import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../src/blocks/model.js';
import { blocksFromPages } from '../../src/formats/pdf/blocks-from-pdf.js';
import type { PdfPage, TextRun } from '../../src/formats/pdf/pdf-text-items.js';

/** Cells of a row as runs at the given x positions, size 12. */
function row(cells: string[], y: number): TextRun[] {
  return cells.map((text, i) => ({
    text,
    x: 78 + 55 * i,
    y,
    width: 6 * text.length,
    size: 12,
    bold: false,
    italic: false,
  }));
}

function prose(text: string, y: number): TextRun[] {
  return [{ text, x: 72, y, width: 5.5 * text.length, size: 12, bold: false, italic: false }];
}

const page = (number: number, runs: TextRun[]): PdfPage => ({ number, bottom: 0, top: 842, left: 0, right: 595, runs });

const HEADER = ['Year', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Total'];

describe('page furniture beside a table at the foot of a page', () => {
  it('keeps a table row at the foot of the page that ends in a small total, at the table’s own row pitch', () => {
    const first = [
      ...prose('The long table shows that most changes happened after the adoption of the strategy.', 300),
      ...row(HEADER, 204),
      ...row(['2017', 'P', 'N', 'N', 'P', 'N', 'N', '1'], 116.6),
      ...row(['2018', 'P', 'N', 'N', 'P', 'N', 'N', '1'], 95),
      ...row(['2019', 'Y', 'P', 'N', 'P', 'N', 'N', '2'], 73.2),
    ];
    const second = [
      ...row(HEADER, 771.6),
      ...row(['2020', 'Y', 'P', 'N', 'Y', 'N', 'N', '2,5'], 749.8),
      ...prose('Q2 reached Y in 2023 with the agenda for public administration.', 700),
    ];
    const { blocks } = blocksFromPages([page(1, first), page(2, second)], 'no text');
    const table = blocks.find((block): block is TableBlock => block.kind === 'table')!;
    expect(table.rows.map((cells) => cells[0])).toContain('2019');
    expect(table.rows.find((cells) => cells[0] === '2019')).toEqual(['2019', 'Y', 'P', 'N', 'P', 'N', 'N', '2']);
  });

  it('still drops a running foot that stands further from the text than its lines stand apart, after a heading too', () => {
    const body = (from: number): TextRun[] =>
      [0, 1, 2, 3].flatMap((i) =>
        prose('The ministry published a report on the use of artificial intelligence.', from - 14 * i),
      );
    const foot = (): TextRun[] => prose('AI policy monitor - Vietnam', 40);
    const heading: TextRun[] = [
      { text: 'Most important developments', x: 72, y: 780, width: 200, size: 16, bold: true, italic: false },
    ];
    const { blocks } = blocksFromPages(
      [page(1, [...body(400), ...foot()]), page(2, [...heading, ...body(736), ...foot()])],
      'no text',
    );
    expect(blocks.map((block) => (block.kind === 'table' ? '' : block.text)).join('\n')).not.toContain('monitor');
  });
});

describe('a page number misread on a scan', () => {
  const body = (from: number, confidence?: number): TextRun[] =>
    [0, 1, 2, 3].flatMap((i) =>
      prose('The ministry published a report on the use of artificial intelligence.', from - 14 * i).map((run) => ({
        ...run,
        ...(confidence === undefined ? {} : { confidence }),
      })),
    );
  const text = (runs: TextRun[]) =>
    blocksFromPages([page(1, runs)], 'no text')
      .blocks.map((block) => (block.kind === 'table' ? '' : block.text))
      .join('\n');

  it('is dropped from the foot of a recognised page when its middle ran together ("Page Lot 2" for "Page 1 of 2")', () => {
    expect(text([...body(400, 0.9), { ...prose('Page Lot 2', 40)[0]!, confidence: 0.8 }])).not.toContain('Page');
  });

  it('is kept as text where the page stores its text (such a line is printed as it stands)', () => {
    expect(text([...body(400), ...prose('Page Lot 2', 40)])).toContain('Page Lot 2');
  });
});
