import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { CommanderError, Option, type Command } from 'commander';
import { DATASET_FORMATS, DATASET_SHAPES, type DatasetFormat, type DatasetShape } from '../dataset/dataset-formats.js';
import { configOrUsageError } from './config-or-usage-error.js';

interface ExportFlags {
  format?: DatasetFormat;
  shape: DatasetShape;
  out?: string;
  country?: string;
  year?: string;
  outbox?: string;
  data?: string;
  recordsJsonl?: string;
  databaseUrl?: string;
}

const USAGE_ERROR = 2;

/** `reportflow export`: the index of released records as one file, in the shape and format asked for. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'write the dataset of released records (PostgreSQL when DATABASE_URL is set, else the outbox and records.jsonl)',
    )
    .addOption(
      new Option('--format <format>', 'file format (default: from the --out extension, else csv)').choices(
        DATASET_FORMATS,
      ),
    )
    .addOption(
      new Option('--shape <shape>', 'long: one row per country, year and question; wide: one row per country and year')
        .choices(DATASET_SHAPES)
        .default('long'),
    )
    .option('--out <file>', 'where to write; - or none for standard output')
    .option('--country <list>', 'only these countries: codes or names, comma-separated (KAZ,UZ,Kyrgyzstan)')
    .option('--year <list>', 'only these years: years or ranges, comma-separated (2021-2023,2015)')
    .option('--outbox <dir>', 'released records (REPORTFLOW_OUTBOX, default ./outbox)')
    .option('--data <dir>', 'review and rejected records (REPORTFLOW_DATA_DIR, default ./data)')
    .option(
      '--records-jsonl <file>',
      'the records.jsonl sink (REPORTFLOW_RECORDS_JSONL, default <outbox>/records.jsonl)',
    )
    .addOption(new Option('--database-url <url>', 'read PostgreSQL instead of the files').env('DATABASE_URL'))
    .action(exportDataset);
}

async function exportDataset(flags: ExportFlags): Promise<void> {
  const config = configOrUsageError({
    REPORTFLOW_OUTBOX: flags.outbox,
    REPORTFLOW_DATA_DIR: flags.data,
    REPORTFLOW_RECORDS_JSONL: flags.recordsJsonl,
    DATABASE_URL: flags.databaseUrl,
  });
  // Loaded on use, like every command's heavy parts.
  const [{ filterFromQuery }, { exportFromSource }, { releasedRecordsSource, releasedSpecFromConfig }] =
    await Promise.all([
      import('../dataset/dataset-filter.js'),
      import('../service/dataset/dataset-index.js'),
      import('../service/dataset/released-records.js'),
    ]);
  const read = filterFromQuery({ country: flags.country, year: flags.year });
  if ('problems' in read) usageError(read.problems.join('\n'));
  const toStdout = flags.out === undefined || flags.out === '-';
  const format = flags.format ?? formatFromName(toStdout ? null : flags.out!);
  const source = releasedRecordsSource(releasedSpecFromConfig(config));
  // A source that cannot be read ends the command through main's error path: its message, exit status 1.
  let result;
  try {
    result = await exportFromSource(source, { shape: flags.shape, format, filter: read.filter }, config.extract);
  } finally {
    await source.close();
  }
  if (toStdout) await writeAll(process.stdout, result.bytes);
  else await writeAtomically(flags.out!, result.bytes);

  const notes = [
    result.unplaced > 0 ? `${result.unplaced} record(s) with scores but no recognised country left out` : null,
    result.unreadable > 0
      ? `${result.unreadable} unreadable entr${result.unreadable === 1 ? 'y' : 'ies'} skipped`
      : null,
  ].filter(Boolean);
  process.stderr.write(
    `reportflow: ${result.rows} rows (${flags.shape}, ${format}) from ${result.records} released records in ${source.description}` +
      ` written to ${toStdout ? 'standard output' : flags.out} in ${Math.round(result.durationMs)} ms\n` +
      notes.map((n) => `reportflow: ${n}\n`).join(''),
  );
}

function formatFromName(file: string | null): DatasetFormat {
  const extension = file === null ? '' : extname(file).slice(1).toLowerCase();
  if (extension === 'ndjson') return 'jsonl';
  return DATASET_FORMATS.find((format) => format === extension) ?? 'csv';
}

/** A temp file beside the target, then a rename: a reader never sees half an export. */
async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(bytes);
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
}

function writeAll(stream: NodeJS.WritableStream, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => stream.write(bytes, (error) => (error ? reject(error) : resolve())));
}

function usageError(message: string): never {
  process.stderr.write(`reportflow: ${message}\n`);
  throw new CommanderError(USAGE_ERROR, 'reportflow.export', message);
}
