import { readFileSync } from 'node:fs';
import { parserResourcesReleased, recordFromBytes } from '../src/parse-report.js';

/**
 * Parses one file once and prints its timing and this process's peak RSS, for the
 * benchmark's per-file memory figure (a fresh process, so nothing else is counted).
 * Usage: node dist/bench/parse-file.js <file>
 */
const path = process.argv[2];
if (!path) throw new Error('usage: parse-file.js <file>');
const bytes = readFileSync(path);
const baseRss = process.memoryUsage().rss;
const started = performance.now();
const record = await recordFromBytes(bytes, path.split('/').pop()!);
const ms = performance.now() - started;
const errors = record.anomalies.filter((a) => a.severity === 'error').map((a) => a.code);
process.stdout.write(
  `${JSON.stringify({
    ms: Math.round(ms),
    baseRssMb: Math.round(baseRss / 1048576),
    peakRssMb: Math.round((process.resourceUsage().maxRSS * 1024) / 1048576),
    errors,
  })}\n`,
);
// The OCR engine's thread would keep the process alive.
await parserResourcesReleased();
