import { describe, expect, it } from 'vitest';
import { dateFromText } from '../../src/core/dates.js';
import { ENGLISH } from '../support/profiles.js';

describe('dateFromText', () => {
  it.each([
    ['23.03.23', '2023-03-23'],
    ['23.03.2023', '2023-03-23'],
    ['23/03/2023', '2023-03-23'],
    ['5-4-2023', '2023-04-05'],
    ['5 April 2023', '2023-04-05'],
    ['5th April 2023', '2023-04-05'],
    ['1st of May, 2023', '2023-05-01'],
    ['April 5, 2023', '2023-04-05'],
    ['April 5th 2023', '2023-04-05'],
    ['5 Apr. 2023', '2023-04-05'],
    ['Sept 30, 2022', '2022-09-30'],
    ['2023-04-05', '2023-04-05'],
    ['2023/4/5', '2023-04-05'],
    ['Thursday, 23 March 2023', '2023-03-23'],
    ['29.02.24', '2024-02-29'],
    ['23.03.2023.', '2023-03-23'],
    ['March 23, 2023.', '2023-03-23'],
    ['5. April 2023', '2023-04-05'],
    ['5 Apr 23', '2023-04-05'],
    ['05-Apr-23', '2023-04-05'],
  ])('%s -> %s', (text, iso) => {
    expect(dateFromText(text, ENGLISH.dates)).toEqual({ kind: 'date', iso });
  });

  it.each([
    '31.02.23',
    '29.02.23',
    '32.01.2023',
    '12.13.2023',
    '00.01.2023',
    'March 2023',
    '31 April 2023',
    '2023-13-01',
    '31 Feb 23',
    '2023-13-01.',
  ])('%s is written like a date but is not one', (text) => {
    expect(dateFromText(text, ENGLISH.dates)).toEqual({ kind: 'invalid' });
  });

  it.each(['Aziz Soltobaev', 'Kazakhstan', '2023', '2023.', 'Q1 2023 results', '4.33', '4.33.', ''])(
    '%s is no date',
    (text) => {
      expect(dateFromText(text, ENGLISH.dates)).toEqual({ kind: 'none' });
    },
  );
});
