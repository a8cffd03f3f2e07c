import { describe, expect, it } from 'vitest';
import { blocksFromPages } from '../../src/formats/pdf/blocks-from-pdf.js';
import type { PdfPage, TextRun } from '../../src/formats/pdf/pdf-text-items.js';

// A printed Markdown file: one monospaced size for every line, so only the marks tell headings.
function line(text: string, y: number, bold = false): TextRun {
  return { text, x: 72, y, width: 6 * text.length, size: 10, bold, italic: false };
}

const page = (runs: TextRun[]): PdfPage => ({ number: 1, bottom: 0, top: 842, left: 0, right: 595, runs });

describe('a printed Markdown file', () => {
  const lines = [
    '# Republic of Korea',
    'Kim Min-jun',
    '# Changes in key metrics #',
    '## Domestic',
    '1. The ministry announced a digital bill of rights.',
    '#1 priority of the year was the AI act, as the ministry said.',
    '####### Seven marks are not a heading',
  ];
  const { blocks } = blocksFromPages([page(lines.map((text, i) => line(text, 780 - 24 * i)))], 'no text');

  it('reads a line opening with one to six # and a space as a heading of that level, without its marks', () => {
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => [b.level, b.text])).toEqual([
      [1, 'Republic of Korea'],
      [1, 'Changes in key metrics'],
      [2, 'Domestic'],
    ]);
    expect(blocks.find((b) => b.kind === 'heading')!.spans).toEqual([{ text: 'Republic of Korea' }]);
  });

  it('leaves a # that is part of a word, and seven marks, as text', () => {
    const texts = blocks.filter((b) => b.kind !== 'heading' && b.kind !== 'table').map((b) => b.text);
    expect(texts.some((t) => t.startsWith('#1 priority'))).toBe(true);
    expect(texts.some((t) => t.startsWith('####### Seven'))).toBe(true);
    expect(blocks.find((b) => b.kind === 'list-item')).toMatchObject({ number: 1 });
  });
});
