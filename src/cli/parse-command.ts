import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { errorRecord } from '../core/error-record.js';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from '../core/options.js';
import type { ReportRecord } from '../record/types.js';
import type { OcrOptions } from '../formats/ocr/ocr-options.js';
import { ocrSettingsFromEnv, WEIGHTS_PATTERN, weightsFromText } from '../service/config.js';

interface ParseFlags {
  jsonl?: boolean;
  weights: ExtractOptions['weights'];
  tolerance: number;
}

export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description('parse report files (PDF, DOCX, Markdown) and print one record per file')
    .argument('<files...>', 'report files to parse')
    .option('--jsonl', 'print one record per line (JSON Lines)')
    .option('--weights <Y=1,P=0.5,N=0>', 'points per answer for computed totals', parseWeights, DEFAULT_EXTRACT_OPTIONS.weights)
    .option('--tolerance <number>', 'allowed difference between reported and computed totals', parseTolerance, DEFAULT_EXTRACT_OPTIONS.totalTolerance)
    .action(async (files: string[], flags: ParseFlags) => {
      const { ocr, lowConfidence } = ocrSettingsFromEnv();
      const extract: ExtractOptions = { weights: flags.weights, totalTolerance: flags.tolerance, lowConfidence };
      const records: ReportRecord[] = [];
      for (const file of files) {
        const record = await recordFromPath(file, extract, ocr);
        warnIfUnreadable(file, record);
        if (flags.jsonl) process.stdout.write(JSON.stringify(record) + '\n');
        else records.push(record);
      }
      if (!flags.jsonl) {
        const out = records.length === 1 ? records[0] : records;
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      }
      const { parserResourcesReleased } = await import('../parse-report.js');
      await parserResourcesReleased();
    });
}

/** The record goes to stdout either way; a person running the command also needs to see that a file failed. */
function warnIfUnreadable(file: string, record: ReportRecord): void {
  for (const anomaly of record.anomalies) {
    if (anomaly.severity === 'error') process.stderr.write(`reportflow: ${file}: ${anomaly.code}: ${anomaly.message}\n`);
  }
}

/** Reads and parses one file; a file that cannot even be opened still gets its record. */
export async function recordFromPath(file: string, extract: ExtractOptions, ocr?: OcrOptions): Promise<ReportRecord> {
  // Loaded on use: the parsers (pdf.js above all) take a while to load, and other commands need none of them.
  const { recordFromBytes, sha256Hex } = await import('../parse-report.js');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    const empty = new Uint8Array();
    return errorRecord(
      { fileName: basename(file), format: 'unknown', bytes: 0, sha256: sha256Hex(empty), pages: null, ocr: null },
      'UNREADABLE_FILE',
      `The file could not be opened (${reason}): ${file}`,
    );
  }
  return recordFromBytes(bytes, basename(file), { extract, ...(ocr ? { ocr } : {}) });
}

function parseWeights(value: string): ExtractOptions['weights'] {
  if (!WEIGHTS_PATTERN.test(value)) throw new InvalidArgumentError(`expected a list like Y=1,P=0.5,N=0, got "${value}"`);
  return weightsFromText(value);
}

function parseTolerance(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a non-negative number');
  return n;
}
