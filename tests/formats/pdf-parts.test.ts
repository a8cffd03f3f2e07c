import { describe, expect, it } from 'vitest';
import { isPageNumberText } from '../../src/formats/pdf/pdf-page-furniture.js';
import { fontFactsFromName } from '../../src/formats/pdf/pdf-text-items.js';

describe('fontFactsFromName', () => {
  it.each([
    ['ABCDEF+LiberationSerif-Bold', { bold: true, italic: false }],
    ['Arial-BoldItalicMT', { bold: true, italic: true }],
    ['TimesNewRomanPS-ItalicMT', { bold: false, italic: true }],
    ['BAAAAA+DejaVuSans-Oblique', { bold: false, italic: true }],
    ['Calibri-Light', { bold: false, italic: false }],
    ['ABCDEF+SourceSansPro-Semibold', { bold: true, italic: false }],
    ['CAAAAA+DejaVuSerif', { bold: false, italic: false }],
  ])('%s', (name, facts) => {
    expect(fontFactsFromName(name)).toEqual(facts);
  });
});

describe('isPageNumberText', () => {
  it.each(['3', '- 3 -', '– 12 –', 'Page 3', 'page 3 of 7', '3 / 7', '3 of 7', 'iv', 'xii'])('"%s" is a page number', (text) => {
    expect(isPageNumberText(text)).toBe(true);
  });
  it.each(['civil', 'Page three', '2021 N N Y', '1. Kazakhstan', 'Total', 'ill', '2023'])('"%s" is not', (text) => {
    expect(isPageNumberText(text)).toBe(false);
  });
});
