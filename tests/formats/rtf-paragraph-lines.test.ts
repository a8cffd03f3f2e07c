import { describe, expect, it } from 'vitest';
import { paragraphLinesFromRtf } from '../../src/formats/libreoffice/rtf-paragraph-lines.js';

describe('paragraphLinesFromRtf', () => {
  it('gives the line each printed paragraph starts on, a table counting once, skipping tables of fonts, styles, info and headers', () => {
    const rtf = [
      '{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\fnil Calibri;}}', // 1
      '{\\stylesheet{\\s1 heading 1;}}{\\info{\\title Not text}}', // 2
      '{\\header \\pard Running header\\par}', // 3
      '\\pard\\b\\fs32 Kenya\\b0\\fs22\\par', // 4
      '\\pard\\par', // 5: empty, not counted
      '\\pard Author: A. Wanjiru\\par', // 6
      '\\trowd\\cellx1000\\cellx2000', // 7
      '\\pard\\intbl Year\\cell\\pard\\intbl Q1\\cell\\row', // 8
      '\\trowd\\cellx1000\\cellx2000\\pard\\intbl 2023\\cell\\pard\\intbl Y\\cell\\row', // 9
      '\\pard {\\*\\bkmkstart x}{\\field{\\*\\fldinst HYPERLINK "a"}{\\fldrslt', // 10
      'Linked text}}\\par', // 11
      '\\pard 1.\\tab The plan\\par', // 12
      '\\pard\\rquote quoted\\rquote\\par}', // 13
    ].join('\n');
    expect(paragraphLinesFromRtf(rtf)).toEqual([4, 6, 8, 11, 12, 13]);
  });

  it('counts text written as escapes and a line break after a backslash as a paragraph end', () => {
    const rtf = "{\\rtf1 \\'e9t\\'e9\\\n\\u8220?Quote\\par}";
    expect(paragraphLinesFromRtf(rtf)).toEqual([1, 2]);
  });
});
