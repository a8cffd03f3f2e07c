import type { Block, Provenance } from '../blocks/model.js';
import type { Reading } from './reading.js';
import { isTotalHeader, isYearHeader, metricNameFromHeader, yearFromCell } from './score-cells.js';

/**
 * Score tables that reach the core as lines of text rather than as a table: a PDF
 * reader that found no cell grid gives the header `Year Q1 … Total` as one line and
 * every row as a line of words (`2022 ✔ Partial ✘ 3`), or the header as a line
 * above a table of the body rows. Answers and totals are single words, so the
 * words of a line are its cells; a blank cell cannot be seen and the row comes out
 * short (ROW_SHAPE), as a short row of a real table does.
 */

export interface TextTable {
  rows: string[][];
  /** Where each row was read: its block, at the row's own line when the block has lines. */
  rowSources: Provenance[];
  /** Index of the last block the table takes rows from. */
  lastBlock: number;
  /** Text after the last row inside that block: the commentary that shares it. */
  rest: string | null;
}

/** Far longer than any header line (`Year Q1 … Q12 Total`, in any language, with spacing). */
const MAX_HEADER_LINE_CHARS = 2000;

// Recognised text may misread a few labels ("Ql1" for Q11); the table's reader names them
// from their neighbours. A header keeps at least this many true labels per misread one.
const LABELS_PER_MISREAD = 3;
const MAX_MISREAD_CHARS = 5;

/**
 * The words of a line when they make a score table header, else null. With `misread`
 * (text recognised by OCR), a few short words that are not labels may stand among them.
 */
export function headerCellsFromLine(line: string, reading: Reading, misread = false): string[] | null {
  // A header is a few dozen short words; splitting a megabyte paragraph only to refuse it costs seconds.
  if (line.length > MAX_HEADER_LINE_CHARS) return null;
  const words = line.trim().split(/\s+/u);
  let metrics = 0;
  let unread = 0;
  for (const word of words) {
    if (metricNameFromHeader(word, reading) !== null) metrics++;
    else if (isYearHeader(word, reading) || isTotalHeader(word, reading)) continue;
    else if (misread && word.length <= MAX_MISREAD_CHARS) unread++;
    else return null;
  }
  if (metrics < 2 || unread * LABELS_PER_MISREAD > metrics) return null;
  // A blank Year header leaves no word: the year still opens every row.
  return words.some((word) => isYearHeader(word, reading)) ? words : ['Year', ...words];
}

function rowCellsFromLine(line: string): string[] | null {
  const words = line.trim().split(/\s+/u);
  return words.length >= 2 && yearFromCell(words[0]!) !== null ? words : null;
}

/**
 * The score table whose header line stands in the paragraph (or heading) at `index`, or null.
 * A table found in recognised text whose header cells are not its header's words (the
 * layout step ran cells together, `Q4 Q5`, or cut one in two) is read as its lines instead.
 */
export function textTableAt(blocks: Block[], index: number, reading: Reading): TextTable | null {
  const found = blocks[index];
  const block = found?.kind === 'table' ? tableAsLines(found, reading) : found;
  // A bold header line may have been taken for a heading by its reader.
  if (block?.kind !== 'paragraph' && block?.kind !== 'heading') return null;
  // Text the engine recognised carries its confidence.
  const misread = block.source.confidence !== undefined;
  // A caption may share the block, on the lines above the header.
  const all = block.text.split('\n');
  const at = all.findIndex((line) => headerCellsFromLine(line, reading, misread) !== null);
  if (at < 0) return null;
  const header = headerCellsFromLine(all[at]!, reading, misread)!;
  const lines = all.slice(at + 1);

  const next = blocks[index + 1];
  if (
    lines.length === 0 &&
    next?.kind === 'table' &&
    next.rows.length > 0 &&
    // OCR may garble the first row's year; the rows under it still tell a score table.
    (misread ? next.rows.slice(0, 3) : next.rows.slice(0, 1)).some((row) => yearFromCell(row[0] ?? '') !== null)
  ) {
    const tableRows = next.rows.map((row, r) => next.cellSources?.[r]?.[0] ?? next.source);
    return {
      rows: [header, ...next.rows],
      rowSources: [lineOf(block.source, at), ...tableRows],
      lastBlock: index + 1,
      rest: null,
    };
  }

  const rows: string[][] = [header];
  const rowSources: Provenance[] = [lineOf(block.source, at)];
  let lastBlock = index;
  let rest: string | null = null;
  let pending = lines;
  let firstLine = at + 1;
  for (let i = index; ;) {
    const taken = pending.findIndex((line) => rowCellsFromLine(line) === null);
    const rowLines = taken < 0 ? pending : pending.slice(0, taken);
    rows.push(...rowLines.map((line) => rowCellsFromLine(line)!));
    const from = firstLine;
    rowSources.push(...rowLines.map((_line, k) => lineOf(blocks[i]!.source, from + k)));
    if (rowLines.length > 0) lastBlock = i;
    if (taken >= 0) {
      if (i === lastBlock) rest = pending.slice(taken).join('\n');
      break;
    }
    // Rows go on in the next paragraph when a reader cut the lines into blocks.
    const following = blocks[++i];
    if (following?.kind !== 'paragraph') break;
    pending = following.text.split('\n');
    firstLine = 0;
  }
  if (rows.length < 2) return null;
  return { rows, rowSources, lastBlock, rest };
}

/** A recognised table whose cells do not match its header's words, as a paragraph of its rows. */
function tableAsLines(table: Extract<Block, { kind: 'table' }>, reading: Reading): Block | undefined {
  if (table.source.confidence === undefined || table.rows.length === 0) return undefined;
  const header = table.rows[0]!;
  const words = header.join(' ').trim().split(/\s+/u);
  // Cells that are the header's words one by one make a table that reads as it is.
  if (words.length === header.filter((cell) => cell.trim() !== '').length) return undefined;
  if (headerCellsFromLine(words.join(' '), reading, true) === null) return undefined;
  // A piece of text spanning several columns was copied into each; its cells share one place.
  const rowText = (row: readonly string[], r: number) =>
    row
      .filter((_cell, c) => {
        const box = table.cellSources?.[r]?.[c]?.box;
        return (
          c === 0 || box === undefined || JSON.stringify(box) !== JSON.stringify(table.cellSources?.[r]?.[c - 1]?.box)
        );
      })
      .join(' ')
      .replace(/\s+/gu, ' ')
      .trim();
  const text = table.rows.map(rowText).join('\n');
  return { kind: 'paragraph', text, spans: [{ text }], source: table.source };
}

/** A block's place moved to one of its lines (formats that number lines). */
function lineOf(source: Provenance, lineInBlock: number): Provenance {
  return source.line === undefined ? source : { ...source, line: source.line + lineInBlock };
}
