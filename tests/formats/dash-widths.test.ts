import { describe, expect, it } from 'vitest';
import { pageWithDashesMeasured } from '../../src/formats/ocr/dash-widths.js';
import type { GrayImage } from '../../src/formats/ocr/gray-image.js';
import type { OcrLine } from '../../src/formats/ocr/ocr-engine.js';
import { printedSheet } from '../support/printed-sheet.js';

// Type 40 px high (about 10 pt at 300 dpi).
const [SIZE, BASELINE] = [40, 100];

/** A word printed black on white in `face`, as the engine would read it (`read`), with its box and x-height. */
function readAs(printed: string, read: string, face: string): { image: GrayImage; line: OcrLine } {
  const { context, picture } = printedSheet(700, 160, `${SIZE}px ${face}`);
  context.fillText(printed, 40, BASELINE);
  const xHeight = Math.round(context.measureText('x').actualBoundingBoxAscent);
  const metrics = context.measureText(printed);
  const box = { x0: 36, y0: BASELINE - SIZE, x1: 44 + Math.ceil(metrics.width), y1: BASELINE + 12 };
  return {
    image: picture(),
    line: {
      words: [{ text: read, confidence: 0.9, ...box }],
      baseline: { x0: box.x0, y0: BASELINE, x1: box.x1, y1: BASELINE },
      xHeight,
    },
  };
}

const measured = (printed: string, read: string, face: string): string => {
  const { image, line } = readAs(printed, read, face);
  return pageWithDashesMeasured({ lines: [line] }, image).lines[0]!.words[0]!.text;
};

describe('dashes measured on the page', () => {
  for (const face of ['DejaVu Sans', 'DejaVu Serif']) {
    it(`reads a hyphen the engine wrote for an en dash or an em dash as that dash (${face})`, () => {
      expect(measured('2022–2023,', '2022-2023,', face)).toBe('2022–2023,');
      expect(measured('policy—and', 'policy-and', face)).toBe('policy—and');
    });

    it(`keeps hyphens, and dashes the engine wrote as such (${face})`, () => {
      expect(measured('co-hosted', 'co-hosted', face)).toBe('co-hosted');
      expect(measured('2023-12-01', '2023-12-01', face)).toBe('2023-12-01');
      expect(measured('2022–2023', '2022–2023', face)).toBe('2022–2023');
    });
  }

  it('leaves a word whose dashes the picture does not show one for one', () => {
    // Two dashes read where one stroke is printed: which is which cannot be told.
    expect(measured('2022–2023', '2022-20-23', 'DejaVu Sans')).toBe('2022-20-23');
  });
});
