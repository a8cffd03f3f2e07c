import { describe, expect, it } from 'vitest';
import { answerFromCell } from '../../src/core/answers.js';
import { ENGLISH } from '../support/profiles.js';

describe('answerFromCell', () => {
  it.each([
    ['Y', 'Y'],
    ['y', 'Y'],
    ['Yes', 'Y'],
    [' YES ', 'Y'],
    ['✓', 'Y'],
    ['✔', 'Y'],
    ['✔\ufe0f', 'Y'],
    ['P', 'P'],
    ['p', 'P'],
    ['Partly', 'P'],
    ['Partial', 'P'],
    ['PARTIALLY', 'P'],
    ['½', 'P'],
    ['N', 'N'],
    ['n', 'N'],
    ['No', 'N'],
    ['✗', 'N'],
    ['✘', 'N'],
    ['\tN\u00a0', 'N'],
  ])('%j is answer %s', (cell, answer) => {
    expect(answerFromCell(cell, ENGLISH)).toEqual({ kind: 'answer', answer, mark: null });
  });

  it.each(['', '  ', '-', '–', '—', 'n/a', 'N/A'])('%j is missing', (cell) => {
    expect(answerFromCell(cell, ENGLISH)).toEqual({ kind: 'missing', mark: null });
  });

  it.each([
    ['☑', 'Y'],
    ['🗸', 'Y'],
    ['🗹', 'Y'],
    ['✅', 'Y'],
    ['☑\ufe0f', 'Y'],
    ['√', 'Y'],
    ['Ｙ', 'Y'],
    ['Yes.', 'Y'],
    ['ＹＥＳ', 'Y'],
    ['1⁄2', 'P'],
    ['Partly.', 'P'],
    ['☒', 'N'],
    ['❌', 'N'],
    ['❎', 'N'],
    ['✕', 'N'],
    ['✖', 'N'],
    ['✖\ufe0f', 'N'],
    ['🗴', 'N'],
    ['🗵', 'N'],
    ['🗶', 'N'],
    ['🗷', 'N'],
    ['☓', 'N'],
    ['No.', 'N'],
  ])('tick or cross variant %j is answer %s', (cell, answer) => {
    expect(answerFromCell(cell, ENGLISH)).toEqual({ kind: 'answer', answer, mark: null });
  });

  it.each(['Maybe', 'X', 'x', '×', '?', 'Yes and no', '1', 'Q1', 'YP', '0.5', 'Y.P', '-1', '12'])(
    '%j is unknown',
    (cell) => {
      expect(answerFromCell(cell, ENGLISH)).toEqual({ kind: 'unknown', mark: null });
    },
  );

  it.each([
    ['Y*', 'Y', '*'],
    ['P¹', 'P', '¹'],
    ['N†', 'N', '†'],
    ['Y1', 'Y', '1'],
    ['Yes *', 'Y', '*'],
    ['P [2]', 'P', '[2]'],
    ['N**', 'N', '**'],
    ['y²', 'Y', '²'],
    ['Partly(1)', 'P', '(1)'],
    ['Y[^1]', 'Y', '[^1]'],
    ['N [^note]', 'N', '[^note]'],
    ['Y^1', 'Y', '^1'],
    ['Y 1', 'Y', '1'],
    ['✓*', 'Y', '*'],
    ['✓2', 'Y', '2'],
    ['🗶[^2]', 'N', '[^2]'],
    ['Y‡', 'Y', '‡'],
    ['N¹²', 'N', '¹²'],
    ['P†*', 'P', '†*'],
    ['Y∗', 'Y', '∗'],
    ['Y[a]', 'Y', '[a]'],
    ['Yes (a)', 'Y', '(a)'],
    ['Y^[Lima only]', 'Y', '^[Lima only]'],
    ['Ｙ＊', 'Y', '＊'],
  ])('%j is %s with footnote mark %s', (cell, answer, mark) => {
    expect(answerFromCell(cell, ENGLISH)).toEqual({ kind: 'answer', answer, mark });
  });

  it('reports a mark on a blank cell with the missing answer', () => {
    expect(answerFromCell('-*', ENGLISH)).toEqual({ kind: 'missing', mark: '*' });
  });
});
