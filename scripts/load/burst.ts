import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { burstFiles } from './burst-files.js';
import { percentile, redisAnswers, runBurst } from './pipeline-run.js';

/**
 * Drops N generated reports (md/docx/pdf mixed) into the inbox of a service started
 * here, waits for the records and checks that exactly N came out, one per file.
 * The service is warmed with 2 files per worker first (not counted).
 * Usage: node dist/scripts/load/burst.js --files 2000 [--workers 2] [--redis redis://127.0.0.1:6379] [--timeout-s 600]
 * Exit code 1 when a record is missing, unexpected or the wait timed out.
 */
const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '2' },
    redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
    'timeout-s': { type: 'string', default: '600' },
    formats: { type: 'string', default: 'md,docx,pdf' },
  },
});

const count = Number(values.files);
const stage = (values: number[]) => `${percentile(values, 50).toFixed(0)}/${percentile(values, 95).toFixed(0)}`;
const redisUrl = values.redis!;
if (!(await redisAnswers(redisUrl))) {
  console.error(`Redis at ${redisUrl} does not answer; start redis-server or pass --redis.`);
  process.exit(2);
}
const t0 = performance.now();
const files = burstFiles(count, values.formats!.split(',') as Array<'md' | 'docx' | 'pdf'>);
const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
console.log(
  `generated ${files.length} files in ${Math.round(performance.now() - t0)} ms; dropping them into the inbox with ${values.workers} workers`,
);
const workers = Number(values.workers);
const formats = values.formats!.split(',') as Array<'md' | 'docx' | 'pdf'>;
// Two files per sandbox first, outside the figures: each sandbox's start-up and first parse are slow.
const warmup = burstFiles(2 * workers, formats, 10_000_000);
const result = await runBurst(files, {
  redisUrl,
  concurrency: workers,
  timeoutMs: Number(values['timeout-s']) * 1000,
  warmup,
});
const ok = result.records === count && result.unexpected === 0 && result.missing.length === 0 && !result.timedOut;
console.log(
  [
    `files dropped:        ${result.files} (load average now ${load()})`,
    `records out:          ${result.records} (unexpected ids: ${result.unexpected}, missing: ${result.missing.length}, files in failed/: ${result.failedFiles}, jobs failed for good: ${result.failedJobs})`,
    `time to last record:  ${(result.wallMs / 1000).toFixed(2)} s  (${(result.records / (result.wallMs / 1000)).toFixed(1)} docs/s)`,
    `inbox-to-record:      p50 ${percentile(result.latenciesMs, 50).toFixed(0)} ms, p95 ${percentile(result.latenciesMs, 95).toFixed(0)} ms`,
    `stages p50/p95 ms:    intake ${stage(result.stages.intake)}, waiting ${stage(result.stages.waiting)}, processing ${stage(result.stages.processing)}, job body ${stage(result.stages.parse)}`,
    ok ? 'OK: exactly one record per file' : `FAILED${result.timedOut ? ' (timed out)' : ''}`,
  ].join('\n'),
);
process.exit(ok ? 0 : 1);
