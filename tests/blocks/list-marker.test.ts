import { describe, expect, it } from 'vitest';
import { listMarkerFromText } from '../../src/blocks/list-marker.js';

describe('listMarkerFromText', () => {
  it('reads the three printed forms', () => {
    expect(listMarkerFromText('1. Kazakhstan approved')).toEqual({
      marker: '1.',
      number: 1,
      rest: 'Kazakhstan approved',
    });
    expect(listMarkerFromText('12) The ministry')).toEqual({ marker: '12)', number: 12, rest: 'The ministry' });
    expect(listMarkerFromText('(3) A plan')).toEqual({ marker: '(3)', number: 3, rest: 'A plan' });
  });

  it('accepts leading space, tabs and a marker standing alone', () => {
    expect(listMarkerFromText('  4.\tText')).toEqual({ marker: '4.', number: 4, rest: 'Text' });
    expect(listMarkerFromText('5.')).toEqual({ marker: '5.', number: 5, rest: '' });
    expect(listMarkerFromText('07. x')?.number).toBe(7);
  });

  it('keeps line breaks of the rest', () => {
    expect(listMarkerFromText('2. first\nsecond')?.rest).toBe('first\nsecond');
  });

  it('refuses texts that only look numeric', () => {
    expect(listMarkerFromText('3.0')).toBeNull();
    expect(listMarkerFromText('1.2 Scope')).toBeNull();
    expect(listMarkerFromText('2022. The year')).toBeNull();
    expect(listMarkerFromText('(1 ) x')).toBeNull();
    expect(listMarkerFromText('1 . x')).toBeNull();
    expect(listMarkerFromText('Item 1. x')).toBeNull();
    expect(listMarkerFromText('(a) x')).toBeNull();
    expect(listMarkerFromText('')).toBeNull();
  });
});
