import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_OCR_OPTIONS, type OcrEngineChoice } from '../src/formats/ocr/ocr-options.js';
import { parserResourcesReleased, recordFromBytes } from '../src/parse-report.js';

/**
 * Parses one file once and prints its timing, the OCR engine that read it (null for stored
 * text) and this process's peak RSS, for the benchmark's per-file figures (a fresh process,
 * so nothing else is counted). `--ocr-engine` is what REPORTFLOW_OCR_ENGINE sets for
 * `reportflow parse`, taken as a flag so this script needs none of the service's configuration.
 * Usage: node dist/bench/parse-file.js <file> [--ocr-engine auto|tesseract|tesseract.js]
 */
const ENGINES: readonly OcrEngineChoice[] = ['auto', 'tesseract', 'tesseract.js'];
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'ocr-engine': { type: 'string', default: DEFAULT_OCR_OPTIONS.engine } },
});
const path = positionals[0];
const engine = ENGINES.find((e) => e === values['ocr-engine']);
if (!path || !engine) throw new Error('usage: parse-file.js <file> [--ocr-engine auto|tesseract|tesseract.js]');
const bytes = readFileSync(path);
const baseRss = process.memoryUsage().rss;
const started = performance.now();
const record = await recordFromBytes(bytes, path.split('/').pop()!, { ocr: { ...DEFAULT_OCR_OPTIONS, engine } });
const ms = performance.now() - started;
const errors = record.anomalies.filter((a) => a.severity === 'error').map((a) => a.code);
process.stdout.write(
  `${JSON.stringify({
    ms: Math.round(ms),
    engine: record.source.ocr?.engine ?? null,
    pages: record.source.pages,
    baseRssMb: Math.round(baseRss / 1048576),
    peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 1048576),
    errors,
  })}\n`,
);
// The OCR engine's thread would keep the process alive.
await parserResourcesReleased();
