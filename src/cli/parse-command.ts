import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { errorRecord } from '../core/error-record.js';
import type { ExtractOptions } from '../core/options.js';
import type { LibreOfficeSettings } from '../formats/libreoffice/docx-from-libreoffice.js';
import { sha256Hex } from '../record/record-id.js';
import type { ReportRecord } from '../record/types.js';
import type { OcrOptions } from '../formats/ocr/ocr-options.js';
import { errnoCode } from '../service/error-details.js';
import {
  extractConfigOrUsageError,
  libreOfficeConfigOrUsageError,
  ocrSettingsOrUsageError,
} from './config-or-usage-error.js';

interface ParseFlags {
  jsonl?: boolean;
  weights?: string;
  tolerance?: string;
  profile?: string;
  profilesDir?: string;
}

export function registerParseCommand(program: Command): void {
  program
    .command('parse')
    .description('parse report files (PDF, DOCX, Markdown, HTML, ODT, .doc, RTF) and print one record per file')
    .argument('<files...>', 'report files to parse')
    .option('--jsonl', 'print one record per line (JSON Lines)')
    .option('--weights <Y=1,P=0.5,N=0>', "points per answer for computed totals (default: the profile's)")
    .option('--tolerance <number>', "allowed difference between reported and computed totals (default: the profile's)")
    .option(
      '--profile <id>',
      'read every file with this profile, e.g. caidp-aidv or caidp-aidv/es (default: chosen by the words of each file)',
    )
    .option('--profiles-dir <dir>', 'folder of profile files to use instead of the shipped profiles/')
    .action(async (files: string[], flags: ParseFlags) => {
      const { ocr, lowConfidence } = ocrSettingsOrUsageError();
      const extract = {
        ...extractConfigOrUsageError({
          REPORTFLOW_WEIGHTS: flags.weights,
          REPORTFLOW_TOTAL_TOLERANCE: flags.tolerance,
          REPORTFLOW_PROFILE: flags.profile,
          REPORTFLOW_PROFILES_DIR: flags.profilesDir,
        }),
        lowConfidence,
      };
      const libreOffice = libreOfficeConfigOrUsageError();
      const records: ReportRecord[] = [];
      for (const file of files) {
        const record = await recordFromPath(file, extract, libreOffice, ocr);
        warnIfUnreadable(file, record);
        // A path that names no readable file is the caller's mistake, not a report's: say so in the exit status too.
        if (record.source.bytes === 0 && (await isUnopenable(file))) process.exitCode = NOT_OPENED;
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

/** Exit status when some file could not be opened at all (missing, a folder, no permission). */
const NOT_OPENED = 1;

async function isUnopenable(file: string): Promise<boolean> {
  return access(file, constants.R_OK).then(
    async () => !(await stat(file)).isFile(),
    () => true,
  );
}

/** The record goes to stdout either way; a person running the command also needs to see that a file failed. */
function warnIfUnreadable(file: string, record: ReportRecord): void {
  for (const anomaly of record.anomalies) {
    if (anomaly.severity === 'error')
      process.stderr.write(`reportflow: ${file}: ${anomaly.code}: ${anomaly.message}\n`);
  }
}

/** Reads and parses one file; a file that cannot even be opened still gets its record. */
export async function recordFromPath(
  file: string,
  extract: ExtractOptions,
  libreOffice?: LibreOfficeSettings,
  ocr?: OcrOptions,
): Promise<ReportRecord> {
  // Loaded on use: the parsers (pdf.js above all) take a while to load, and other commands need none of them.
  const { recordFromBytes } = await import('../parse-report.js');
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = errnoCode(error) ?? String(error);
    const empty = new Uint8Array();
    return errorRecord(
      { fileName: basename(file), format: 'unknown', bytes: 0, sha256: sha256Hex(empty), pages: null, ocr: null },
      'UNREADABLE_FILE',
      `The file could not be opened (${reason}): ${file}`,
    );
  }
  return recordFromBytes(bytes, basename(file), { extract, libreOffice, ...(ocr ? { ocr } : {}) });
}
