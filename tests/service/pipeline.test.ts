import { appendFile, copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../src/record/record-id.js';
import { contractErrors } from '../../src/record/validate-record.js';
import type { StoredRecord } from '../../src/service/store/records-store.js';
import {
  CLEAN_REPORT,
  createSandbox,
  filesIn,
  FLAGGED_REPORT,
  slowPdf,
  waitFor,
  type Sandbox,
} from './pipeline-fixture.js';

// Each test starts real workers and parses real files; a busy machine needs headroom.
vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

let box: Sandbox;
beforeEach(async () => {
  box = await createSandbox();
});
afterEach(async () => {
  await box.cleanup();
});

const idOf = async (path: string) => sha256Hex(await readFile(path));
const dirs = () => {
  const c = box.config();
  return {
    inbox: c.dirs.inbox,
    outbox: c.dirs.outbox,
    review: join(c.dirs.data, 'review'),
    archive: join(c.dirs.data, 'archive'),
    failed: join(c.dirs.data, 'failed'),
  };
};

describe('inbox to outbox', () => {
  it('turns a clean report dropped into the inbox into a record in the outbox and archives the file', async () => {
    const service = await box.start({ workers: true, intake: true });
    const id = await idOf(CLEAN_REPORT);
    await copyFile(CLEAN_REPORT, join(dirs().inbox, 'vietnam.pdf'));

    const found = await waitFor('the record', () => service.deps.store.get(id));
    expect(found.place).toBe('outbox');
    expect(found.record.status).toBe('ok');
    expect(contractErrors(found.record)).toEqual([]);
    const outboxRecord = JSON.parse(await readFile(join(dirs().outbox, `${id}.json`), 'utf8')) as StoredRecord;
    expect(outboxRecord.source.fileName).toBe('vietnam.pdf');
    await waitFor('the file in archive/', async () => (await filesIn(dirs().archive)).includes('vietnam.pdf'));
    expect(await filesIn(dirs().inbox)).toEqual([]);
    // Only records, no temp files left behind.
    expect(await filesIn(dirs().outbox)).toEqual([`${id}.json`]);
    // Counted where it happened: the inbox file at intake, the record with its real format when its job completed.
    const metrics = await waitFor('the parse counted', async () => {
      const text = await service.deps.metrics.registry.metrics();
      return text.includes('reportflow_parse_duration_seconds_count{format="pdf"} 1') && text;
    });
    expect(metrics).toContain('reportflow_files_received_total{source="inbox"} 1');
    expect(metrics).toContain('reportflow_records_total{status="ok"} 1');
    expect(metrics).not.toContain('format="unknown"');
  });

  it('picks up files that were already in the inbox at start, and ignores hidden and temporary files', async () => {
    const { inbox } = dirs();
    await mkdir(inbox, { recursive: true });
    await copyFile(CLEAN_REPORT, join(inbox, 'early.pdf'));
    for (const name of ['.hidden.pdf', '~$lock.docx', 'download.pdf.part', 'x.tmp', 'y.crdownload', 'z.swp']) {
      await copyFile(FLAGGED_REPORT, join(inbox, name));
    }
    await mkdir(join(inbox, 'sub'));
    await copyFile(FLAGGED_REPORT, join(inbox, 'sub', 'nested.pdf'));
    const service = await box.start({ workers: true, intake: true });
    const id = await idOf(CLEAN_REPORT);
    await waitFor('the early file', () => service.deps.store.get(id));
    await new Promise((r) => setTimeout(r, 800));
    expect(await service.deps.store.get(await idOf(FLAGGED_REPORT))).toBeNull();
    expect((await filesIn(inbox)).length).toBe(7);
    expect(await filesIn(join(inbox, 'sub'))).toEqual(['nested.pdf']);
  });
});

describe('review hold', () => {
  it('holds a flagged report for review; approve with a correction releases it with an audit trail', async () => {
    const service = await box.start({ workers: true, intake: true });
    const id = await idOf(FLAGGED_REPORT);
    await copyFile(FLAGGED_REPORT, join(dirs().inbox, 'kazakhstan.pdf'));

    const held = await waitFor('the held record', () => service.deps.store.get(id));
    expect(held.place).toBe('review');
    expect(held.record.status).toBe('needs_review');
    const mismatch = held.record.anomalies.find((a) => a.code === 'TOTAL_MISMATCH');
    expect(mismatch?.path).toBeTruthy();
    expect((await service.deps.store.listReviews()).map((r) => r.id)).toEqual([id]);

    const approved = await service.deps.review.approve(id, {
      corrections: [{ path: mismatch!.path!, value: mismatch!.expected }],
      reviewer: 'ana',
      note: 'total re-checked against the answers',
    });
    expect(approved.status).toBe('ok');
    expect(approved.review).toMatchObject({
      state: 'approved',
      reviewer: 'ana',
      corrections: [{ path: mismatch!.path, from: mismatch!.found, to: mismatch!.expected }],
    });
    expect(contractErrors(approved)).toEqual([]);
    expect(await service.deps.store.get(id)).toMatchObject({ place: 'outbox' });
    expect(await filesIn(dirs().review)).toEqual([]);
    expect(JSON.parse(await readFile(join(dirs().outbox, `${id}.json`), 'utf8')).review.state).toBe('approved');
  });

  it('reject sets a held record aside', async () => {
    const service = await box.start({ workers: true, intake: true });
    const id = await idOf(FLAGGED_REPORT);
    await copyFile(FLAGGED_REPORT, join(dirs().inbox, 'kazakhstan.pdf'));
    await waitFor('the held record', () => service.deps.store.get(id));
    await service.deps.review.reject(id, { reason: 'not a country report', reviewer: 'ana' });
    expect(await service.deps.store.get(id)).toMatchObject({
      place: 'rejected',
      record: { review: { state: 'rejected', note: 'not a country report' } },
    });
    expect(await filesIn(dirs().outbox)).toEqual([]);
  });
});

describe('queue semantics', () => {
  it('gives one record and one job for the same file dropped twice, and archives the copy', async () => {
    const service = await box.start({ workers: true, intake: true });
    const id = await idOf(CLEAN_REPORT);
    await copyFile(CLEAN_REPORT, join(dirs().inbox, 'first.pdf'));
    await copyFile(CLEAN_REPORT, join(dirs().inbox, 'second.pdf'));
    await waitFor('the record', () => service.deps.store.get(id));
    await waitFor('both files archived', async () => (await filesIn(dirs().archive)).length === 2);
    // A third copy after the record exists is archived without parsing.
    await copyFile(CLEAN_REPORT, join(dirs().inbox, 'third.pdf'));
    await waitFor('the third copy archived', async () => (await filesIn(dirs().archive)).length === 3);

    expect(await filesIn(dirs().outbox)).toEqual([`${id}.json`]);
    const counts = await service.deps.queue.counts();
    expect(counts.completed).toBe(1);
    expect(counts.failed).toBe(0);
  });

  it('re-parses a file with force, keeping one record under the same id', async () => {
    const service = await box.start({ workers: true, intake: false });
    const id = await idOf(CLEAN_REPORT);
    const upload = join(box.root, 'up-1.pdf');
    await copyFile(CLEAN_REPORT, upload);
    await service.deps.intake.submit({ path: upload, fileName: 'upload.pdf', source: 'upload' });
    await waitFor('the record', () => service.deps.store.get(id));
    await waitFor('the job completed', async () => (await service.deps.queue.jobState(id)) === 'completed');

    const again = join(box.root, 'up-2.pdf');
    await copyFile(CLEAN_REPORT, again);
    const forced = await service.deps.intake.submit({
      path: again,
      fileName: 'again.pdf',
      source: 'upload',
      force: true,
    });
    expect(forced).toMatchObject({ id, duplicate: false });
    await waitFor(
      'the forced parse',
      async () => (await service.deps.store.get(id))?.record.source.fileName === 'again.pdf',
    );
    expect(await filesIn(dirs().outbox)).toEqual([`${id}.json`]);
  });

  it('turns a corrupt file into an error record, moves it to failed/ with a reason, and keeps going', async () => {
    const service = await box.start({ workers: true, intake: true }, { REPORTFLOW_CONCURRENCY: '1' });
    const corrupt = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 0x5a)]);
    const corruptId = sha256Hex(corrupt);
    await writeFile(join(dirs().inbox, 'broken.pdf'), corrupt);
    const held = await waitFor('the error record', () => service.deps.store.get(corruptId));
    expect(held.place).toBe('review');
    expect(held.record.anomalies.map((a) => a.severity)).toContain('error');
    await waitFor('the file in failed/', async () => (await filesIn(dirs().failed)).length === 2);
    expect(await filesIn(dirs().failed)).toEqual(['broken.pdf', 'broken.pdf.reason.txt']);
    expect(await readFile(join(dirs().failed, 'broken.pdf.reason.txt'), 'utf8')).toMatch(
      /UNREADABLE_FILE|NO_TEXT_LAYER/,
    );

    await copyFile(CLEAN_REPORT, join(dirs().inbox, 'next.pdf'));
    const nextId = await idOf(CLEAN_REPORT);
    expect((await waitFor('the next record', () => service.deps.store.get(nextId))).place).toBe('outbox');
    expect((await service.deps.queue.counts()).failed).toBe(0);
  });

  it('retries a job whose record cannot be written yet, with backoff, and completes it once the outbox is back', async () => {
    const service = await box.start({ workers: true, intake: true });
    const { outbox } = dirs();
    await rm(outbox, { recursive: true });
    await writeFile(outbox, 'not a folder'); // every write into the outbox now fails
    const id = await idOf(CLEAN_REPORT);
    await copyFile(CLEAN_REPORT, join(dirs().inbox, 'vietnam.pdf'));
    await waitFor('a retry to be scheduled', async () => (await service.deps.queue.jobState(id)) === 'delayed');
    expect(await service.deps.queue.failureReason(id)).toMatch(/EEXIST|ENOTDIR/);
    expect(await filesIn(dirs().inbox)).toEqual(['vietnam.pdf']); // the file waits for its record

    await rm(outbox);
    await mkdir(outbox);
    expect((await waitFor('the record after the retry', () => service.deps.store.get(id))).place).toBe('outbox');
    await waitFor('the job completed', async () => (await service.deps.queue.jobState(id)) === 'completed');
    expect((await service.deps.queue.counts()).failed).toBe(0);
  });

  it('fails a job that can never succeed at once, without retries', async () => {
    const service = await box.start({ workers: true, intake: false });
    const folder = join(box.root, 'not-a-file');
    await mkdir(folder);
    const id = 'a'.repeat(64);
    await service.deps.queue.enqueueFile({ path: folder, fileName: 'not-a-file', sha256: id, source: 'upload' });
    await waitFor('the job to fail', async () => (await service.deps.queue.jobState(id)) === 'failed');
    expect(await service.deps.queue.failureReason(id)).toMatch(/is a folder/);
    const job = await service.deps.queue.job(id);
    expect(job?.attemptsMade).toBe(1); // attempts is 3: the error was final
  });

  it('runs jobs in child processes when asked, with the same record and the same permanent failures', async () => {
    const service = await box.start({ workers: true, intake: true }, { REPORTFLOW_SANDBOX: 'process' });
    const id = await idOf(CLEAN_REPORT);
    await copyFile(CLEAN_REPORT, join(dirs().inbox, 'vietnam.pdf'));
    const found = await waitFor('the record', () => service.deps.store.get(id));
    expect(found).toMatchObject({
      place: 'outbox',
      record: { status: 'ok', source: { fileName: 'vietnam.pdf', format: 'pdf' } },
    });

    const folder = join(box.root, 'not-a-file');
    await mkdir(folder);
    const folderId = 'b'.repeat(64);
    await service.deps.queue.enqueueFile({ path: folder, fileName: 'not-a-file', sha256: folderId, source: 'upload' });
    await waitFor('the job to fail', async () => (await service.deps.queue.jobState(folderId)) === 'failed');
    expect(await service.deps.queue.failureReason(folderId)).toMatch(/is a folder/);
    expect((await service.deps.queue.job(folderId))?.attemptsMade).toBe(1);
  });

  it('does not parse a file while it is still growing', async () => {
    const service = await box.start({ workers: true, intake: true }, { REPORTFLOW_INBOX_STABLE_MS: '600' });
    const bytes = await readFile(CLEAN_REPORT);
    const target = join(dirs().inbox, 'slow-copy.pdf');
    const chunks = 12;
    const size = Math.ceil(bytes.length / chunks);
    for (let i = 0; i < chunks; i++) {
      await appendFile(target, bytes.subarray(i * size, (i + 1) * size));
      await new Promise((r) => setTimeout(r, 200)); // 2.4 s of writing, never 600 ms still
      const counts = await service.deps.queue.counts();
      expect(counts.waiting + counts.active + counts.completed).toBe(0);
    }
    const found = await waitFor('the record of the whole file', () => service.deps.store.get(sha256Hex(bytes)));
    expect(found.record.source.bytes).toBe(bytes.length);
    expect(await filesIn(dirs().review)).toEqual([]);
    expect(await filesIn(dirs().failed)).toEqual([]);
  });

  it('parses off the event loop of the service: timers keep firing during a long parse', async () => {
    const big = join(box.root, 'big.pdf');
    slowPdf(big, 300);
    const bigId = await idOf(big);
    const service = await box.start({ workers: true, intake: true }, { REPORTFLOW_CONCURRENCY: '1' });
    await copyFile(big, join(dirs().inbox, 'big.pdf'));
    await waitFor('the job to start', async () => (await service.deps.queue.jobState(bigId)) === 'active');
    let last = performance.now();
    let worstGapMs = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      worstGapMs = Math.max(worstGapMs, now - last);
      last = now;
    }, 20);
    const started = performance.now();
    await waitFor('the record', () => service.deps.store.get(bigId), 60_000);
    clearInterval(ticker);
    // A parse on this thread would stall the timer for the whole document (seconds).
    expect(performance.now() - started).toBeGreaterThan(1000);
    expect(worstGapMs).toBeLessThan(500);
  });

  it('stops a parse that takes longer than the job time limit and records why', async () => {
    const big = join(box.root, 'big.pdf');
    slowPdf(big, 600);
    const service = await box.start(
      { workers: true, intake: true },
      { REPORTFLOW_JOB_TIMEOUT_MS: '2000', REPORTFLOW_CONCURRENCY: '1' },
    );
    await copyFile(big, join(dirs().inbox, 'big.pdf'));
    const bigId = await idOf(big);
    const held = await waitFor('the timeout record', () => service.deps.store.get(bigId));
    expect(held.place).toBe('review');
    expect(held.record.anomalies[0]).toMatchObject({ code: 'UNREADABLE_FILE', severity: 'error' });
    expect(held.record.anomalies[0]!.message).toMatch(/longer than 2000 ms/);
    await waitFor('the file in failed/', async () => (await filesIn(dirs().failed)).includes('big.pdf'));
    // The worker is not wedged: the next file goes through.
    await copyFile(CLEAN_REPORT, join(dirs().inbox, 'next.pdf'));
    const nextId = await idOf(CLEAN_REPORT);
    expect((await waitFor('the next record', () => service.deps.store.get(nextId))).place).toBe('outbox');
  });
});

describe('shutdown and restart', () => {
  it('lets an in-flight job finish when the service stops', async () => {
    const big = join(box.root, 'big.pdf');
    slowPdf(big, 150);
    const bigId = await idOf(big);
    const service = await box.start({ workers: true, intake: true }, { REPORTFLOW_SHUTDOWN_MS: '30000' });
    await copyFile(big, join(dirs().inbox, 'big.pdf'));
    await waitFor('the job to start', async () => (await service.deps.queue.jobState(bigId)) === 'active');
    await service.stop();
    expect((await service.deps.store.get(bigId))?.place).toBe('outbox');
    expect(await filesIn(dirs().archive)).toEqual(['big.pdf']);
  });

  it('hands a job that outlasts the shutdown wait back to the queue, with no attempt used, and parses it at the next start', async () => {
    const big = join(box.root, 'big.pdf');
    slowPdf(big, 500); // several seconds of real parsing
    const bigId = await idOf(big);
    const service = await box.start(
      { workers: true, intake: true },
      { REPORTFLOW_SHUTDOWN_MS: '300', REPORTFLOW_CONCURRENCY: '1' },
    );
    await copyFile(big, join(dirs().inbox, 'big.pdf'));
    await waitFor('the job to start', async () => (await service.deps.queue.jobState(bigId)) === 'active');
    const stopped = performance.now();
    await service.stop();
    expect(performance.now() - stopped).toBeLessThan(5000);
    expect(await service.deps.store.get(bigId)).toBeNull();
    expect(await filesIn(dirs().inbox)).toEqual(['big.pdf']);
    const idle = await box.start({ workers: false, intake: false });
    const job = await idle.deps.queue.job(bigId);
    expect(await idle.deps.queue.jobState(bigId)).toBe('waiting');
    expect(job!.attemptsMade).toBe(0);

    const again = await box.start({ workers: true, intake: false });
    expect((await waitFor('the record after restart', () => again.deps.store.get(bigId), 60_000)).place).toBe('outbox');
  });

  it('loses no queued file when the service stops before parsing and starts again', async () => {
    const files = [CLEAN_REPORT, FLAGGED_REPORT];
    const intakeOnly = await box.start({ workers: false, intake: true });
    for (const [i, file] of files.entries()) await copyFile(file, join(dirs().inbox, `queued-${i}.pdf`));
    await waitFor('both files queued', async () => (await intakeOnly.deps.queue.counts()).waiting === 2);
    await intakeOnly.stop();

    // A file dropped while nothing runs is found at the next start.
    await copyFile(FIXTURES_EXTRA, join(dirs().inbox, 'while-down.pdf'));
    const service = await box.start({ workers: true, intake: true });
    for (const file of [...files, FIXTURES_EXTRA]) {
      const id = await idOf(file);
      await waitFor(`the record of ${file}`, () => service.deps.store.get(id));
    }
    await waitFor('the inbox empty', async () => (await filesIn(dirs().inbox)).length === 0);
    expect((await service.deps.queue.counts()).completed).toBe(3);
  });
});

const FIXTURES_EXTRA = join(import.meta.dirname, '..', '..', 'fixtures', 'kenya-2023', 'report.pdf');
