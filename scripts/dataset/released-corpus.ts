import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computedTotalFromAnswers } from '../../src/core/totals.js';
import type { ReleasedRecord } from '../../src/dataset/released-record.js';
import type { Answer, ReportRecord, ScoreTable } from '../../src/record/types.js';

/**
 * Released records made from the fixtures' hand-written expected records, for the
 * index's benchmark and screenshots: each fixture with a country and a score table
 * stands for its country's latest report, and earlier editions of it are made by
 * going back one year per edition (the fixture itself is the newest). An edition scores the same years as the fixture
 * does, shifted, so consecutive editions share years (several reports per
 * country-year). Answers follow one history per country (answers improve over the
 * years); a few cells and totals in each edition deviate from it, so disagreements
 * between reports exist as they do in real life. Deterministic: the same count gives
 * the same records.
 */
export function releasedCorpus(count: number, fixturesDir: string): ReleasedRecord[] {
  const bases = baseRecords(fixturesDir);
  const editions = Math.ceil(count / bases.length);
  const out: ReleasedRecord[] = [];
  for (let e = 0; e < editions && out.length < count; e++) {
    for (const base of bases) {
      if (out.length >= count) break;
      // Newest editions first, so that every country has its latest report whatever the count.
      out.push(edition(base, -e, out.length));
    }
  }
  return out;
}

function baseRecords(fixturesDir: string): ReportRecord[] {
  return (
    readdirSync(fixturesDir)
      .sort()
      .map((name) => join(fixturesDir, name, 'expected.json'))
      .filter((path) => existsSync(path))
      .map((path) => JSON.parse(readFileSync(path, 'utf8')) as ReportRecord)
      .filter((r) => r.report.country !== null && r.scoreTables.some((t) => t.rows.length > 0))
      // One base per country: a second report on a country (kazakhstan-2024) would double its editions.
      .filter((r, i, all) => all.findIndex((o) => o.report.country!.iso3 === r.report.country!.iso3) === i)
  );
}

/** `offset` ≤ 0: how many years before the fixture this edition was written. */
function edition(base: ReportRecord, offset: number, serial: number): ReleasedRecord {
  const scoreTables = base.scoreTables.map((table, t) => shiftedTable(base, table, t, offset));
  const year = base.report.date ? Number(base.report.date.slice(0, 4)) + offset : null;
  const date = base.report.date && year !== null ? `${year}${base.report.date.slice(4)}` : null;
  const stem = base.report.country!.name.toLowerCase().replace(/[^a-z]+/g, '-');
  const fileName = `${stem}-${year ?? 'undated'}-${serial}.md`;
  const id = createHash('sha256')
    .update(`${fileName}\u0000${JSON.stringify(scoreTables)}`)
    .digest('hex');
  const record: ReportRecord = {
    ...base,
    id,
    source: { ...base.source, fileName, sha256: id },
    report: { ...base.report, date, dateText: date },
    scoreTables,
    status: 'ok',
    anomalies: [],
    // Made, not read from a file: no line or page to point at.
    provenance: {},
  };
  // Older editions were released earlier, as they would have been.
  return { record, releasedAt: new Date(Date.UTC(2026 + offset, 0, 1) + serial * 60_000).toISOString() };
}

function shiftedTable(base: ReportRecord, table: ScoreTable, t: number, offset: number): ScoreTable {
  const key = `${base.report.country!.iso3}/${t}`;
  const first = table.rows[0]!;
  const rows = table.rows.map((row) => {
    const year = row.year + offset;
    const answers: Record<string, Answer | null> = {};
    for (const q of table.columns) {
      const truth =
        offset === 0
          ? (row.answers[q] ?? null)
          : historical(first.answers[q] ?? null, first.year - year, `${key}/${q}`);
      // About one cell in forty of an older edition says something else about the same year.
      answers[q] = offset !== 0 && unit(`${key}/${q}/${year}/${offset}`) < 0.025 ? other(truth) : truth;
    }
    const computed = computedTotalFromAnswers(
      table.columns.map((q) => answers[q] ?? null),
      { Y: 1, P: 0.5, N: 0 },
    );
    const typo = offset !== 0 && unit(`${key}/total/${year}/${offset}`) < 0.05;
    return { year, answers, computedTotal: computed, reportedTotal: typo ? computed + 0.5 : computed };
  });
  return { ...table, rows, changes: [] };
}

/** The answer `yearsBack` years before `answer`: each year a question may have stood one step lower. */
function historical(answer: Answer | null, yearsBack: number, key: string): Answer | null {
  let now = answer;
  for (let y = 1; y <= yearsBack; y++) {
    if (unit(`${key}/${y}`) < 0.22) now = now === 'Y' ? 'P' : now === 'P' ? 'N' : now;
  }
  return now;
}

function other(answer: Answer | null): Answer | null {
  return answer === 'Y' ? 'P' : answer === 'P' ? 'Y' : answer === 'N' ? 'P' : null;
}

/** A number in [0, 1) fixed by `key`. */
function unit(key: string): number {
  return createHash('sha1').update(key).digest().readUInt32BE(0) / 2 ** 32;
}
