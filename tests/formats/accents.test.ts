import { describe, expect, it } from 'vitest';
import { differsInMarksOnly, pageWithAccents } from '../../src/formats/ocr/accents.js';
import type { EngineRun, OcrPage, OcrWord } from '../../src/formats/ocr/ocr-engine.js';
import { readingsKept } from '../../src/formats/ocr/page-readings-kept.js';
import { ocrSettingsFromEnv } from '../../src/service/config.js';

const word = (text: string, x0: number, y0 = 100): OcrWord => ({
  text,
  confidence: 0.9,
  x0,
  y0,
  x1: x0 + 20 * [...text].length,
  y1: y0 + 30,
});
const page = (...lines: OcrWord[][]): OcrPage => ({
  lines: lines.map((words) => ({ words, baseline: { x0: 0, y0: 130, x1: 1000, y1: 130 }, xHeight: 20 })),
});

describe('accents from a reading in the document’s language', () => {
  it('takes the marked spelling of a word read in the same place that differs only at its marked letters', () => {
    const english = page([word('Lucia', 100), word('publicé', 220), word('Comunicagdo', 400)]);
    const spanish = page([word('Lucía', 102), word('publicó', 221), word('Comunicação', 398)]);
    const merged = pageWithAccents(english, spanish);
    expect(merged.lines[0]!.words.map((w) => w.text)).toEqual(['Lucía', 'publicó', 'Comunicação']);
    // Nothing but the spelling changes: the first reading's place and confidence stay.
    expect(merged.lines[0]!.words[0]).toEqual({ ...english.lines[0]!.words[0], text: 'Lucía' });
  });

  it('keeps the first reading where the second read other letters, another place, or a year or an answer', () => {
    const english = page([word('2021', 100), word('N', 200), word('consulta', 300), word('Lucia', 500, 100)]);
    const spanish = page([word('202í', 100), word('Ñ', 200), word('consultó', 300), word('Lucía', 500, 400)]);
    expect(pageWithAccents(english, spanish).lines[0]!.words.map((w) => w.text)).toEqual([
      '2021',
      'N',
      'consulta',
      'Lucia',
    ]);
  });

  it('tells marked-letter differences from others', () => {
    expect(differsInMarksOnly('apoy6', 'apoyó')).toBe(true);
    expect(differsInMarksOnly('Unido', 'União')).toBe(true);
    expect(differsInMarksOnly('pais', 'país')).toBe(true);
    expect(differsInMarksOnly('inici6é', 'inició')).toBe(true);
    expect(differsInMarksOnly('Informacgao', 'Informação')).toBe(true);
    expect(differsInMarksOnly('a', 'à')).toBe(true);
    expect(differsInMarksOnly('N', 'Ñ')).toBe(false);
    expect(differsInMarksOnly('consulta', 'consultó')).toBe(false);
    expect(differsInMarksOnly('Lucias', 'Lucía')).toBe(false);
    expect(differsInMarksOnly('casa', 'cosa')).toBe(false);
    expect(differsInMarksOnly('P1', 'P1')).toBe(false);
  });
});

describe('page readings kept between the two readings of a file', () => {
  const picture = (fill: number) => ({ width: 4, height: 3, dpi: 300, pixels: new Uint8Array(12).fill(fill) });

  it('reads a picture once and gives back copies, and reads a different picture anew', async () => {
    let reads = 0;
    const run: EngineRun = {
      name: 'counting',
      read: () => {
        reads++;
        return Promise.resolve(page([word('Lucia', 100)]));
      },
    };
    const kept = readingsKept(run, new Map());
    const first = await kept.read(picture(255));
    first.lines[0]!.words[0]!.text = 'changed by a later step';
    const again = await kept.read(picture(255));
    expect(reads).toBe(1);
    expect(again.lines[0]!.words[0]!.text).toBe('Lucia');
    await kept.read(picture(0));
    expect(reads).toBe(2);
  });
});

describe('REPORTFLOW_OCR_LANGUAGES', () => {
  it('is auto by default: English data first, then the document’s own language', () => {
    expect(ocrSettingsFromEnv({}).ocr).toMatchObject({ languages: ['eng'], documentLanguage: true });
    expect(ocrSettingsFromEnv({ REPORTFLOW_OCR_LANGUAGES: 'auto' }).ocr.documentLanguage).toBe(true);
  });

  it('names the data to read with, and then only that', () => {
    expect(ocrSettingsFromEnv({ REPORTFLOW_OCR_LANGUAGES: 'spa+eng' }).ocr).toMatchObject({
      languages: ['spa', 'eng'],
      documentLanguage: false,
    });
    expect(() => ocrSettingsFromEnv({ REPORTFLOW_OCR_LANGUAGES: 'Spanish!' })).toThrow(/auto, or trained-data codes/);
  });
});
