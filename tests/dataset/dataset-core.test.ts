import { describe, expect, it } from 'vitest';
import { findingsFromCountryYears } from '../../src/dataset/consistency.js';
import { countryHistoryFromCountryYears, overviewFromCountryYears } from '../../src/dataset/country-overview.js';
import { countryYearsFromReleased } from '../../src/dataset/country-years.js';
import { countryYearsMatching, filterFromQuery, type DatasetFilter } from '../../src/dataset/dataset-filter.js';
import { longTableFromCountryYears, wideTableFromCountryYears } from '../../src/dataset/dataset-tables.js';
import { fixedScoring } from '../../src/dataset/index-scoring.js';
import { releasedFixture, sketchRecord } from './released-records.js';

const WEIGHTS = fixedScoring({ Y: 1, P: 0.5, N: 0 });
const UZBEKISTAN = { name: 'Uzbekistan', iso2: 'UZ', iso3: 'UZB' };

describe('which record speaks for a country-year', () => {
  it('is the one with the latest report date; the others stay listed, latest first', () => {
    const older = sketchRecord({
      name: 'old.md',
      date: '2022-01-10',
      releasedAt: '2026-12-01T00:00:00.000Z',
      rows: [{ year: 2021, answers: 'NN' }],
    });
    const newer = sketchRecord({
      name: 'new.md',
      date: '2023-05-01',
      releasedAt: '2026-01-01T00:00:00.000Z',
      rows: [{ year: 2021, answers: 'YY' }],
    });
    const middle = sketchRecord({ name: 'mid.md', date: '2022-06-01', rows: [{ year: 2021, answers: 'PP' }] });
    const { countryYears } = countryYearsFromReleased([older, newer, middle]);
    expect(countryYears).toHaveLength(1);
    expect(countryYears[0]!.speaking.released.record.source.fileName).toBe('new.md');
    expect(countryYears[0]!.others.map((o) => o.released.record.source.fileName)).toEqual(['mid.md', 'old.md']);
  });

  it('on the same report date, is the one released last; a report without a date comes after dated ones', () => {
    const first = sketchRecord({
      name: 'first.md',
      releasedAt: '2026-11-01T10:00:00.000Z',
      rows: [{ year: 2022, answers: 'Y' }],
    });
    const second = sketchRecord({
      name: 'second.md',
      releasedAt: '2026-11-02T10:00:00.000Z',
      rows: [{ year: 2022, answers: 'N' }],
    });
    const undated = sketchRecord({
      name: 'undated.md',
      date: null,
      releasedAt: '2026-12-24T10:00:00.000Z',
      rows: [{ year: 2022, answers: 'P' }],
    });
    const [cy] = countryYearsFromReleased([undated, first, second]).countryYears;
    expect([cy!.speaking, ...cy!.others].map((r) => r.released.record.source.fileName)).toEqual([
      'second.md',
      'first.md',
      'undated.md',
    ]);
  });

  it('places a table under the country its own sub-heading names (a regional report), else under the report’s country', () => {
    const { countryYears, unplaced } = countryYearsFromReleased([
      releasedFixture('central-asia-2023'),
      releasedFixture('kazakhstan-2023'),
    ]);
    expect(countryYears.map((cy) => `${cy.country.iso3} ${cy.year}`)).toEqual([
      'KAZ 2021',
      'KAZ 2022',
      'KGZ 2022',
      'KGZ 2023',
      'UZB 2022',
      'UZB 2023',
    ]);
    expect(unplaced).toEqual([]);
  });

  it('lists a record whose tables name no country as unplaced', () => {
    const nowhere = sketchRecord({
      name: 'region.md',
      country: null,
      subject: 'Overall',
      rows: [{ year: 2022, answers: 'Y' }],
    });
    const { countryYears, unplaced } = countryYearsFromReleased([nowhere]);
    expect(countryYears).toEqual([]);
    expect(unplaced.map((u) => u.record.source.fileName)).toEqual(['region.md']);
  });

  it('takes the first of two rows a record gives for one year, as the database sink does', () => {
    const austria = releasedFixture('austria-2023');
    const { countryYears } = countryYearsFromReleased([austria]);
    const y2022 = countryYears.find((cy) => cy.year === 2022)!;
    expect(y2022.others).toEqual([]);
    expect(y2022.speaking.rowIndex).toBe(1);
  });
});

describe('the long and wide tables', () => {
  const kz2023 = sketchRecord({
    name: 'kz-2023.md',
    date: '2023-03-23',
    rows: [
      { year: 2021, answers: 'YPN', total: 1.5 },
      { year: 2022, answers: 'YP.', total: 1.5 },
    ],
  });
  const kz2024 = sketchRecord({
    name: 'kz-2024.md',
    date: '2024-02-01',
    rows: [{ year: 2022, answers: 'YYN', total: 2 }],
  });
  const uz = sketchRecord({
    name: 'uz.md',
    country: UZBEKISTAN,
    columns: ['Q1', 'Q2', 'Q10'],
    rows: [{ year: 2022, answers: 'NPY', total: 1.5 }],
  });
  const { countryYears } = countryYearsFromReleased([kz2023, kz2024, uz]);

  it('long: one row per question of each country-year, scored under the given weights', () => {
    const table = longTableFromCountryYears(countryYears, fixedScoring({ Y: 2, P: 1, N: 0 }));
    expect(table.columns.map((c) => c.name)).toEqual([
      'country_iso3',
      'country_name',
      'year',
      'question',
      'answer',
      'score',
      'reported_total',
      'report_id',
      'report_date',
      'file_name',
      'report_count',
      'other_report_ids',
    ]);
    const short = table.rows.map((r) => [r[0], r[2], r[3], r[4], r[5], r[6], r[9], r[10], r[11]]);
    expect(short).toEqual([
      ['KAZ', 2021, 'Q1', 'Y', 2, 1.5, 'kz-2023.md', 1, null],
      ['KAZ', 2021, 'Q2', 'P', 1, 1.5, 'kz-2023.md', 1, null],
      ['KAZ', 2021, 'Q3', 'N', 0, 1.5, 'kz-2023.md', 1, null],
      ['KAZ', 2022, 'Q1', 'Y', 2, 2, 'kz-2024.md', 2, kz2023.record.id],
      ['KAZ', 2022, 'Q2', 'Y', 2, 2, 'kz-2024.md', 2, kz2023.record.id],
      ['KAZ', 2022, 'Q3', 'N', 0, 2, 'kz-2024.md', 2, kz2023.record.id],
      ['UZB', 2022, 'Q1', 'N', 0, 1.5, 'uz.md', 1, null],
      ['UZB', 2022, 'Q2', 'P', 1, 1.5, 'uz.md', 1, null],
      ['UZB', 2022, 'Q10', 'Y', 2, 1.5, 'uz.md', 1, null],
    ]);
    expect(table.rows[3]!.slice(7, 9)).toEqual([kz2024.record.id, '2024-02-01']);
  });

  it('wide: every question any record asks (Q2 before Q10), blanks where the record does not ask it, the total under the weights', () => {
    const table = wideTableFromCountryYears(countryYears, WEIGHTS);
    expect(table.columns.map((c) => c.name).slice(0, 10)).toEqual([
      'country_iso3',
      'country_name',
      'year',
      'Q1',
      'Q2',
      'Q3',
      'Q10',
      'computed_total',
      'reported_total',
      'report_id',
    ]);
    expect(table.rows.map((r) => r.slice(0, 9))).toEqual([
      ['KAZ', 'Kazakhstan', 2021, 'Y', 'P', 'N', null, 1.5, 1.5],
      ['KAZ', 'Kazakhstan', 2022, 'Y', 'Y', 'N', null, 2, 2],
      ['UZB', 'Uzbekistan', 2022, 'N', 'P', null, 'Y', 1.5, 1.5],
    ]);
  });

  it('scores each record with the weights the scoring gives for it (a profile’s own weights)', () => {
    const double = fixedScoring({ Y: 2, P: 1, N: 0 });
    const perRecord = {
      weightsFor: (r: { source: { fileName: string } }) =>
        r.source.fileName === 'uz.md' ? double.weightsFor(uz.record) : WEIGHTS.weightsFor(uz.record),
      totalTolerance: 0.01,
    };
    const wide = wideTableFromCountryYears(countryYears, perRecord);
    expect(wide.rows.map((r) => [r[0], r[2], r[7]])).toEqual([
      ['KAZ', 2021, 1.5],
      ['KAZ', 2022, 2],
      ['UZB', 2022, 3],
    ]);
  });

  it('a blank answer has no score', () => {
    const { countryYears: only2023 } = countryYearsFromReleased([kz2023]);
    const blank = longTableFromCountryYears(only2023, WEIGHTS).rows.find((r) => r[2] === 2022 && r[3] === 'Q3')!;
    expect([blank[4], blank[5]]).toEqual([null, null]);
  });
});

describe('filters', () => {
  const filter = (query: { country?: string; year?: string }): DatasetFilter => {
    const read = filterFromQuery(query);
    if ('problems' in read) throw new Error(read.problems.join('; '));
    return read.filter;
  };

  it('read countries by alpha-3, alpha-2 or name, and years one by one or as ranges', () => {
    expect(filter({ country: 'kaz, UZ,Kyrgyzstan', year: '2021-2022, 2015' })).toEqual({
      countries: ['KAZ', 'UZB', 'KGZ'],
      years: [
        { from: 2021, to: 2022 },
        { from: 2015, to: 2015 },
      ],
    });
    expect(filter({})).toEqual({ countries: null, years: null });
  });

  it('list every problem at once', () => {
    expect(filterFromQuery({ country: 'Atlantis,KAZ', year: '2023-2021,20x' })).toEqual({
      problems: [
        'country: "Atlantis" is not a country code or name',
        'year: "2023-2021" is not a year or a range of years such as 2021-2023',
        'year: "20x" is not a year or a range of years such as 2021-2023',
      ],
    });
  });

  it('keep the country-years they name', () => {
    const { countryYears } = countryYearsFromReleased([
      releasedFixture('central-asia-2023'),
      releasedFixture('kazakhstan-2023'),
    ]);
    const kept = countryYearsMatching(countryYears, filter({ country: 'KG,Kazakhstan', year: '2022' }));
    expect(kept.map((cy) => `${cy.country.iso3} ${cy.year}`)).toEqual(['KAZ 2022', 'KGZ 2022']);
  });
});

describe('consistency between released records', () => {
  it('finds a question two records answer differently and totals that differ, with both values and files', () => {
    const earlier = sketchRecord({
      name: 'kz-2023.md',
      date: '2023-03-23',
      rows: [{ year: 2022, answers: 'YPN.', total: 1.5 }],
    });
    const later = sketchRecord({
      name: 'kz-2024.md',
      date: '2024-02-01',
      rows: [{ year: 2022, answers: 'YYNY', total: 3 }],
    });
    const { countryYears } = countryYearsFromReleased([earlier, later]);
    const findings = findingsFromCountryYears(countryYears, 0.01);
    expect(
      findings.map((f) => [
        f.code,
        f.question,
        f.speaking.value,
        f.other.value,
        f.speaking.fileName,
        f.other.fileName,
        f.other.path,
      ]),
    ).toEqual([
      ['ANSWER_DIFFERS', 'Q2', 'Y', 'P', 'kz-2024.md', 'kz-2023.md', '/scoreTables/0/rows/0/answers/Q2'],
      ['TOTAL_DIFFERS', null, 3, 1.5, 'kz-2024.md', 'kz-2023.md', '/scoreTables/0/rows/0/reportedTotal'],
    ]);
    expect(findings[0]!.message).toBe('Kazakhstan 2022 Q2: kz-2024.md says Y, kz-2023.md says P');
  });

  it('takes a blank for no answer, and totals within the tolerance for the same', () => {
    const a = sketchRecord({ name: 'a.md', date: '2023-01-01', rows: [{ year: 2022, answers: 'Y.', total: 4.33 }] });
    const b = sketchRecord({ name: 'b.md', date: '2024-01-01', rows: [{ year: 2022, answers: 'YN', total: 4.335 }] });
    expect(findingsFromCountryYears(countryYearsFromReleased([a, b]).countryYears, 0.01)).toEqual([]);
    expect(findingsFromCountryYears(countryYearsFromReleased([a, b]).countryYears, 0).map((f) => f.code)).toEqual([
      'TOTAL_DIFFERS',
    ]);
  });

  it('carries the provenance each record gives for the value', () => {
    const a = sketchRecord({ name: 'a.md', date: '2023-01-01', rows: [{ year: 2022, answers: 'Y' }] });
    const b = sketchRecord({ name: 'b.md', date: '2024-01-01', rows: [{ year: 2022, answers: 'N' }] });
    b.record.provenance['/scoreTables/0/rows/0/answers/Q1'] = { line: 12 };
    const [finding] = findingsFromCountryYears(countryYearsFromReleased([a, b]).countryYears, 0.01);
    expect(finding!.speaking).toMatchObject({ value: 'N', provenance: { line: 12 } });
    expect(finding!.other).toMatchObject({ value: 'Y', provenance: null });
  });
});

describe('the overview and a country’s history', () => {
  const kz2023 = sketchRecord({
    name: 'kz-2023.md',
    date: '2023-03-23',
    rows: [
      { year: 2021, answers: 'YPN' },
      { year: 2022, answers: 'YPP' },
    ],
  });
  const kz2024 = sketchRecord({
    name: 'kz-2024.md',
    date: '2024-02-01',
    rows: [
      { year: 2022, answers: 'YYN' },
      { year: 2023, answers: 'NNN' },
    ],
  });
  const uz = sketchRecord({ name: 'uz.md', country: UZBEKISTAN, rows: [{ year: 2022, answers: 'YPN' }] });
  const { countryYears } = countryYearsFromReleased([kz2023, kz2024, uz]);
  const findings = findingsFromCountryYears(countryYears, 0.01);

  it('ranks countries by their latest year’s total', () => {
    const overview = overviewFromCountryYears(countryYears, WEIGHTS, findings);
    expect(
      overview.map((s) => [s.country.iso3, s.latest.year, s.latest.total, s.latest.maxTotal, s.reports, s.findings]),
    ).toEqual([
      ['UZB', 2022, 1.5, 3, 1, 0],
      ['KAZ', 2023, 0, 3, 2, 2],
    ]);
    expect(overview[1]!.totals.map((t) => [t.year, t.total])).toEqual([
      [2021, 1.5],
      [2022, 2],
      [2023, 0],
    ]);
  });

  it('gives the grid of answers by question and year from the records that speak', () => {
    const history = countryHistoryFromCountryYears(countryYears, 'KAZ', WEIGHTS, findings)!;
    expect(history.years).toEqual([2021, 2022, 2023]);
    expect(history.questions).toEqual(['Q1', 'Q2', 'Q3']);
    expect(history.cells.Q2!.map((c) => [c?.answer, c?.fileName])).toEqual([
      ['P', 'kz-2023.md'],
      ['Y', 'kz-2024.md'],
      ['N', 'kz-2024.md'],
    ]);
    expect(history.findings.map((f) => f.question)).toEqual(['Q2', 'Q3']);
    expect(countryHistoryFromCountryYears(countryYears, 'CHL', WEIGHTS, findings)).toBeNull();
  });
});
