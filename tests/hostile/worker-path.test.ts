import { beforeAll, describe, expect, it } from 'vitest';
import { hostileCases, normalFiles, type HostileCase } from '../../scripts/hostile/hostile-cases.js';
import { outcomeFromRecord } from '../../scripts/hostile/outcome.js';
import { redisAnswers, runBurst, type BurstFile } from '../../scripts/load/pipeline-run.js';
import { compileOnce } from './compiled.js';

/**
 * Hostile files through the real service (inbox -> BullMQ -> worker -> records
 * store), one worker, with a short per-job timeout: each must end as a record with
 * an accepted outcome, and the normal files dropped after them must still parse in
 * the same worker. (That the timeout cuts a parse is shown in tests/service/pipeline.test.ts
 * with a file that is slow by construction; parser speed-ups keep changing which
 * hostile file is slow.)
 */
const REDIS = 'redis://127.0.0.1:6379';
const JOB_TIMEOUT_MS = 5000;
const THROUGH_WORKER = [
  'zero-byte',
  'random-bytes-named-pdf',
  'random-bytes-unnamed',
  'truncated-pdf-head',
  'encrypted-pdf-user-password',
  'image-only-pdf',
  'page-tree-100k-leaves',
  'docx-zip-bomb-honest-2gib',
  'docx-zip-bomb-lying-sizes',
  'docx-10k-entries',
  'docx-xxe',
  'markdown-50mb',
  'markdown-deep-emphasis',
];

beforeAll(() => {
  compileOnce(['dist/workers/parse-processor.js', 'dist/workers/parse-thread.js']);
}, 120_000);

describe('hostile files through the queue and a sandboxed worker', () => {
  it('each becomes a record with an accepted outcome, and normal files still parse after them', async () => {
    expect(await redisAnswers(REDIS), `Redis must answer at ${REDIS}`).toBe(true);
    const cases = hostileCases().filter((c) => THROUGH_WORKER.includes(c.id));
    // Names must be unique: the record is looked up by the dropped file's name.
    const hostile: Array<BurstFile & { case: HostileCase }> = cases.map((c) => ({
      name: `${c.id}-${c.fileName}`,
      bytes: c.build(),
      case: c,
    }));
    const normal: BurstFile[] = Object.values(normalFiles).map((n) => ({ name: n.fileName, bytes: n.build() }));

    const started = performance.now();
    const result = await runBurst([...hostile, ...normal], {
      redisUrl: REDIS,
      concurrency: 1,
      timeoutMs: 150_000,
      keepRecords: true,
      env: { REPORTFLOW_JOB_TIMEOUT_MS: String(JOB_TIMEOUT_MS), REPORTFLOW_ATTEMPTS: '1' },
    });
    const wallMs = performance.now() - started;

    expect(result.missing, 'files without a record').toEqual([]);
    expect(result.failedJobs, 'jobs that failed for good (no record)').toBe(0);
    for (const h of hostile) {
      const record = result.recordsByName.get(h.name)!;
      const outcome = outcomeFromRecord(record);
      expect(h.case.accept, `${h.case.id}: ${record.anomalies.map((a) => a.message).join(' / ')}`).toContain(outcome);
      for (const text of h.case.forbidden ?? []) expect(JSON.stringify(record)).not.toContain(text);
    }
    for (const n of normal)
      expect(outcomeFromRecord(result.recordsByName.get(n.name)!), `${n.name} after the hostile files`).toBe('parsed');
    // Sum of the budgets: nothing may hang the worker beyond its timeout.
    expect(wallMs).toBeLessThan(120_000);
  }, 200_000);
});
