import { describe, expect, it } from 'vitest';
import { recognisedRunsInDomainSpelling } from '../../src/formats/ocr/domain-spelling.js';
import type { TextRun } from '../../src/formats/pdf/pdf-text-items.js';

/** One run per word on one line, as OCR gives them. */
function words(text: string, y = 700): TextRun[] {
  let x = 72;
  return text.split(' ').map((word) => {
    const run: TextRun = {
      text: word,
      x,
      y,
      width: 5 * word.length,
      size: 10,
      bold: false,
      italic: false,
      confidence: 0.96,
    };
    x += run.width + 3;
    return run;
  });
}

const read = (text: string, languages = ['eng']): string => {
  const runs = words(text);
  recognisedRunsInDomainSpelling(runs, languages);
  return runs.map((run) => run.text).join(' ');
};

describe('AI as OCR reads it', () => {
  it('reads Al as AI in prose, before punctuation and a hyphen, less surely', () => {
    expect(read('the first Al Safety Summit on Al, Al-based tools and “Al” (Al).')).toBe(
      'the first AI Safety Summit on AI, AI-based tools and “AI” (AI).',
    );
    expect(read('The National Al Strategy and the Al Act')).toBe('The National AI Strategy and the AI Act');
    const runs = words('responsible Al tools');
    recognisedRunsInDomainSpelling(runs, ['eng']);
    expect(runs[1]!.confidence).toBeLessThan(0.96);
    expect(runs[0]!.confidence).toBe(0.96);
  });

  it('keeps Al where it stands as a name, and in words that only start with it', () => {
    expect(read('Minister Omar Sultan Al Olama met President Al-Sisi in Algiers')).toBe(
      'Minister Omar Sultan Al Olama met President Al-Sisi in Algiers',
    );
    expect(read('Alan and Ali')).toBe('Alan and Ali');
  });

  it('leaves other languages alone, where Al is a word', () => {
    expect(read('Al final del año', ['spa'])).toBe('Al final del año');
    expect(read('Al final del año', ['eng', 'spa'])).toBe('Al final del año');
  });

  it('does not take a word on another line for a neighbour', () => {
    const runs = [...words('Omar Sultan', 700), ...words('Al Olama', 686)];
    recognisedRunsInDomainSpelling(runs, ['eng']);
    expect(runs.map((run) => run.text)).toEqual(['Omar', 'Sultan', 'AI', 'Olama']);
  });
});

describe('AI joined to a name before it', () => {
  it('reads `Al` after a small letter at a word’s end as AI, and leaves words that end in -al', () => {
    expect(read('the IndiaAl Mission')).toBe('the IndiaAI Mission');
    expect(read('OpenAl, Google and #KrattAl.')).toBe('OpenAI, Google and #KrattAI.');
    expect(read('a national and local Algorithm')).toBe('a national and local Algorithm');
  });
});

describe('country names with marks, as OCR reads them with English data', () => {
  it('gives a country name read without its marks the name’s letters, possessive and punctuation kept', () => {
    expect(read('Turkiye joined the GPAI.')).toBe('Türkiye joined the GPAI.');
    expect(read("Turkiye's plan (Turkiye)")).toBe("Türkiye's plan (Türkiye)");
    expect(read("The Cote d'Ivoire report")).toBe("The Côte d'Ivoire report");
    expect(read('Curacao, Reunion and Sao Tome & Principe')).toBe('Curaçao, Réunion and São Tomé & Príncipe');
  });

  it('leaves other words, names already marked, and pages read in other languages', () => {
    expect(read('Turkey and Türkiye')).toBe('Turkey and Türkiye');
    expect(read('Cote of arms')).toBe('Cote of arms');
    expect(read('Turkiye joined', ['spa'])).toBe('Turkiye joined');
  });

  it('is less sure of a name it gave marks than the engine was', () => {
    const runs = words('Turkiye joined');
    recognisedRunsInDomainSpelling(runs, ['eng']);
    expect(runs[0]!.confidence).toBeLessThan(0.96);
    expect(runs[1]!.confidence).toBe(0.96);
  });
});
