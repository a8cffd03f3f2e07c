import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countryYearsFromReleased } from '../../src/dataset/country-years.js';
import { releasedRecordsSource, type ReleasedSourceSpec } from '../../src/service/dataset/released-records.js';
import { sketchRecord } from './released-records.js';

describe('released records from the files', () => {
  let root: string;
  let spec: Extract<ReleasedSourceSpec, { kind: 'files' }>;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'reportflow-released-'));
    spec = {
      kind: 'files',
      outbox: join(root, 'outbox'),
      data: join(root, 'data'),
      recordsJsonl: join(root, 'outbox', 'records.jsonl'),
    };
    await mkdir(spec.outbox, { recursive: true });
    await mkdir(join(spec.data, 'review'), { recursive: true });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const put = async (dir: string, record: { id: string }, mtime?: string) => {
    const path = join(dir, `${record.id}.json`);
    await writeFile(path, JSON.stringify(record));
    if (mtime) await utimes(path, new Date(mtime), new Date(mtime));
  };

  it('takes the outbox file’s time as the release, so of two reports of one date the one released last speaks', async () => {
    const first = sketchRecord({ name: 'first.md', rows: [{ year: 2022, answers: 'Y' }] }).record;
    const second = sketchRecord({ name: 'second.md', rows: [{ year: 2022, answers: 'N' }] }).record;
    await put(spec.outbox, first, '2026-11-02T10:00:00Z');
    await put(spec.outbox, second, '2026-11-01T10:00:00Z');
    const { records } = await releasedRecordsSource(spec).load();
    expect(records.find((r) => r.record.id === first.id)!.releasedAt).toBe('2026-11-02T10:00:00.000Z');
    expect(countryYearsFromReleased(records).countryYears[0]!.speaking.released.record.source.fileName).toBe(
      'first.md',
    );
  });

  it('adds records found only in records.jsonl (last line per id), but not one held for review since, and counts lines that are no record', async () => {
    const inOutbox = sketchRecord({ name: 'outbox.md', rows: [{ year: 2022, answers: 'Y' }] }).record;
    const onlyInJsonl = sketchRecord({ name: 'jsonl.md', rows: [{ year: 2021, answers: 'P' }] }).record;
    const heldAgain = sketchRecord({ name: 'held.md', rows: [{ year: 2020, answers: 'N' }] }).record;
    await put(spec.outbox, inOutbox);
    await put(join(spec.data, 'review'), { ...heldAgain, status: 'needs_review' });
    const older = { ...onlyInJsonl, report: { ...onlyInJsonl.report, title: 'older revision' } };
    const lines = [older, inOutbox, onlyInJsonl, heldAgain].map((r) => JSON.stringify(r));
    await writeFile(spec.recordsJsonl!, `${lines.join('\n')}\n{"cut off mid-li\n[1,2]\n`);
    const { records, unreadable } = await releasedRecordsSource(spec).load();
    expect(records.map((r) => r.record.source.fileName).sort()).toEqual(['jsonl.md', 'outbox.md']);
    expect(records.find((r) => r.record.id === onlyInJsonl.id)!.record.report.title).toBe(onlyInJsonl.report.title);
    expect(unreadable).toBe(2);
  });

  it('reads an empty or missing outbox as no records', async () => {
    await rm(spec.outbox, { recursive: true });
    expect(await releasedRecordsSource(spec).load()).toEqual({ records: [], unreadable: 0 });
  });
});
