import { describe, expect, it } from 'vitest';
import { answerFromCell } from '../../src/core/answers.js';

describe('answerFromCell', () => {
  it.each([
    ['Y', 'Y'], ['y', 'Y'], ['Yes', 'Y'], [' YES ', 'Y'], ['✓', 'Y'], ['✔', 'Y'], ['✔\ufe0f', 'Y'],
    ['P', 'P'], ['p', 'P'], ['Partly', 'P'], ['Partial', 'P'], ['PARTIALLY', 'P'], ['½', 'P'],
    ['N', 'N'], ['n', 'N'], ['No', 'N'], ['✗', 'N'], ['✘', 'N'], ['\tN\u00a0', 'N'],
  ])('%j is answer %s', (cell, answer) => {
    expect(answerFromCell(cell)).toEqual({ kind: 'answer', answer, mark: null });
  });

  it.each(['', '  ', '-', '–', '—', 'n/a', 'N/A'])('%j is missing', (cell) => {
    expect(answerFromCell(cell)).toEqual({ kind: 'missing', mark: null });
  });

  it.each(['Maybe', 'X', '?', 'Yes and no', '1', 'Q1', 'YP'])('%j is unknown', (cell) => {
    expect(answerFromCell(cell)).toEqual({ kind: 'unknown', mark: null });
  });

  it.each([
    ['Y*', 'Y', '*'], ['P¹', 'P', '¹'], ['N†', 'N', '†'], ['Y1', 'Y', '1'], ['Yes *', 'Y', '*'],
    ['P [2]', 'P', '[2]'], ['N**', 'N', '**'], ['y²', 'Y', '²'], ['Partly(1)', 'P', '(1)'],
  ])('%j is %s with footnote mark %s', (cell, answer, mark) => {
    expect(answerFromCell(cell)).toEqual({ kind: 'answer', answer, mark });
  });

  it('reports a mark on a blank cell with the missing answer', () => {
    expect(answerFromCell('-*')).toEqual({ kind: 'missing', mark: '*' });
  });
});
