import type { EngineSymbol, OcrWord } from './ocr-engine.js';

/** One line of an hOCR page as Tesseract writes it. */
export interface HocrLine {
  box: { x0: number; y0: number; x1: number; y1: number };
  /** Baseline: rise per pixel, and its height above (negative: below) the box's bottom at its left edge. */
  slope: number;
  baselineOffset: number;
  /** Row height, ascender and descender lengths, in pixels. */
  size: number;
  ascenders: number;
  descenders: number;
  words: (OcrWord & { symbols: EngineSymbol[] })[];
}

// Every element Tesseract uses for a line of text (captions, headers and floating text are lines too).
const LINE_CLASSES = new Set(['ocr_line', 'ocr_header', 'ocr_caption', 'ocr_textfloat']);
const ELEMENT =
  /<span class=['"](ocr_line|ocr_header|ocr_caption|ocr_textfloat|ocrx_word|ocrx_cinfo)['"][^>]*?title=(["'])(.*?)\2[^>]*>([^<]*)/g;

/**
 * The lines, words and characters of Tesseract's hOCR output. Tesseract writes a fixed
 * shape (one element per line, word and character, each with its `title` properties),
 * so the elements are picked out by their classes rather than through a full HTML parser.
 */
export function hocrLines(hocr: string): HocrLine[] {
  const lines: HocrLine[] = [];
  let line: HocrLine | null = null;
  let word: HocrLine['words'][number] | null = null;
  for (const [, kind, , title, text] of hocr.matchAll(ELEMENT)) {
    const props = propertiesOf(title!);
    const box = boxOf(props.get('bbox') ?? props.get('x_bboxes'));
    if (!box) continue;
    if (LINE_CLASSES.has(kind!)) {
      const [slope = 0, offset = 0] = numbers(props.get('baseline'));
      line = {
        box,
        slope,
        baselineOffset: offset,
        size: numbers(props.get('x_size'))[0] ?? box.y1 - box.y0,
        ascenders: numbers(props.get('x_ascenders'))[0] ?? 0,
        descenders: numbers(props.get('x_descenders'))[0] ?? 0,
        words: [],
      };
      lines.push(line);
      word = null;
    } else if (kind === 'ocrx_word') {
      if (!line) continue;
      word = { text: '', confidence: (numbers(props.get('x_wconf'))[0] ?? 0) / 100, ...box, symbols: [] };
      line.words.push(word);
    } else if (word) {
      const symbol = entitiesDecoded(text ?? '');
      word.text += symbol;
      word.symbols.push({ text: symbol, ...box });
    }
  }
  return lines;
}

function propertiesOf(title: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const part of title.split(';')) {
    const trimmed = part.trim();
    const space = trimmed.indexOf(' ');
    if (space > 0) props.set(trimmed.slice(0, space), trimmed.slice(space + 1));
  }
  return props;
}

function numbers(value: string | undefined): number[] {
  return value === undefined ? [] : value.split(/\s+/).map(Number).filter(Number.isFinite);
}

function boxOf(value: string | undefined): HocrLine['box'] | null {
  const [x0, y0, x1, y1] = numbers(value);
  return x0 === undefined || y0 === undefined || x1 === undefined || y1 === undefined ? null : { x0, y0, x1, y1 };
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function entitiesDecoded(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (!name.startsWith('#')) return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
