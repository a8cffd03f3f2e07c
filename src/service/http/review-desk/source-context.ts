import { readFile } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import type { Block, BlocksResult, Provenance } from '../../../blocks/model.js';
import { blocksFromDocx } from '../../../formats/docx/blocks-from-docx.js';
import { blocksFromHtmlPage } from '../../../formats/html/blocks-from-html-page.js';
import { blocksFromMarkdown } from '../../../formats/markdown/blocks-from-markdown.js';
import { blocksFromOdt } from '../../../formats/odt/blocks-from-odt.js';
import { blocksFromPdf } from '../../../formats/pdf/blocks-from-pdf.js';
import { formatFromBytes, textFromBytes } from '../../../formats/shared/detect-format.js';
import type { ParseLimits } from '../../../formats/shared/limits.js';
import { sha256Hex } from '../../../record/record-id.js';
import type { StoredRecord } from '../../store/records-store.js';
import { tokensFromPointer, valueAtPointer } from '../../review/json-pointer.js';
import { messageOf } from '../../error-details.js';

/**
 * Records carry no provenance (the contract has no place for it), so the desk
 * reads the source file again from where the pipeline left it and runs the same
 * format adapter over it. Best effort: a file that is gone or unreadable only
 * means the desk shows no source next to the anomaly.
 */
export type SourceBlocks = { found: true; /** Relative to the data dir. */ file: string; blocks: Block[] } | { found: false; reason: string };

/** The piece of the source a value came from, as the desk shows it. */
export interface SourceSnippet {
  /** "line 13", "page 2", "paragraph 14"; null when the adapter gave no position. */
  where: string | null;
  kind: Block['kind'];
  /** Tables: the header row(s) and the row the value is in. */
  rows?: string[][];
  /** Index into `rows` of the row the value is in. */
  focusRow?: number;
  /** Other blocks: their text, shortened. */
  text?: string;
}

/** Folders under the data dir where the source of a record may be: parsed files, failed files, uploads not yet moved. */
const SOURCE_FOLDERS = ['archive', 'failed', 'uploads'];
const EXCERPT_CHARS = 600;

/** Finds the record's source file by its name and verifies it by content hash, then reads its blocks. */
export async function sourceBlocksFromDataDir(dataDir: string, record: StoredRecord, limits: ParseLimits): Promise<SourceBlocks> {
  const file = await sourceFileOf(dataDir, record);
  if (!file) return { found: false, reason: `the source file "${record.source.fileName}" is no longer in ${join(dataDir, 'archive')}` };
  try {
    const result = await blocksFromBytes(file.bytes, limits);
    if (!result) return { found: false, reason: 'the source file is not a format the desk can read' };
    if (result.problem) return { found: false, reason: `the source file could not be read again: ${result.problem.message}` };
    return { found: true, file: relative(dataDir, file.path), blocks: result.blocks };
  } catch (error) {
    return { found: false, reason: `the source file could not be read again: ${messageOf(error).split('\n')[0]}` };
  }
}

async function sourceFileOf(dataDir: string, record: StoredRecord): Promise<{ path: string; bytes: Buffer } | null> {
  const name = basename(record.source.fileName) || record.id;
  const ext = extname(name);
  // The names file-moves.ts gives a file: its own, or with the hash's first 12 digits when the name was taken.
  const names = [name, `${name.slice(0, name.length - ext.length)}.${record.id.slice(0, 12)}${ext}`, `${record.id}${ext}`];
  for (const folder of SOURCE_FOLDERS) {
    for (const candidate of names) {
      const path = join(dataDir, folder, candidate);
      const bytes = await readFile(path).catch(() => null);
      if (bytes && sha256Hex(bytes) === record.id) return { path, bytes };
    }
  }
  return null;
}

async function blocksFromBytes(bytes: Uint8Array, limits: ParseLimits): Promise<BlocksResult | null> {
  switch (formatFromBytes(bytes)) {
    case 'markdown':
      return blocksFromMarkdown(Buffer.from(bytes).toString('utf8'));
    case 'docx':
      return blocksFromDocx(bytes, limits);
    case 'pdf':
      return blocksFromPdf(bytes, limits);
    case 'html':
      return blocksFromHtmlPage(textFromBytes(bytes));
    case 'odt':
      return blocksFromOdt(bytes, limits);
    // .doc and RTF would need LibreOffice, which never runs on the HTTP side.
    default:
      return null;
  }
}

/** The block a value at `pointer` most likely came from, or null when nothing fits. */
export function snippetForPointer(blocks: Block[], record: StoredRecord, pointer: string | null): SourceSnippet | null {
  if (!pointer) return null;
  let tokens: string[];
  try {
    tokens = tokensFromPointer(pointer);
  } catch {
    return null;
  }
  if (tokens[0] === 'scoreTables' && tokens[1] !== undefined) return scoreTableSnippet(blocks, record, tokens);
  if (tokens[0] === 'developmentLists' && tokens[3] !== undefined) {
    const item = record.developmentLists[Number(tokens[1])]?.items[Number(tokens[3])];
    if (item) return developmentSnippet(blocks, item.number, item.text);
  }
  if (tokens[0] === 'report' && tokens[1] === 'date') return textSnippet(blocks, record.report.dateText ?? record.report.date);
  const value = valueAtPointer(record, pointer);
  if (typeof value === 'string' || typeof value === 'number') return textSnippet(blocks, String(value));
  if (tokens[0] === 'report' && tokens[1] === 'country') return textSnippet(blocks, record.report.country?.name ?? null);
  return null;
}

function scoreTableSnippet(blocks: Block[], record: StoredRecord, tokens: string[]): SourceSnippet | null {
  const table = record.scoreTables[Number(tokens[1])];
  if (!table) return null;
  const year = tokens[2] === 'rows' && tokens[3] !== undefined ? table.rows[Number(tokens[3])]?.year : undefined;
  const years = year !== undefined ? [year] : table.rows.map((r) => r.year);
  let best: { block: Extract<Block, { kind: 'table' }>; score: number } | null = null;
  for (const block of blocks) {
    if (block.kind !== 'table') continue;
    const cells = new Set(block.rows.flat().map((c) => c.trim()));
    const score = years.filter((y) => block.rows.some((row) => rowHasYear(row, y))).length * 100 + table.columns.filter((c) => cells.has(c)).length;
    if (score >= 100 && (!best || score > best.score)) best = { block, score };
  }
  if (!best) return year !== undefined ? textSnippet(blocks, String(year)) : null;
  const headerCount = Math.max(1, best.block.headerRows);
  const header = best.block.rows.slice(0, headerCount);
  const body = best.block.rows.slice(headerCount);
  const hit = year !== undefined ? body.findIndex((row) => rowHasYear(row, year)) : -1;
  const rows = hit >= 0 ? [...header, body[hit]!] : best.block.rows;
  return { where: whereFrom(best.block.source), kind: 'table', rows, ...(hit >= 0 ? { focusRow: header.length } : {}) };
}

/** The year sits in one of the first cells (tables may have a label column first). */
function rowHasYear(row: string[], year: number): boolean {
  return row.slice(0, 2).some((cell) => new RegExp(`(^|\\D)${year}(\\D|$)`).test(cell));
}

function developmentSnippet(blocks: Block[], number: number, text: string): SourceSnippet | null {
  const start = normalized(text).slice(0, 40);
  const items = blocks.filter((b): b is Extract<Block, { kind: 'list-item' }> => b.kind === 'list-item');
  const byText = items.find((b) => start !== '' && normalized(b.text).startsWith(start));
  const byNumber = items.find((b) => b.number === number);
  const block = byText ?? byNumber;
  if (block) return { where: whereFrom(block.source), kind: block.kind, text: excerpt(`${block.marker} ${block.text}`) };
  return textSnippet(blocks, text.slice(0, 40));
}

/** A block that is the value, else the first that contains it (a page header may repeat a title in a longer line). */
function textSnippet(blocks: Block[], value: string | null): SourceSnippet | null {
  const needle = normalized(value ?? '');
  if (needle === '') return null;
  for (const matches of [(text: string) => normalized(text) === needle, (text: string) => normalized(text).includes(needle)]) {
    for (const block of blocks) {
      if (block.kind === 'table') {
        const hit = block.rows.findIndex((row) => row.some(matches));
        if (hit >= 0) {
          const rows = hit === 0 ? [block.rows[0]!] : [block.rows[0]!, block.rows[hit]!];
          return { where: whereFrom(block.source), kind: 'table', rows, focusRow: rows.length - 1 };
        }
      } else if (matches(block.text)) {
        return { where: whereFrom(block.source), kind: block.kind, text: excerpt(block.text) };
      }
    }
  }
  return null;
}

function whereFrom(source: Provenance): string | null {
  const parts: string[] = [];
  if (source.page !== undefined) parts.push(`page ${source.page}`);
  if (source.line !== undefined) parts.push(`line ${source.line}`);
  if (source.paragraph !== undefined) parts.push(`paragraph ${source.paragraph + 1}`);
  return parts.length > 0 ? parts.join(', ') : null;
}

function normalized(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function excerpt(text: string): string {
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
}
