/**
 * Scores the parser against hand-written expected records: eval/<name>/ holds report
 * files and one expected.json. Measures field accuracy, item text exact match, item
 * emphasis exact match, anomaly precision/recall on (code, path), whether the format
 * detected from the bytes is the one the file was saved as, and schema validity, per format. It measures and
 * never gates, so it always exits 0.
 *
 *   node dist/scripts/eval/score.js [--fixtures] [--verbose] [--only TEXT] [--skip TEXT]
 *   (--only: folders whose name contains TEXT; --skip: all but those, e.g. `--skip scan` for the born-digital files)
 *
 * An optional eval/<name>/uncounted.json ({ "*": [pointer, …], "pdf": [pointer, …] })
 * lists JSON Pointer prefixes the contract leaves ambiguous; those fields are not counted.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { distance } from 'fastest-levenshtein';
import { recordFromBytes } from '../../src/parse-report.js';
import { extractedValuePointers } from '../../src/record/extracted-values.js';
import type { Format, ReportRecord, ValueSource } from '../../src/record/types.js';
import { contractErrors } from '../../src/record/validate-record.js';
import { fieldComparisonsFromRecords, type FieldComparison } from './field-comparisons.js';

const FORMAT_BY_EXTENSION: Record<string, Format> = {
  md: 'markdown',
  markdown: 'markdown',
  docx: 'docx',
  pdf: 'pdf',
  html: 'html',
  htm: 'html',
  odt: 'odt',
  doc: 'doc',
  rtf: 'rtf',
};

// Prose fields, and how alike recognised prose must be to count (see textSimilarity).
const PROSE = /^\/(developmentLists\/\d+\/items\/\d+\/text|scoreTables\/\d+\/commentary\/\d+)$/;
const PROSE_ALIKE = 0.98;

interface FileScore {
  folder: string;
  file: string;
  format: Format;
  fields: FieldComparison[];
  itemsExpected: number;
  itemsExact: number;
  /** Sum over expected items of how alike the item read is to it (0 when missing). */
  itemSimilarity: number;
  emphasisExact: number;
  /** The detected format is the one the file's extension names (true where the extension names none). */
  formatRight: boolean;
  anomalyTruePositives: number;
  anomalyExpected: number;
  anomalyFound: number;
  anomalyMisses: string[];
  anomalyExtras: string[];
  schemaErrors: string[];
  statusOk: boolean;
  /** Extracted values in the record, and how many of them `provenance` places. */
  valuesRead: number;
  valuesPlaced: number;
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const withFixtures = args.includes('--fixtures');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;
const skipIndex = args.indexOf('--skip');
const skip = skipIndex >= 0 ? args[skipIndex + 1] : undefined;

const roots = ['eval', ...(withFixtures ? ['fixtures'] : [])].map((r) => resolve(r));
const scores: FileScore[] = [];
for (const root of roots) {
  if (!existsSync(root)) continue;
  for (const folder of readdirSync(root).sort()) {
    const dir = join(root, folder);
    if (!statSync(dir).isDirectory() || (only && !folder.includes(only)) || (skip && folder.includes(skip))) continue;
    const expectedPath = join(dir, 'expected.json');
    if (!existsSync(expectedPath)) continue;
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as ReportRecord;
    const uncounted = uncountedFor(dir);
    for (const file of readdirSync(dir).sort()) {
      if (!/^report\b|\.(md|docx|pdf|markdown|txt)$/i.test(file) || file.endsWith('.json')) continue;
      if (!statSync(join(dir, file)).isFile()) continue;
      scores.push(
        await scoreFile(`${root.endsWith('fixtures') ? 'fixtures/' : ''}${folder}`, dir, file, expected, uncounted),
      );
    }
  }
}
printReport(scores);
process.exit(0);

function uncountedFor(dir: string): Record<string, string[]> {
  const path = join(dir, 'uncounted.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string[]>) : {};
}

async function scoreFile(
  folder: string,
  dir: string,
  file: string,
  expected: ReportRecord,
  uncounted: Record<string, string[]>,
): Promise<FileScore> {
  const bytes = readFileSync(join(dir, file));
  const actual = await recordFromBytes(bytes, file);
  const format = actual.source.format === 'unknown' ? expected.source.format : actual.source.format;
  const skip = [...(uncounted['*'] ?? []), ...(uncounted[format] ?? [])];
  const counted = (path: string) => !skip.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  const fields = fieldComparisonsFromRecords(expected, actual).filter((f) => counted(f.path));

  let itemsExpected = 0;
  let itemsExact = 0;
  let itemSimilarity = 0;
  let emphasisExact = 0;
  expected.developmentLists.forEach((list, i) =>
    list.items.forEach((item, j) => {
      if (!counted(`/developmentLists/${i}/items/${j}/text`)) return;
      itemsExpected += 1;
      const got = actual.developmentLists[i]?.items[j];
      if (got?.text === item.text) itemsExact += 1;
      itemSimilarity += textSimilarity(got?.text ?? '', item.text);
      if (got && JSON.stringify(got.emphasis) === JSON.stringify(item.emphasis)) emphasisExact += 1;
    }),
  );
  const savedAs = FORMAT_BY_EXTENSION[file.split('.').pop()?.toLowerCase() ?? ''];

  const pointers = extractedValuePointers(actual);
  const key = (a: { code: string; path: string | null }) => `${a.code} ${a.path ?? '-'}`;
  const want = expected.anomalies.map(key);
  const got = actual.anomalies.map(key);
  const remaining = [...want];
  const extras: string[] = [];
  for (const k of got) {
    const at = remaining.indexOf(k);
    if (at >= 0) remaining.splice(at, 1);
    else extras.push(k);
  }
  return {
    folder,
    file,
    format,
    fields,
    itemsExpected,
    itemsExact,
    itemSimilarity,
    emphasisExact,
    formatRight: savedAs === undefined || savedAs === actual.source.format,
    anomalyTruePositives: got.length - extras.length,
    anomalyExpected: want.length,
    anomalyFound: got.length,
    anomalyMisses: remaining,
    anomalyExtras: extras,
    schemaErrors: contractErrors(actual),
    statusOk: actual.status === expected.status,
    valuesRead: pointers.length,
    valuesPlaced: pointers.filter((pointer) => isPlaced(actual.provenance[pointer], actual.source.format)).length,
  };
}

/** A place of the kind the format gives: a page and box on paged formats, else a line or paragraph. */
function isPlaced(where: ValueSource | undefined, format: Format): boolean {
  if (!where) return false;
  if (format === 'pdf' || format === 'image') return where.page !== undefined && where.box !== undefined;
  return where.line !== undefined || where.paragraph !== undefined;
}

function ratio(n: number, d: number): string {
  return d === 0 ? '  -  ' : (n / d).toFixed(3);
}

function printReport(all: FileScore[]): void {
  const formats: Format[] = ['markdown', 'docx', 'pdf', 'html', 'odt', 'doc', 'rtf', 'image', 'unknown'];
  const header =
    'format    files  fields  field-acc  fields≈  item-exact  item-sim  emphasis  anom-P  anom-R  status  format-right  schema-valid  provenance';
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const format of [...formats, 'all' as const]) {
    const group = all.filter((s) => format === 'all' || s.format === format);
    if (group.length === 0) continue;
    const sum = (f: (s: FileScore) => number) => group.reduce((t, s) => t + f(s), 0);
    const fieldTotal = sum((s) => s.fields.length);
    const fieldOk = sum((s) => s.fields.filter((f) => f.equal).length);
    console.log(
      [
        format.padEnd(9),
        String(group.length).padStart(5),
        String(fieldTotal).padStart(7),
        ratio(fieldOk, fieldTotal).padStart(10),
        ratio(
          sum((s) => s.fields.filter(closeEnough).length),
          fieldTotal,
        ).padStart(8),
        ratio(
          sum((s) => s.itemsExact),
          sum((s) => s.itemsExpected),
        ).padStart(11),
        ratio(
          sum((s) => s.itemSimilarity),
          sum((s) => s.itemsExpected),
        ).padStart(9),
        ratio(
          sum((s) => s.emphasisExact),
          sum((s) => s.itemsExpected),
        ).padStart(9),
        ratio(
          sum((s) => s.anomalyTruePositives),
          sum((s) => s.anomalyFound),
        ).padStart(7),
        ratio(
          sum((s) => s.anomalyTruePositives),
          sum((s) => s.anomalyExpected),
        ).padStart(7),
        `${sum((s) => (s.statusOk ? 1 : 0))}/${group.length}`.padStart(7),
        `${sum((s) => (s.formatRight ? 1 : 0))}/${group.length}`.padStart(13),
        `${sum((s) => (s.schemaErrors.length === 0 ? 1 : 0))}/${group.length}`.padStart(13),
        ratio(
          sum((s) => s.valuesPlaced),
          sum((s) => s.valuesRead),
        ).padStart(11),
      ].join(' '),
    );
  }

  const flawed = all
    .map((s) => ({ s, wrong: s.fields.filter((f) => !f.equal) }))
    .filter(
      ({ s, wrong }) =>
        wrong.length > 0 ||
        !s.formatRight ||
        s.anomalyMisses.length > 0 ||
        s.anomalyExtras.length > 0 ||
        s.schemaErrors.length > 0 ||
        !s.statusOk,
    )
    .sort((a, b) => b.wrong.length - a.wrong.length);
  console.log(
    `\n${flawed.length} of ${all.length} files differ from their expected record${verbose ? '' : ' (first differences; --verbose for all)'}:`,
  );
  for (const { s, wrong } of flawed) {
    const acc = ratio(s.fields.length - wrong.length, s.fields.length);
    const close = ratio(s.fields.filter(closeEnough).length, s.fields.length);
    const sim = ratio(s.itemSimilarity, s.itemsExpected);
    console.log(
      `\n${s.folder}/${s.file}  [${s.format}] field-acc ${acc}, fields≈ ${close}, item-sim ${sim}, ${wrong.length} wrong field(s)`,
    );
    const limit = verbose ? Infinity : 4;
    for (const f of wrong.slice(0, limit))
      console.log(`  ${f.path}: expected ${show(f.expected)}, got ${show(f.actual)}`);
    if (wrong.length > limit) console.log(`  … ${wrong.length - limit} more`);
    if (s.anomalyMisses.length > 0) console.log(`  anomalies missing: ${s.anomalyMisses.join('; ')}`);
    if (s.anomalyExtras.length > 0) console.log(`  anomalies extra: ${s.anomalyExtras.join('; ')}`);
    if (!s.statusOk) console.log('  status differs');
    if (!s.formatRight) console.log(`  detected as ${s.format}, saved as ${s.file.split('.').pop()}`);
    for (const e of s.schemaErrors.slice(0, verbose ? undefined : 3)) console.log(`  schema: ${e}`);
  }
}

/**
 * How alike two texts are: 1 minus their edit distance over the longer one's length.
 * Recognised text keeps OCR's letter slips ("Al" for "AI"), so scans are also judged
 * with prose (item texts, commentary) counted right at 98 % alike (`fields≈`, `item-sim`).
 */
function textSimilarity(a: string, b: string): number {
  return 1 - distance(a, b) / Math.max(a.length, b.length, 1);
}

function closeEnough(field: FieldComparison): boolean {
  if (field.equal) return true;
  return (
    PROSE.test(field.path) &&
    typeof field.expected === 'string' &&
    typeof field.actual === 'string' &&
    textSimilarity(field.actual, field.expected) >= PROSE_ALIKE
  );
}

function show(value: unknown): string {
  const text = value === undefined ? '(absent)' : JSON.stringify(value);
  return verbose || text.length <= 160 ? text : `${text.slice(0, 157)}…`;
}
