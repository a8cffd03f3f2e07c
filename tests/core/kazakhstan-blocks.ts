import { readFileSync } from 'node:fs';
import type { Block, ListItemBlock, Span } from '../../src/blocks/model.js';

/**
 * The blocks a Markdown reader gives for the shared Kazakhstan sample, built by
 * hand: the long texts are taken from the sample file line by line so that the
 * test reads the real prose.
 */
export const SAMPLE_DIR = new URL('../../../shared/samples/', import.meta.url);

export function kazakhstanBlocks(): Block[] {
  const lines = readFileSync(new URL('kazakhstan-2023.md', SAMPLE_DIR), 'utf8').split('\n');
  const lineOf = (prefix: string): number => {
    const index = lines.findIndex((line) => line.startsWith(prefix));
    if (index < 0) throw new Error(`sample has no line starting ${prefix}`);
    return index;
  };
  const plain = (text: string): Span[] => [{ text }];
  const heading = (level: number, text: string): Block => ({
    kind: 'heading',
    level,
    text,
    spans: plain(text),
    source: { line: lineOf(`${'#'.repeat(level)} ${text}`) + 1 },
  });
  const paragraph = (line: number): Block => ({
    kind: 'paragraph',
    text: lines[line]!,
    spans: plain(lines[line]!),
    source: { line: line + 1 },
  });

  const tableStart = lineOf('Year\t');
  const table: Block = {
    kind: 'table',
    rows: lines.slice(tableStart, tableStart + 3).map((line) => line.split('\t')),
    headerRows: 1,
    source: { line: tableStart + 1 },
  };
  const items: Block[] = [1, 2, 3, 4, 5, 6].map((n): ListItemBlock => {
    const line = lineOf(`${n}. `);
    const raw = lines[line]!.slice(`${n}. `.length);
    // "**…**" is the sample's one bold span.
    const spans: Span[] = raw
      .split('**')
      .map((text, k) => (k % 2 === 1 ? { text, bold: true } : { text }))
      .filter((s) => s.text !== '');
    return {
      kind: 'list-item',
      marker: `${n}.`,
      number: n,
      text: raw.replaceAll('**', ''),
      spans,
      depth: 0,
      source: { line: line + 1 },
    };
  });
  const commentaryStart = tableStart + 4;
  return [
    heading(1, 'Kazakhstan'),
    heading(2, 'Aziz Soltobaev'),
    paragraph(lineOf('23.03.23')),
    heading(1, 'Changes in key metrics'),
    heading(2, 'Kazakhstan'),
    table,
    paragraph(commentaryStart),
    paragraph(commentaryStart + 2),
    paragraph(commentaryStart + 4),
    heading(1, 'Most important developments'),
    heading(2, 'Country'),
    ...items,
  ];
}
