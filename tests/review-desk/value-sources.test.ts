import { describe, expect, it } from 'vitest';
import { sourceLinesFrom, valueSpotFrom } from '../../src/service/review/value-sources.js';

const PROVENANCE = {
  '/report/title': { line: 3 },
  '/scoreTables/0/rows/1/year': { line: 15 },
  '/scoreTables/0/rows/1/answers/Q7': { line: 15, confidence: 0.4 },
  '/developmentLists/0/items/2/text': { line: 29 },
};

describe('where a flagged value was read', () => {
  it('takes an extracted value’s own entry, and never a neighbour’s', () => {
    expect(valueSpotFrom(PROVENANCE, '/scoreTables/0/rows/1/answers/Q7')).toEqual({
      pointer: '/scoreTables/0/rows/1/answers/Q7',
      source: { line: 15, confidence: 0.4 },
    });
    expect(valueSpotFrom(PROVENANCE, '/scoreTables/0/rows/1/reportedTotal')).toBeNull();
    expect(valueSpotFrom(PROVENANCE, '/report/author')).toBeNull();
  });

  it('shows a row, an item or an item’s number by what was read inside it', () => {
    expect(valueSpotFrom(PROVENANCE, '/scoreTables/0/rows/1')?.pointer).toBe('/scoreTables/0/rows/1/year');
    expect(valueSpotFrom(PROVENANCE, '/developmentLists/0/items/2/number')?.pointer).toBe(
      '/developmentLists/0/items/2/text',
    );
    expect(valueSpotFrom(PROVENANCE, '/scoreTables/0')?.pointer).toBe('/scoreTables/0/rows/1/year');
    expect(valueSpotFrom(PROVENANCE, '/report')).toBeNull();
    expect(valueSpotFrom(PROVENANCE, null)).toBeNull();
    expect(valueSpotFrom(undefined, '/report/title')).toBeNull();
  });

  it('gives the lines around a line of the file, cut at its ends', () => {
    const text = 'one\r\ntwo\nthree\rfour\nfive\nsix';
    expect(sourceLinesFrom(text, 1)).toEqual({ first: 1, focus: 1, lines: ['one', 'two', 'three'] });
    expect(sourceLinesFrom(text, 4)).toEqual({ first: 2, focus: 4, lines: ['two', 'three', 'four', 'five', 'six'] });
    expect(sourceLinesFrom(text, 7)).toBeNull();
    expect(sourceLinesFrom(text, 0)).toBeNull();
  });
});
