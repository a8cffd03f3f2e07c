import { describe, expect, it } from 'vitest';
import {
  spansJoinedByLine,
  spansMerged,
  spansSplitByLine,
  spansTrimmed,
  spansWithoutPrefix,
  textOfSpans,
} from '../../src/blocks/spans.js';

describe('span helpers', () => {
  it('merge neighbours of one style and drop empty spans', () => {
    expect(
      spansMerged([{ text: 'a' }, { text: '' }, { text: 'b' }, { text: 'c', bold: true }, { text: 'd', bold: true }]),
    ).toEqual([{ text: 'ab' }, { text: 'cd', bold: true }]);
  });

  it('trim white space at both ends only', () => {
    expect(spansTrimmed([{ text: ' \n' }, { text: ' a ', italic: true }, { text: 'b  ' }])).toEqual([
      { text: 'a ', italic: true },
      { text: 'b' },
    ]);
  });

  it('split by line and join back', () => {
    const spans = [{ text: 'one\ntw' }, { text: 'o\nthree', bold: true }];
    const lines = spansSplitByLine(spans);
    expect(lines).toEqual([
      [{ text: 'one' }],
      [{ text: 'tw' }, { text: 'o', bold: true }],
      [{ text: 'three', bold: true }],
    ]);
    expect(textOfSpans(spansJoinedByLine(lines))).toBe('one\ntwo\nthree');
  });

  it('cut a prefix across spans', () => {
    expect(spansWithoutPrefix([{ text: '1' }, { text: '. x', bold: true }], 3)).toEqual([{ text: 'x', bold: true }]);
  });
});
