import { beforeAll, describe, expect, it } from 'vitest';
import { burstFiles } from '../../scripts/load/burst-files.js';
import { sha256Hex } from '../../src/record/record-id.js';
import { redisAnswers, runBurst } from '../../scripts/load/pipeline-run.js';
import { compileOnce } from './compiled.js';

/**
 * A reduced burst (60 mixed files) through the real service: inbox watcher, BullMQ
 * queue on the local Redis, sandboxed parse workers, records store. Exactly one
 * record per file must come out, none lost, none extra.
 */
const REDIS = 'redis://127.0.0.1:6379';
const FILES = 60;

beforeAll(() => {
  compileOnce(['dist/workers/parse-processor.js', 'dist/workers/parse-thread.js']);
}, 120_000);

describe('a burst of files dropped into the inbox at once', () => {
  it(`${FILES} mixed md/docx/pdf files give exactly ${FILES} records`, async () => {
    expect(await redisAnswers(REDIS), `Redis must answer at ${REDIS}`).toBe(true);
    const files = burstFiles(FILES);
    expect(new Set(files.map((f) => sha256Hex(f.bytes))).size, 'generated files must all differ').toBe(FILES);

    const result = await runBurst(files, {
      redisUrl: REDIS,
      concurrency: 2,
      timeoutMs: 90_000,
      warmup: burstFiles(4, ['md', 'docx', 'pdf'], 10_000_000),
    });

    expect(result.timedOut, 'waited too long for the records').toBe(false);
    expect(result.missing, 'files without a record').toEqual([]);
    expect(result.unexpected, 'records for no dropped file').toBe(0);
    expect(result.failedJobs, 'jobs that failed for good').toBe(0);
    expect(result.records).toBe(FILES);
  }, 180_000);
});
