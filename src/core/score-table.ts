import type { Block, Provenance } from '../blocks/model.js';
import type { Answer, Anomaly, RecordProvenance, ScoreChange, ScoreRow, ScoreTable } from '../record/types.js';
import { flag } from './anomalies.js';
import { answerFromCell } from './answers.js';
import {
  answerFromMisread,
  columnsWithMisreadLabels,
  isMisreadTotalLabel,
  isYearLike,
  totalFromMisread,
  yearFromMisread,
  yearsInSequence,
  type OcrRepairs,
} from './ocr-readings.js';
import type { Outline } from './headings.js';
import type { Reading } from './reading.js';
import { headerLabelFromCell, metricNameFromHeader, yearFromCell } from './score-cells.js';
import { textTableAt } from './text-tables.js';
import { noteSource } from './provenance.js';
import { isContinuation, isPageNumber, oneLineFromText } from './text.js';
import { computedTotalFromAnswers, isNumericCell, totalFromCell, totalsDiffer } from './totals.js';

/**
 * Score tables: a header row with metric columns (`Q1` … `Qn`), a year column and
 * usually a Total column, then one row per year. Any other table is not a score table.
 */

/** Where the cell at row r, column c of the rows being read came from. */
type CellSource = (r: number, c: number) => Provenance | undefined;

export interface ScoreLayout {
  /** Index of the header row within the table's rows. */
  headerRow: number;
  /** Metric columns in document order, with their normalised names. */
  columns: { name: string; index: number }[];
  yearIndex: number;
  totalIndex: number | null;
  /** Cell count of the header row. */
  width: number;
}

// Rows that may hold the header: a merged title row can stand above it.
const HEADER_SEARCH_ROWS = 3;
export { metricNameFromHeader, yearFromCell };

/** Where the metric, year and Total columns of a score table are; null for other tables. */
export function scoreLayoutFromRows(rows: string[][], reading: Reading, misread = false): ScoreLayout | null {
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, rows.length); r++) {
    const header = rows[r]!;
    let columns = header.flatMap((cell, index) => {
      const name = metricNameFromHeader(cell, reading);
      return name === null ? [] : [{ name, index }];
    });
    if (misread && columns.length >= 2) {
      columns = columnsWithMisreadLabels(
        header,
        columns,
        (cell) =>
          reading.cells.yearHeader.test(headerLabelFromCell(cell)) ||
          reading.cells.totalHeader.test(headerLabelFromCell(cell)),
      );
    }
    if (columns.length < 2) continue;
    const metricIndexes = new Set(columns.map((c) => c.index));
    // "Year" and "Total" may sit in a header row above the metric names (merged cells).
    const labelledIndex = (label: RegExp) =>
      header.findIndex(
        (_cell, index) =>
          !metricIndexes.has(index) &&
          rows.slice(0, r + 1).some((row) => label.test(headerLabelFromCell(row[index] ?? ''))),
      );
    let totalIndex = labelledIndex(reading.cells.totalHeader);
    // In a recognised header, a label a letter off Total after the last question heads the Total column.
    const lastMetric = Math.max(...metricIndexes);
    if (misread && totalIndex < 0)
      totalIndex = header.findIndex(
        (cell, index) => index > lastMetric && isMisreadTotalLabel(headerLabelFromCell(cell), reading.cells.totalWords),
      );
    if (misread && totalIndex >= 0 && strayTotalLabel(rows, r, totalIndex, metricIndexes, reading)) {
      const header = rows[r]!.filter((_, index) => index !== totalIndex);
      return scoreLayoutFromRows([...rows.slice(0, r), [...header, ''], ...rows.slice(r + 1)], reading, misread);
    }
    if (misread && totalIndex < 0) totalIndex = unlabelledTotalIndex(rows, r, lastMetric, reading);
    const yearIndex = yearIndexFromRows(rows, r, metricIndexes, totalIndex, labelledIndex(reading.cells.yearHeader));
    if (yearIndex === null) continue;
    return {
      headerRow: r,
      columns: uniqueColumns(columns),
      yearIndex,
      totalIndex: totalIndex < 0 ? null : totalIndex,
      width: header.length,
    };
  }
  return null;
}

/**
 * A Total label amid the questions of a recognised header, over cells that read as answers:
 * a word of a wrapped header cell set down between two labels ("Q1 / Total" under a narrow
 * last column), which pushes every label after it one column too far.
 */
function strayTotalLabel(
  rows: string[][],
  headerRow: number,
  totalIndex: number,
  metricIndexes: ReadonlySet<number>,
  reading: Reading,
): boolean {
  if (![...metricIndexes].some((i) => i < totalIndex) || ![...metricIndexes].some((i) => i > totalIndex)) return false;
  const body = rows.slice(headerRow + 1);
  const answers = body.filter((row) => answerFromCell(row[totalIndex] ?? '', reading).kind === 'answer').length;
  return body.length > 0 && answers * 2 > body.length;
}

/**
 * In a recognised table, the column right after the last question with no label (its
 * label lost, or set down elsewhere) whose cells are numbers in most rows is the Total.
 */
function unlabelledTotalIndex(rows: string[][], headerRow: number, lastMetric: number, reading: Reading): number {
  const index = lastMetric + 1;
  if (headerLabelFromCell(rows[headerRow]![index] ?? '') !== '') return -1;
  const body = rows.slice(headerRow + 1);
  const numbers = body.filter((row) => isNumericCell(row[index] ?? '', reading)).length;
  return body.length > 0 && numbers * 2 > body.length ? index : -1;
}

// The year column: headed "Year", else the first other column whose cells are years.
function yearIndexFromRows(
  rows: string[][],
  headerRow: number,
  metricIndexes: Set<number>,
  totalIndex: number,
  labelled: number,
): number | null {
  const header = rows[headerRow]!;
  if (labelled >= 0) return labelled;
  for (let index = 0; index < header.length; index++) {
    if (metricIndexes.has(index) || index === totalIndex) continue;
    if (rows.slice(headerRow + 1).some((row) => yearFromCell(row[index] ?? '') !== null)) return index;
  }
  return null;
}

// A repeated header name keeps its first column: answers are keyed by name.
function uniqueColumns(columns: { name: string; index: number }[]): { name: string; index: number }[] {
  const seen = new Set<string>();
  return columns.filter((c) => !seen.has(c.name) && seen.add(c.name));
}

/**
 * A table printed the other way round (questions as rows, years as columns) turned
 * into the usual shape; null when the table is not like that.
 */
export function rowsFromTransposed(rows: string[][], reading: Reading): string[][] | null {
  const origins = transposedOrigins(rows, reading);
  return origins && origins.map((row) => row.map((at) => (at === null ? 'Year' : (rows[at[0]]![at[1]] ?? ''))));
}

/** For each cell of the turned table, the [row, column] of the original it comes from (null: the made-up Year label). */
function transposedOrigins(rows: string[][], reading: Reading): ([number, number] | null)[][] | null {
  const labelRows = rows.filter((row) => metricNameFromHeader(row[0] ?? '', reading) !== null);
  if (labelRows.length < 2) return null;
  const headerRow = rows
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex(
      (row) =>
        row.filter((cell) => yearFromCell(cell) !== null).length >= 1 &&
        metricNameFromHeader(row[0] ?? '', reading) === null,
    );
  if (headerRow < 0) return null;
  const header = rows[headerRow]!;
  const body = rows.slice(headerRow + 1).map((_row, k) => headerRow + 1 + k);
  const turned: ([number, number] | null)[][] = [[null, ...body.map((r): [number, number] => [r, 0])]];
  header.forEach((cell, column) => {
    if (column === 0 || yearFromCell(cell) === null) return;
    turned.push([[headerRow, column], ...body.map((r): [number, number] => [r, column])]);
  });
  return turned;
}

/** Every score table of the body, in document order, with the anomalies it raises. */
export function scoreTablesFromBlocks(
  blocks: Block[],
  outline: Outline,
  bodyStart: number,
  anomalies: Anomaly[],
  reading: Reading,
  provenance: RecordProvenance = {},
  repairs: OcrRepairs | null = null,
): ScoreTable[] {
  const tables: ScoreTable[] = [];
  for (let i = bodyStart; i < blocks.length; i++) {
    const block = blocks[i]!;
    // Recognised text (its source carries the engine's confidence) may be read with OCR's usual misreadings in mind.
    const ocrRepairs = repairs !== null && block.source.confidence !== undefined ? repairs : null;
    const textTable = textTableAt(blocks, i, reading);
    if (block.kind !== 'table' && textTable === null) continue;
    let rows = textTable?.rows ?? (block.kind === 'table' ? block.rows : []);
    let cellSource: CellSource = textTable
      ? (r) => textTable.rowSources[r]
      : (r, c) => (block.kind === 'table' ? (block.cellSources?.[r]?.[c] ?? block.source) : undefined);
    let layout = scoreLayoutFromRows(rows, reading, ocrRepairs !== null);
    if (layout === null && textTable === null) {
      const origins = transposedOrigins(rows, reading);
      const turned = rowsFromTransposed(rows, reading);
      layout = turned && scoreLayoutFromRows(turned, reading);
      if (turned && layout && origins) {
        rows = turned;
        const untransposed = cellSource;
        cellSource = (r, c) => {
          const at = origins[r]?.[c];
          return at ? untransposed(at[0], at[1]) : undefined;
        };
      }
    }
    if (layout === null) continue;
    const placement = outline.placement[i]!;
    let commentary: string[];
    if (textTable) {
      i = textTable.lastBlock;
      commentary = commentaryAfter(blocks, outline, i, textTable.rest, reading.text.compoundParts);
    } else {
      commentary = commentaryAfter(blocks, outline, i, null, reading.text.compoundParts);
    }
    const path = `/scoreTables/${tables.length}`;
    const tableAnomalies: Anomaly[] = [];
    const scoreRows = scoreRowsFromRows(
      rows,
      layout,
      path,
      tableAnomalies,
      reading,
      provenance,
      cellSource,
      ocrRepairs,
    );
    if (scoreRows.length === 0) continue;
    anomalies.push(...tableAnomalies);
    tables.push({
      section: placement.section,
      subject: placement.subject,
      columns: layout.columns.map((c) => c.name),
      rows: scoreRows,
      changes: changesFromRows(
        scoreRows,
        layout.columns.map((c) => c.name),
      ),
      commentary,
    });
  }
  return tables;
}

function scoreRowsFromRows(
  rows: string[][],
  layout: ScoreLayout,
  tablePath: string,
  anomalies: Anomaly[],
  reading: Reading,
  provenance: RecordProvenance,
  cellSource: CellSource,
  repairs: OcrRepairs | null,
): ScoreRow[] {
  const scoreRows: ScoreRow[] = [];
  const seenYears = new Set<number>();
  for (const { r, yearCell } of yearRows(rows, layout, repairs)) {
    const row = rows[r]!;
    const { year } = yearCell;
    const path = `${tablePath}/rows/${scoreRows.length}`;
    if (repairs && yearFromCell(row[layout.yearIndex] ?? '')?.year !== year) repairs.repaired.add(`${path}/year`);
    noteSource(provenance, `${path}/year`, cellSource(r, layout.yearIndex));
    const complete = row.length === layout.width;
    if (!complete) {
      flag(anomalies, 'ROW_SHAPE', path, {
        message: `${year} has ${row.length} cells, the header ${layout.width}`,
        expected: layout.width,
        found: row.length,
      });
    }
    if (yearCell.mark !== null) footnote(anomalies, `${path}/year`, `${year}`, row[layout.yearIndex]!.trim());
    if (seenYears.has(year)) {
      flag(anomalies, 'DUPLICATE_YEAR', `${path}/year`, { message: `${year} appears twice`, found: year });
    }
    seenYears.add(year);

    // A short or long row has lost its alignment: its Total is the last cell if numeric.
    let totalCell: string | undefined;
    let totalPosition = -1;
    if (layout.totalIndex !== null) {
      if (complete) totalPosition = layout.totalIndex;
      else if (row.length > 0 && isNumericCell(row[row.length - 1]!, reading)) totalPosition = row.length - 1;
      totalCell = totalPosition >= 0 ? row[totalPosition] : undefined;
    }

    const answers: Record<string, Answer | null> = {};
    for (const column of layout.columns) {
      const cell = column.index === totalPosition && !complete ? undefined : row[column.index];
      answers[column.name] = answerFromRowCell(
        cell,
        `${path}/answers/${column.name}`,
        `${year} ${column.name}`,
        anomalies,
        reading,
        repairs,
      );
      if (cell !== undefined) noteSource(provenance, `${path}/answers/${column.name}`, cellSource(r, column.index));
    }
    const computedTotal = computedTotalFromAnswers(Object.values(answers), reading.weights);
    const maximum = layout.columns.length * Math.max(reading.weights.Y, reading.weights.P, reading.weights.N);
    const lostPoint = repairs && totalCell !== undefined ? totalFromMisread(totalCell, maximum) : null;
    if (lostPoint !== null) repairs!.repaired.add(`${path}/reportedTotal`);
    const reportedTotal = reportedTotalFromCell(
      lostPoint === null ? totalCell : String(lostPoint),
      `${path}/reportedTotal`,
      year,
      computedTotal,
      anomalies,
      reading,
    );
    if (totalCell !== undefined) noteSource(provenance, `${path}/reportedTotal`, cellSource(r, totalPosition));
    scoreRows.push({ year, answers, reportedTotal, computedTotal });
  }
  return scoreRows;
}

interface YearRow {
  /** Index of the row in the table's rows. */
  r: number;
  yearCell: { year: number; mark: string | null };
}

/**
 * The rows below the header that hold a year, with it. Notes, blank and repeated header
 * rows hold none. In a recognised table a year the engine misread is read from the
 * cell's lookalike letters or, failing that, from its place in the table's run of years
 * (see yearsInSequence).
 */
function yearRows(rows: string[][], layout: ScoreLayout, repairs: OcrRepairs | null): YearRow[] {
  const found: { r: number; cell: string; yearCell: YearRow['yearCell'] | null }[] = [];
  for (let r = layout.headerRow + 1; r < rows.length; r++) {
    const cell = rows[r]![layout.yearIndex] ?? '';
    const yearCell = yearFromCell(cell) ?? misreadYear(cell, repairs);
    if (yearCell !== null || (repairs && isYearLike(cell))) found.push({ r, cell, yearCell });
  }
  if (repairs) {
    const years = yearsInSequence(
      found.map((row) => row.cell),
      found.map((row) => row.yearCell?.year ?? null),
    );
    found.forEach((row, k) => {
      const year = years[k];
      if (year !== null && year !== undefined && year !== row.yearCell?.year) row.yearCell = { year, mark: null };
    });
  }
  return found.flatMap(({ r, yearCell }) => (yearCell === null ? [] : [{ r, yearCell }]));
}

function misreadYear(cell: string, repairs: OcrRepairs | null): { year: number; mark: null } | null {
  const year = repairs ? yearFromMisread(cell) : null;
  return year === null ? null : { year, mark: null };
}

function answerFromRowCell(
  cell: string | undefined,
  path: string,
  label: string,
  anomalies: Anomaly[],
  reading: Reading,
  repairs: OcrRepairs | null,
): Answer | null {
  // A cell the row does not have at all is already reported by ROW_SHAPE.
  if (cell === undefined) return null;
  const found = cell.trim();
  const cellReading = answerFromCell(cell, reading);
  if (cellReading.mark !== null) footnote(anomalies, path, label, found);
  if (cellReading.kind === 'answer') return cellReading.answer;
  if (cellReading.kind === 'missing') {
    flag(anomalies, 'MISSING_ANSWER', path, { message: `${label} is blank`, found });
  } else if (repairs && answerFromMisread(found)) {
    repairs.repaired.add(path);
    return answerFromMisread(found);
  } else {
    flag(anomalies, 'UNKNOWN_ANSWER', path, { message: `${label}: ${found} is not an answer`, found });
  }
  return null;
}

function reportedTotalFromCell(
  cell: string | undefined,
  path: string,
  year: number,
  computed: number,
  anomalies: Anomaly[],
  reading: Reading,
): number | null {
  const total = cell === undefined ? { total: null, mark: null } : totalFromCell(cell, reading);
  if (total.mark !== null) footnote(anomalies, path, `${year} Total`, cell!.trim());
  if (total.total === null) {
    const found = cell?.trim() ?? '';
    flag(
      anomalies,
      'MISSING_TOTAL',
      path,
      found === '' ? { message: `${year} has no total` } : { message: `${year} has no total ("${found}")`, found },
    );
    return null;
  }
  if (totalsDiffer(total.total, computed, reading.totalTolerance)) {
    flag(anomalies, 'TOTAL_MISMATCH', path, {
      message: `${year}: Total says ${total.total}, answers add up to ${computed}`,
      expected: computed,
      found: total.total,
    });
  }
  return total.total;
}

function footnote(anomalies: Anomaly[], path: string, label: string, found: string): void {
  flag(anomalies, 'FOOTNOTE_MARK', path, { message: `${label}: footnote mark dropped from ${found}`, found });
}

/** Every column whose answer differs between consecutive years, in column order. */
export function changesFromRows(rows: ScoreRow[], columns: string[]): ScoreChange[] {
  const byYear = [...rows].sort((a, b) => a.year - b.year);
  const changes: ScoreChange[] = [];
  for (let k = 1; k < byYear.length; k++) {
    const before = byYear[k - 1]!;
    const after = byYear[k]!;
    for (const column of columns) {
      const from = before.answers[column] ?? null;
      const to = after.answers[column] ?? null;
      if (from !== to) changes.push({ column, fromYear: before.year, toYear: after.year, from, to });
    }
  }
  return changes;
}

/**
 * The paragraphs after a block up to the next heading, table or list; `rest` is
 * text that shares the block with the end of the table and opens the commentary.
 */
export function commentaryAfter(
  blocks: Block[],
  outline: Outline,
  index: number,
  rest: string | null = null,
  compoundParts: ReadonlySet<string> = new Set(),
): string[] {
  const paragraphs: string[] = rest !== null && rest.trim() !== '' ? [rest] : [];
  for (let i = index + 1; i < blocks.length; i++) {
    const block = blocks[i]!;
    // A heading that reads as prose is a paragraph here too (see isHeadingLike).
    if ((block.kind !== 'paragraph' && block.kind !== 'heading') || outline.isHeading[i]) break;
    if (block.text.trim() === '' || isPageNumber(block.text)) continue;
    // A paragraph cut by a page break goes on in lower case.
    if (paragraphs.length > 0 && isContinuation(block.text)) paragraphs[paragraphs.length - 1] += `\n${block.text}`;
    else paragraphs.push(block.text);
  }
  return paragraphs.map((paragraph) => oneLineFromText(paragraph, compoundParts));
}
