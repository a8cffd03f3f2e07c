import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { GrayImage } from '../../src/formats/ocr/gray-image.js';
import type { OcrLine } from '../../src/formats/ocr/ocr-engine.js';
import { grayAsInk } from '../../src/formats/ocr/paper-and-ink.js';
import { pageWithWeights, standsOut } from '../../src/formats/ocr/type-style.js';

const require = createRequire(import.meta.url);
const { createCanvas } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas');

type Style = 'regular' | 'bold' | 'italic' | 'bold-colour' | 'slight-lean';

/**
 * A page printed with the canvas: lines of words, each in its own style, and the word
 * boxes an engine would give for them (so only the measuring of type is tested here).
 * Black and white, or with `grey` in its greys.
 */
function printedPage(lines: [string, Style][][], grey = false): { image: GrayImage; lines: OcrLine[] } {
  const [width, height, size] = [2400, 120 + lines.length * 90, 40];
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = 'white';
  context.fillRect(0, 0, width, height);
  context.fillStyle = 'black';
  context.textBaseline = 'alphabetic';
  const ocrLines: OcrLine[] = lines.map((words, row) => {
    const baseline = 100 + row * 90;
    let x = 80;
    const placed = words.map(([text, style]) => {
      context.font = `${style.startsWith('bold') ? 'bold ' : style === 'italic' ? 'italic ' : ''}${size}px DejaVu Sans`;
      // A heading printed in a colour (a light blue such as #5b9bd5 is about this grey), which cleaning leaves grey, not black.
      context.fillStyle = style === 'bold-colour' ? '#8e8e8e' : 'black';
      const metrics = context.measureText(text);
      const word = {
        text,
        confidence: 0.95,
        x0: x - 2,
        y0: baseline - Math.ceil(metrics.actualBoundingBoxAscent) - 2,
        x1:
          x +
          Math.ceil(metrics.width) +
          2 +
          (style === 'slight-lean' ? Math.ceil(metrics.actualBoundingBoxAscent / 7) : 0),
        y1: baseline + Math.ceil(metrics.actualBoundingBoxDescent) + 2,
      };
      // Regular type sheared 8°: a lean the measure finds only weakly (a soft scan of italic).
      if (style === 'slight-lean')
        context.setTransform(1, 0, -Math.tan((8 * Math.PI) / 180), 1, Math.tan((8 * Math.PI) / 180) * baseline, 0);
      context.fillText(text, x, baseline);
      context.setTransform(1, 0, 0, 1, 0, 0);
      x += metrics.width + size * 0.3;
      return word;
    });
    return { words: placed, baseline: { x0: 80, y0: baseline, x1: x, y1: baseline }, xHeight: size * 0.55 };
  });
  const rgba = context.getImageData(0, 0, width, height).data;
  const pixels = new Uint8Array(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = grey ? rgba[i * 4]! : rgba[i * 4]! < 128 ? 0 : 255;
  return { image: { width, height, pixels, dpi: 300 }, lines: ocrLines };
}

const plain = (text: string): [string, Style][] => text.split(' ').map((w) => [w, 'regular']);

describe('type style measured from the picture', () => {
  it('marks a bold line, a bold phrase and an italic phrase, and leaves regular text alone', () => {
    const { image, lines } = printedPage([
      [
        ['Most', 'bold'],
        ['important', 'bold'],
        ['developments', 'bold'],
      ],
      plain('The ministry published a consultation on the national authority for artificial'),
      [
        ...plain('adding targets for computing infrastructure and'),
        ['public', 'italic'],
        ['sector', 'italic'],
        ['data', 'italic'],
        ['sharing', 'italic'],
      ],
      [
        ...plain('The government tabled the'),
        ['Artificial', 'bold'],
        ['Intelligence', 'bold'],
        ...plain('bill in June'),
      ],
      plain('Provincial activity increased, in particular in Quebec and Ontario, where rules'),
    ]);
    const styled = pageWithWeights({ lines }, image).lines;
    const marks = styled.map((line) =>
      line.words.map((w) => `${w.text}${w.bold ? '*' : ''}${w.italic ? '/' : ''}`).join(' '),
    );
    expect(marks[0]).toBe('Most* important* developments*');
    expect(marks[1]).toBe(lines[1]!.words.map((w) => w.text).join(' '));
    expect(marks[2]).toBe('adding targets for computing infrastructure and public/ sector/ data/ sharing/');
    expect(marks[3]).toBe('The government tabled the Artificial* Intelligence* bill in June');
    expect(marks[4]).toBe(lines[4]!.words.map((w) => w.text).join(' '));
  });

  it('marks a heading printed in a colour bold, its strokes measured whole', () => {
    const body = plain('The ministry published a consultation on the national authority for artificial');
    const { image, lines } = printedPage(
      [
        [
          ['Changes', 'bold-colour'],
          ['in', 'bold-colour'],
          ['key', 'bold-colour'],
          ['metrics', 'bold-colour'],
        ],
        body,
        plain('intelligence and on the rules for public bodies that use automated decisions'),
        body,
      ],
      true,
    );
    // Cleaned as the engine is given it: black type black, the colour a dark grey.
    const styled = pageWithWeights({ lines }, grayAsInk(image)).lines;
    expect(styled[0]!.words.every((w) => w.bold)).toBe(true);
    expect(styled.slice(1).some((line) => line.words.some((w) => w.bold))).toBe(false);
  });

  it('keeps the short words of a bold phrase, at a line break too, and nothing beside it', () => {
    const { image, lines } = printedPage([
      plain('The ministry published a consultation on the national authority for artificial'),
      [
        ...plain('and support impartial decision-making by judges, with the'),
        ['ability', 'bold'],
        ['to', 'bold'],
        ['predict', 'bold'],
        ['the', 'bold'],
        ['outcome', 'bold'],
        ['of', 'bold'],
      ],
      [['cases', 'bold'], ...plain('in the courts of appeal and in the regional administrative courts')],
      plain('Provincial activity increased, in particular in Quebec and Ontario, where rules'),
    ]);
    const marks = pageWithWeights({ lines }, image).lines.map((line) =>
      line.words.map((w) => `${w.text}${w.bold ? '*' : ''}`).join(' '),
    );
    expect(marks[1]).toBe(
      'and support impartial decision-making by judges, with the ability* to* predict* the* outcome* of*',
    );
    expect(marks[2]).toBe('cases* in the courts of appeal and in the regional administrative courts');
  });
});

describe('an italic phrase whose last word leans less clearly', () => {
  it('takes a word beside the phrase that leans, if weakly, and leaves a weakly leaning word alone elsewhere', () => {
    const { image, lines } = printedPage([
      plain('The ministry published a consultation on the national authority for artificial'),
      [
        ...plain('drew complaints about the lack of'),
        ['human', 'italic'],
        ['oversight', 'italic'],
        ['review', 'slight-lean'],
        ...plain('before penalties were issued'),
      ],
      [...plain('drew complaints about the lack of'), ['review', 'slight-lean'], ...plain('before penalties')],
      plain('Provincial activity increased, in particular in Quebec and Ontario, where rules'),
    ]);
    const marks = pageWithWeights({ lines }, image).lines.map((line) =>
      line.words.map((w) => `${w.text}${w.italic ? '/' : ''}`).join(' '),
    );
    expect(marks[1]).toBe('drew complaints about the lack of human/ oversight/ review/ before penalties were issued');
    expect(marks[2]).toBe('drew complaints about the lack of review before penalties');
  });
});

describe('an acronym at the head of a bold phrase', () => {
  it('weighs a capital pair, so "AI" (or "Al") joins the bold phrase it opens, and stays regular in regular text', () => {
    const { image, lines } = printedPage([
      plain('The ministry published a consultation on the national authority for artificial'),
      [
        ...plain('The ministry issued an'),
        ['Al', 'bold'],
        ['governance', 'bold'],
        ['guideline', 'bold'],
        ...plain('for public bodies'),
      ],
      plain('The Al strategy names the ministry and the agency as its lead bodies for now'),
      plain('Provincial activity increased, in particular in Quebec and Ontario, where rules'),
    ]);
    const marks = pageWithWeights({ lines }, image).lines.map((line) =>
      line.words.map((w) => `${w.text}${w.bold ? '*' : ''}`).join(' '),
    );
    expect(marks[1]).toBe('The ministry issued an Al* governance* guideline* for public bodies');
    expect(marks[2]).toBe(lines[2]!.words.map((w) => w.text).join(' '));
  });
});

describe('a word bold on its own inside a line of regular text', () => {
  const usual = { outline: 2, runs: 3 };
  it('stands out far heavier by one measure while both find it as heavy as a bold line', () => {
    // A soft scan: the outline finds the bold phrase 1.38 times the text, the runs 1.52 times.
    expect(standsOut({ outline: 2 * 1.38, runs: 3 * 1.52 }, usual)).toBe(true);
    expect(standsOut({ outline: 2 * 1.5, runs: 3 * 1.1 }, usual)).toBe(true);
  });
  it('does not on one measure alone, nor when neither stands far out', () => {
    // Capitals and digits widen the runs of a regular word.
    expect(standsOut({ outline: 2 * 1.05, runs: 3 * 1.6 }, usual)).toBe(false);
    expect(standsOut({ outline: 2 * 1.3, runs: 3 * 1.35 }, usual)).toBe(false);
  });
});

describe('a title set in bold or italic with two short words inside it', () => {
  it('keeps "on the" and "of" in the phrase, and leaves three short words between two phrases out', () => {
    const styled = (style: Style) =>
      printedPage([
        plain('The ministry published a consultation on the national authority for artificial'),
        [
          ...plain('The authority issued'),
          ...'Recommendations on the Protection of Personal Data'.split(' ').map((w): [string, Style] => [w, style]),
          ...plain('in May'),
        ],
        [
          ...plain('It backed the'),
          ['Data', style],
          ['Governance', style],
          ...plain('and the new'),
          ['Digital', style],
          ['Markets', style],
        ],
        plain('Provincial activity increased, in particular in Quebec and Ontario, where rules'),
      ]);
    for (const [style, mark] of [
      ['bold', '*'],
      ['italic', '/'],
    ] as const) {
      const { image, lines } = styled(style);
      const marks = pageWithWeights({ lines }, image).lines.map((line) =>
        line.words.map((w) => `${w.text}${(style === 'bold' ? w.bold : w.italic) ? mark : ''}`).join(' '),
      );
      const m = mark;
      expect(marks[1]).toBe(
        `The authority issued Recommendations${m} on${m} the${m} Protection${m} of${m} Personal${m} Data${m} in May`,
      );
      expect(marks[2]).toBe(`It backed the Data${m} Governance${m} and the new Digital${m} Markets${m}`);
    }
  });
});
