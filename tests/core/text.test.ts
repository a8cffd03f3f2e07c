import { describe, expect, it } from 'vitest';
import { isPageNumber, keepsHyphen, oneLineFromText } from '../../src/core/text.js';

describe('oneLineFromText', () => {
  it('prints a non-breaking hyphen as a plain hyphen', () => {
    expect(oneLineFromText('an AI\u2011based plan')).toBe('an AI-based plan');
  });

  it('makes one line with single spaces', () => {
    expect(oneLineFromText('  first line\nsecond\t line \r\n third  ')).toBe('first line second line third');
    expect(oneLineFromText('a\u00a0\u00a0b')).toBe('a b');
  });

  it('removes soft hyphens and invisible characters', () => {
    expect(oneLineFromText('develop\u00adment')).toBe('development');
    expect(oneLineFromText('develop\u00ad\nment')).toBe('development');
    expect(oneLineFromText('zero\u200bwidth\ufeff')).toBe('zerowidth');
  });

  it('joins words split at a line end', () => {
    expect(oneLineFromText('the develop-\nment of AI')).toBe('the development of AI');
    expect(oneLineFromText('imple-  \n  mentation')).toBe('implementation');
    expect(oneLineFromText('Kazakh-\nstan')).toBe('Kazakhstan');
    expect(oneLineFromText('with-\nout')).toBe('without');
  });

  it('keeps the hyphen of compounds split at their hyphen', () => {
    expect(oneLineFromText('AI-\nbased tools')).toBe('AI-based tools');
    expect(oneLineFromText('data-\ndriven')).toBe('data-driven');
    expect(oneLineFromText('decision-\nmaking')).toBe('decision-making');
    expect(oneLineFromText('COVID-\n19')).toBe('COVID-19');
    expect(oneLineFromText('e-\ngovernment')).toBe('e-government');
    expect(oneLineFromText('non-\nbinding')).toBe('non-binding');
    expect(oneLineFromText('so-\ncalled')).toBe('so-called');
    expect(oneLineFromText('non-\nEU')).toBe('non-EU');
    expect(oneLineFromText('long-\nterm')).toBe('long-term');
  });

  it('reads a hyphen and a space inside a line as a line end turned into a space', () => {
    expect(oneLineFromText('the develop- ment of AI- based tools')).toBe('the development of AI-based tools');
    expect(oneLineFromText('short- and long-term plans, pre- or post-war')).toBe(
      'short- and long-term plans, pre- or post-war',
    );
    expect(oneLineFromText('2020- 2023')).toBe('2020-2023');
  });

  it('leaves dashes and in-line hyphens alone', () => {
    expect(oneLineFromText('plan -\nfirst step')).toBe('plan - first step');
    expect(oneLineFromText('well-known fact')).toBe('well-known fact');
    expect(oneLineFromText('2021-\n2022')).toBe('2021-2022');
  });
});

describe('keepsHyphen', () => {
  it.each([
    ['AI', 'based', true],
    ['ICT', 'sector', true],
    ['human', 'centred', true],
    ['self', 'regulation', true],
    ['2030', 'strategy', true],
    ['develop', 'ment', false],
    ['regu', 'lation', false],
    ['Govern', 'ment', false],
    ['privacy', 'enhancing', true],
    ['time', 'consuming', true],
    ['rights', 'respecting', true],
    ['pro', 'cessing', false],
    ['en', 'hancing', false],
    ['regu', 'lating', false],
    ['re', 'solving', false],
  ])('%s- + %s -> %s', (before, after, keep) => {
    expect(keepsHyphen(before, after)).toBe(keep);
  });
});

describe('oneLineFromText on hostile input', () => {
  it('stays fast on a very long word and many line-end hyphens', () => {
    const started = performance.now();
    const blob = 'A'.repeat(200_000);
    expect(oneLineFromText(`${blob}\nnext`)).toBe(`${blob} next`);
    const many = 'develop-\nment '.repeat(20_000);
    expect(oneLineFromText(many).startsWith('development development')).toBe(true);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('isPageNumber', () => {
  it.each(['3', ' 12 ', '- 3 -', '— 4 —', 'Page 3', 'page 3 of 10', '3/10', '3 of 10'])(
    '%j is a page number',
    (text) => {
      expect(isPageNumber(text)).toBe(true);
    },
  );
  it.each(['2023 was a good year', 'Q1', '3.5', '1. Item', 'Page three', ''])('%j is not', (text) => {
    expect(isPageNumber(text)).toBe(false);
  });
});
