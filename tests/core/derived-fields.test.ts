import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withDerivedFields } from '../../src/core/derived-fields.js';
import type { ReportRecord } from '../../src/record/types.js';
import { ENGLISH } from '../support/profiles.js';

const sample = JSON.parse(
  readFileSync(new URL('../../../shared/samples/kazakhstan-2023.expected.json', import.meta.url), 'utf8'),
) as ReportRecord;

describe('withDerivedFields', () => {
  it('leaves a consistent record as it is', () => {
    expect(withDerivedFields(sample, ENGLISH.weights)).toEqual(sample);
  });

  it('follows a corrected answer: the computed total and the changes between years', () => {
    const corrected = structuredClone(sample);
    corrected.scoreTables[0]!.rows[1]!.answers.Q1 = 'Y';
    const derived = withDerivedFields(corrected, ENGLISH.weights);
    expect(derived.scoreTables[0]!.rows[1]!.computedTotal).toBe(5.5);
    expect(derived.scoreTables[0]!.changes.map((c) => c.column)).toEqual(['Q1', 'Q4', 'Q5', 'Q6']);
    expect(derived.scoreTables[0]!.changes[0]).toEqual({
      column: 'Q1',
      fromYear: 2021,
      toYear: 2022,
      from: 'N',
      to: 'Y',
    });
  });

  it('uses the configured weights', () => {
    const derived = withDerivedFields(sample, { Y: 1, P: 1, N: 0 });
    expect(derived.scoreTables[0]!.rows.map((r) => r.computedTotal)).toEqual([4, 7]);
  });
});
