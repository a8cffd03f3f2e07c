import { describe, expect, it } from 'vitest';
import { computedTotalFromAnswers, totalFromCell, totalsDiffer } from '../../src/core/totals.js';
import { ENGLISH } from '../support/profiles.js';

describe('totalFromCell', () => {
  it.each([
    ['4.33', 4.33],
    ['4,33', 4.33],
    ['3', 3],
    ['3.0', 3],
    [' 12 ', 12],
    ['4.5/12', 4.5],
    ['4.5 / 12', 4.5],
    ['4,5 of 12', 4.5],
    ['0', 0],
    ['3.5 points', 3.5],
    ['4.0 points', 4],
    ['1 point', 1],
    ['4 pts', 4],
    ['4.5 pt.', 4.5],
    ['4,5 Points', 4.5],
    ['4.5/12 points', 4.5],
    ['2.5 (+1)', 2.5],
    ['2.5 (-0.5)', 2.5],
    ['3 (\u22121)', 3],
    ['3 points (+1 pt)', 3],
  ])('%j -> %d', (cell, total) => {
    expect(totalFromCell(cell, ENGLISH)).toEqual({ total, mark: null });
  });

  it.each(['', '-', 'n/a', 'Total', 'four', '4.33.1', '2021-2022', '4 apples', '3 points 2', '2.5 (+)'])(
    '%j has no number',
    (cell) => {
      expect(totalFromCell(cell, ENGLISH).total).toBeNull();
    },
  );

  it('drops a footnote mark', () => {
    expect(totalFromCell('4.33*', ENGLISH)).toEqual({ total: 4.33, mark: '*' });
    expect(totalFromCell('5¹', ENGLISH)).toEqual({ total: 5, mark: '¹' });
    expect(totalFromCell('3,50[^1]', ENGLISH)).toEqual({ total: 3.5, mark: '[^1]' });
    expect(totalFromCell('4.5 †', ENGLISH)).toEqual({ total: 4.5, mark: '†' });
    expect(totalFromCell('4.5 (2)', ENGLISH)).toEqual({ total: 4.5, mark: '(2)' });
  });

  it('never reads a trailing digit of a total as a mark', () => {
    expect(totalFromCell('3.51', ENGLISH)).toEqual({ total: 3.51, mark: null });
    expect(totalFromCell('3.5 1', ENGLISH)).toEqual({ total: null, mark: null });
  });
});

describe('computedTotalFromAnswers', () => {
  const weights = ENGLISH.weights;
  it('weighs Y 1, P 0.5, N 0, missing 0', () => {
    expect(computedTotalFromAnswers(['Y', 'P', 'N', null, 'P'], weights)).toBe(2);
    expect(computedTotalFromAnswers([], weights)).toBe(0);
  });

  it('uses configured weights without float noise', () => {
    expect(computedTotalFromAnswers(['Y', 'P', 'P'], { Y: 0.1, P: 0.1, N: 0 })).toBe(0.3);
    expect(computedTotalFromAnswers(['Y', 'P', 'N'], { Y: 2, P: 1, N: -1 })).toBe(2);
  });
});

describe('totalsDiffer', () => {
  it('allows the tolerance and no more', () => {
    expect(totalsDiffer(4.33, 4.5, 0.01)).toBe(true);
    expect(totalsDiffer(4.34, 4.33, 0.01)).toBe(false);
    expect(totalsDiffer(4.35, 4.33, 0.01)).toBe(true);
    expect(totalsDiffer(3, 3, 0)).toBe(false);
  });
});
