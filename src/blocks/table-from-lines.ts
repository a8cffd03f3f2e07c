import type { Block, Provenance } from './model.js';

/**
 * Tables written as plain lines: tab-separated rows (pasted from a spreadsheet,
 * or Word paragraphs with tabs), GFM pipe tables (header row, delimiter row,
 * body rows) and pandoc grid tables (`+---+` borders around `| a |` rows). Shared by the Markdown and DOCX adapters, which meet both inside
 * what their own format calls a paragraph.
 */

/**
 * A run of consecutive lines of one kind; `end` is exclusive. Cells are raw (markup not removed).
 * `rowLines` holds the index of each row's first line, so each value can say which line it was read from.
 */
export type LineRun =
  | { kind: 'text'; start: number; end: number }
  | { kind: 'tab-rows'; start: number; end: number; rows: string[][]; rowLines: number[] }
  | { kind: 'pipe-table'; start: number; end: number; rows: string[][]; rowLines: number[]; headerRows: number };

/**
 * Where each cell of a run's rows came from, given where the run's first line is:
 * every cell of a row points at that row's line.
 */
export function cellSourcesOfRun(
  run: { start: number; rows: string[][]; rowLines: number[] },
  source: Provenance,
): Provenance[][] {
  return run.rows.map((row, r) => {
    const at = source.line === undefined ? source : { ...source, line: source.line + run.rowLines[r]! - run.start };
    return row.map(() => at);
  });
}

/**
 * Cells of a tab-separated line, or null when the line has no tab between its
 * first and last visible characters (a tab used only for indentation does not
 * make a row). Single tabs separate cells so an empty cell stays an empty cell.
 */
export function cellsFromTabLine(line: string): string[] | null {
  if (!line.trim().includes('\t')) return null;
  return line
    .replace(/[\r\n]+$/, '')
    .split('\t')
    .map((cell) => cell.trim());
}

/** Cells of a pipe-table row, or null when the line has no unescaped pipe. Escaped pipes stay escaped in the cell. */
export function cellsFromPipeLine(line: string): string[] | null {
  const trimmed = line.trim();
  const bounds = unescapedPipes(trimmed);
  if (bounds.length === 0) return null;
  let from = 0;
  let to = trimmed.length;
  if (bounds[0] === 0) {
    from = 1;
    bounds.shift();
  }
  if (bounds.length > 0 && bounds[bounds.length - 1] === trimmed.length - 1) {
    to = trimmed.length - 1;
    bounds.pop();
  }
  const cells: string[] = [];
  let cellStart = from;
  for (const at of bounds) {
    cells.push(trimmed.slice(cellStart, at).trim());
    cellStart = at + 1;
  }
  cells.push(trimmed.slice(cellStart, Math.max(cellStart, to)).trim());
  return cells;
}

function unescapedPipes(text: string): number[] {
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '|') at.push(i);
  }
  return at;
}

const DELIMITER_CELL = /^:?-+:?$/;

/** The number of columns a GFM delimiter row (`|---|:--:|`) declares, or null when the line is not one. */
export function columnsOfDelimiterLine(line: string): number | null {
  if (!line.includes('|') || !line.includes('-')) return null;
  const cells = cellsFromPipeLine(line);
  if (!cells || !cells.every((cell) => DELIMITER_CELL.test(cell))) return null;
  return cells.length;
}

/** Splits lines into prose, tab-separated rows and pipe tables (grid tables count as pipe tables). */
/** A grid table border line: `+---+:==:+`. */
const GRID_BORDER = /^[ \t]*\+(?:[-=:]+\+)+[ \t]*$/;

/**
 * A pandoc grid table from its first border line: the rows between border
 * lines (a row may span several lines; its cells' lines join with a space),
 * header rows above a `+===+` border. Null when `start` does not open one.
 */
export function gridTableAt(
  lines: readonly string[],
  start: number,
): { end: number; rows: string[][]; rowLines: number[]; headerRows: number } | null {
  if (!GRID_BORDER.test(lines[start] ?? '')) return null;
  const rows: string[][] = [];
  const rowLines: number[] = [];
  let headerRows = 0;
  let pending: string[][] = [];
  let end = start + 1;
  for (; end < lines.length; end++) {
    const line = lines[end]!;
    if (GRID_BORDER.test(line)) {
      if (pending.length > 0) {
        rows.push(cellsJoined(pending));
        rowLines.push(end - pending.length);
      }
      pending = [];
      if (line.includes('=') && headerRows === 0) headerRows = rows.length;
      continue;
    }
    const cells = /^[ \t]*\|/.test(line) ? cellsFromPipeLine(line) : null;
    if (!cells) break;
    pending.push(cells);
  }
  // A table ends at its closing border; lines cut off without one stay text.
  if (pending.length > 0) end -= pending.length;
  if (rows.length === 0) return null;
  return { end, rows, rowLines, headerRows };
}

function cellsJoined(lines: readonly string[][]): string[] {
  const width = Math.max(...lines.map((cells) => cells.length));
  const out: string[] = [];
  for (let c = 0; c < width; c++)
    out.push(
      lines
        .map((cells) => cells[c] ?? '')
        .filter((cell) => cell !== '')
        .join(' '),
    );
  return out;
}

export function runsFromLines(lines: readonly string[]): LineRun[] {
  const runs: LineRun[] = [];
  const pushText = (i: number): void => {
    const last = runs[runs.length - 1];
    if (last?.kind === 'text' && last.end === i) last.end = i + 1;
    else runs.push({ kind: 'text', start: i, end: i + 1 });
  };
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const grid = line.includes('+') ? gridTableAt(lines, i) : null;
    if (grid) {
      runs.push({
        kind: 'pipe-table',
        start: i,
        end: grid.end,
        rows: grid.rows,
        rowLines: grid.rowLines,
        headerRows: grid.headerRows,
      });
      i = grid.end;
      continue;
    }
    const header = cellsFromPipeLine(line);
    const next = lines[i + 1];
    if (header && next !== undefined && columnsOfDelimiterLine(next) === header.length) {
      const rows = [header];
      const rowLines = [i];
      let j = i + 2;
      for (; j < lines.length; j++) {
        const cells = cellsFromPipeLine(lines[j]!);
        if (!cells) break;
        rows.push(cells);
        rowLines.push(j);
      }
      runs.push({ kind: 'pipe-table', start: i, end: j, rows, rowLines, headerRows: 1 });
      i = j;
      continue;
    }
    const tabCells = cellsFromTabLine(line);
    if (tabCells) {
      const last = runs[runs.length - 1];
      if (last?.kind === 'tab-rows' && last.end === i) {
        last.rows.push(tabCells);
        last.rowLines.push(i);
        last.end = i + 1;
      } else runs.push({ kind: 'tab-rows', start: i, end: i + 1, rows: [tabCells], rowLines: [i] });
      i++;
      continue;
    }
    pushText(i);
    i++;
  }
  return runs;
}

/**
 * Whether tab-separated rows read as a table: two rows at least (header and one
 * row) and three columns at least. Two-column tab lines are far more often
 * labelled lines (`Author:<tab>Name`) than a table, and must stay readable as text.
 */
export function isTabTable(rows: readonly string[][]): boolean {
  return rows.length >= 2 && rows.some((row) => row.length >= 3);
}

/**
 * Drops trailing empty cells that only come from stray tabs at line ends: a row
 * keeps cells up to the table's width (the widest row once such tabs are
 * ignored), so a row whose last real cell is empty keeps it.
 */
export function tabRowsTidied(rows: readonly string[][]): string[][] {
  const visibleLength = (row: readonly string[]): number => {
    let n = row.length;
    while (n > 0 && row[n - 1] === '') n--;
    return n;
  };
  const width = Math.max(0, ...rows.map(visibleLength));
  return rows.map((row) => {
    const out = [...row];
    while (out.length > width && out[out.length - 1] === '') out.pop();
    return out;
  });
}

/** Runs whose tab rows are too small for a table turn back into text; neighbouring text runs join. */
export function runsSettled(runs: readonly LineRun[]): LineRun[] {
  const out: LineRun[] = [];
  for (const run of runs) {
    const asText = run.kind === 'tab-rows' && !isTabTable(run.rows);
    const last = out[out.length - 1];
    if ((asText || run.kind === 'text') && last?.kind === 'text' && last.end === run.start) last.end = run.end;
    else if (asText) out.push({ kind: 'text', start: run.start, end: run.end });
    else out.push(run.kind === 'text' ? { ...run } : run);
  }
  return out;
}

/**
 * A paragraph made only of tab-separated lines. Such paragraphs are held back so
 * that rows written one paragraph each (every Word paragraph, or Markdown lines
 * separated by blank lines) join into one table; `fallback` is what the
 * paragraph becomes if no table comes of it.
 */
export interface TabRowsPiece {
  kind: 'tab-rows';
  rows: string[][];
  source: Provenance;
  /** Where each cell came from when the rows span several lines of the piece. */
  cellSources?: Provenance[][];
  fallback: Block[];
}

export type Piece = Block | TabRowsPiece;

/** Resolves held-back tab paragraphs: consecutive ones become one table when the rows read as a table. */
export function blocksFromPieces(pieces: readonly Piece[]): Block[] {
  const blocks: Block[] = [];
  let group: TabRowsPiece[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    const rows = group.flatMap((piece) => piece.rows);
    if (isTabTable(rows)) {
      const tidied = tabRowsTidied(rows);
      const sources = group.flatMap((piece) => piece.cellSources ?? piece.rows.map(() => [piece.source]));
      const cellSources = tidied.map((row, r) => row.map((_cell, c) => sources[r]![c] ?? sources[r]![0]!));
      blocks.push({ kind: 'table', rows: tidied, headerRows: 0, source: group[0]!.source, cellSources });
    } else for (const piece of group) blocks.push(...piece.fallback);
    group = [];
  };
  for (const piece of pieces) {
    if (piece.kind === 'tab-rows') {
      group.push(piece);
      continue;
    }
    flush();
    blocks.push(piece);
  }
  flush();
  return blocks;
}
