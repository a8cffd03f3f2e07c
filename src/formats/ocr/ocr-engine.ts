import type { GrayImage } from './gray-image.js';
import type { OcrOptions } from './ocr-options.js';
import { pageWithCellsApart } from './joined-cells.js';
import { grayAsInk } from './paper-and-ink.js';
import { ASCENDER_SHARE, DESCENDER_SHARE, X_HEIGHT_SHARE } from './type-proportions.js';
import { pageReadUpright } from './page-orientation.js';
import { grayLevelled, skewOf } from './page-skew.js';
import { grayWithReversedTypeTurned } from './reversed-type.js';
import { grayWithoutRules } from './ruling-lines.js';
import { pageWithWeights } from './type-style.js';
import { pageWithFractionsRead } from './fraction-marks.js';
import { pageWithTicksRead } from './tick-marks.js';
import { pageWithDashesMeasured } from './dash-widths.js';
import { pageWithAccents } from './accents.js';
import { readingsKept } from './page-readings-kept.js';
import { nativeTesseract, nativeTesseractStopped } from './tesseract-native.js';
import { wasmTesseract, wasmTesseractStopped } from './tesseract-wasm.js';

/** One recognised word; boxes in pixels of the picture, origin top left. */
export interface OcrWord {
  text: string;
  /** 0–1. */
  confidence: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Set in heavier type than the page's text, or leaning (measured from the picture, see type-style.ts). */
  bold?: boolean;
  italic?: boolean;
}

/** Words the engine found on one baseline, left to right. */
export interface OcrLine {
  words: OcrWord[];
  /** The baseline from its left end to its right end (pixels; it slopes on a skewed page). */
  baseline: { x0: number; y0: number; x1: number; y1: number };
  /** Height of the lower-case letters in pixels: the steadiest measure of the type size. */
  xHeight: number;
}

/** Where a line's baseline stands at `x` (pixels): it slopes on a skewed page. */
export function baselineAt(line: OcrLine, x: number): number {
  const { x0, y0, x1, y1 } = line.baseline;
  return x1 === x0 ? y0 : y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
}

export interface OcrPage {
  lines: OcrLine[];
}

/** A page as read: positions are on the page turned upright, which is `width` × `height` pixels. */
export interface RecognisedPage extends OcrPage {
  width: number;
  height: number;
  /**
   * The cleaned picture the engine read (upright, level, black on white), on which the
   * positions are: a second look at part of the page cuts from it and needs no cleaning.
   */
  picture: GrayImage;
}

export interface OcrEngine {
  /** Name and version as `source.ocr.engine` reports it. */
  name: string;
  /** Reads a page picture; one already `cleaned` (cut from a RecognisedPage's picture) is read as it is. */
  recognize(image: GrayImage, how?: { cleaned: boolean }): Promise<RecognisedPage>;
}

/**
 * What an engine reads: the cleaned page, at its resolution. Each engine hands it to its
 * program in the file format that program reads fastest.
 */
export type EngineInput = GrayImage;

export interface EngineRun {
  name: string;
  read(input: EngineInput): Promise<OcrPage>;
}

/**
 * The recognition engine the options ask for. `auto` takes Tesseract's own program when
 * it is installed (`tesseract` on PATH: about twice as fast as the WebAssembly build on
 * the same trained data) and tesseract.js otherwise, which works right after `npm ci`.
 * Whichever runs, the page is cleaned the same way first and read with the same trained
 * data, so both give the same words up to the engines' own differences.
 */
export async function ocrEngine(options: OcrOptions): Promise<OcrEngine> {
  const base = await engineRun(options.languages, options.engine);
  const first = options.keptReadings ? readingsKept(base, options.keptReadings) : base;
  const run = options.accentsFrom
    ? withAccents(first, await engineRun([options.accentsFrom], options.engine), options.accentsFrom)
    : first;
  return {
    name: run.name,
    recognize: (image, how) => (how?.cleaned ? cleanedPageRead(run, image) : pageRead(run, image)),
  };
}

async function engineRun(languages: readonly string[], choice: OcrOptions['engine']): Promise<EngineRun> {
  return choice === 'tesseract.js'
    ? wasmTesseract(languages)
    : ((await nativeTesseract(languages, choice === 'tesseract')) ?? wasmTesseract(languages));
}

/** Each page read twice, the second reading (with `language`'s data) lending the first its accents. */
function withAccents(first: EngineRun, second: EngineRun, language: string): EngineRun {
  return {
    name: `${first.name}, accents from ${language}`,
    read: async (input) => pageWithAccents(await first.read(input), await second.read(input)),
  };
}

/**
 * A page read by the engine after cleaning: turned upright when stored sideways or upside
 * down, turned level when scanned askew (so rows of a table stay rows and its rules run
 * straight), light letters on dark bands turned dark on paper, ruling lines painted out,
 * then black on white against the paper around each pixel. Positions come back on the
 * upright page.
 */
async function pageRead(run: EngineRun, image: GrayImage): Promise<RecognisedPage> {
  return pageReadUpright(image, async (upright) => {
    const skew = skewOf(upright);
    const level = skew === 0 ? upright : grayLevelled(upright, skew);
    return cleanedPageRead(run, grayAsInk(grayWithoutRules(grayWithReversedTypeTurned(level))));
  });
}

/** A cleaned picture read, with cells the engine joined into one word cut apart again where the picture shows the space between them. */
async function cleanedPageRead(run: EngineRun, ink: GrayImage): Promise<RecognisedPage> {
  const read = pageWithTicksRead(
    pageWithFractionsRead(
      pageWithWeights(pageWithDashesMeasured(pageWithCellsApart(await run.read(ink), ink), ink), ink),
      ink,
    ),
    ink,
  );
  return { ...read, width: ink.width, height: ink.height, picture: ink };
}

/** Stops this thread's engines (a command that parsed its files and wants to exit). */
export async function ocrEngineStopped(): Promise<void> {
  await Promise.all([nativeTesseractStopped(), wasmTesseractStopped()]);
}

// Letters of one word stand closer than this many x-heights; a wider gap inside a
// "word" is two table cells the engine joined ("N    Y" read as "NY").
const CELL_GAP = 1.2;

export interface EngineSymbol {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * A word as the engine gave it, split where its letters stand a cell's gap apart, each
 * piece standing as high as its letters truly do (see `heightOfLetters`).
 */
export function wordsSplitAtGaps(word: OcrWord, symbols: readonly EngineSymbol[], xHeight: number): OcrWord[] {
  const pieces: Piece[] = [];
  let current: Piece | null = null;
  for (const symbol of symbols) {
    if (symbol.text.trim() === '') continue;
    if (current && symbol.x0 - current.word.x1 <= CELL_GAP * xHeight) {
      current.word.text += symbol.text;
      current.word.x1 = Math.max(current.word.x1, symbol.x1);
      current.word.y0 = Math.min(current.word.y0, symbol.y0);
      current.word.y1 = Math.max(current.word.y1, symbol.y1);
      current.symbols.push(symbol);
      continue;
    }
    current = { word: { ...symbol, confidence: word.confidence }, symbols: [symbol] };
    pieces.push(current);
  }
  if (pieces.some((piece) => LABEL_RUN.test(piece.word.text)))
    pieces.splice(0, pieces.length, ...pieces.flatMap(labelsApart));
  if (pieces.length <= 1) {
    const kept = symbols.filter((symbol) => symbol.text.trim() !== '');
    return [
      { ...word, text: word.text.trim(), ...heightOfLetters(word, symbols), ...widthOfLetters(word, kept, xHeight) },
    ];
  }
  return pieces.map((piece) => ({
    ...piece.word,
    ...heightOfLetters(piece.word, piece.symbols),
    ...widthOfLetters(piece.word, piece.symbols, xHeight),
  }));
}

// Numbered labels of one letter run together ("Q4Q5Q6"): the cells of a header row set
// closer than a word space, or with a painted-out rule between them, that the engine read
// as one word. No word is spelt so.
const LABEL_RUN = /^(\p{Lu})\d{1,3}(?:\1\d{1,3})+$/u;

type Piece = { word: OcrWord; symbols: EngineSymbol[] };

/** A run of labels (see LABEL_RUN) as one piece per label, each boxed by its own letters. */
function labelsApart(piece: Piece): Piece[] {
  const { word, symbols } = piece;
  if (!LABEL_RUN.test(word.text) || symbols.map((symbol) => symbol.text).join('') !== word.text) return [piece];
  const groups: EngineSymbol[][] = [];
  for (const symbol of symbols) {
    if (symbol.text === word.text[0] || groups.length === 0) groups.push([symbol]);
    else groups[groups.length - 1]!.push(symbol);
  }
  return groups.map((group) => ({
    word: {
      text: group.map((symbol) => symbol.text).join(''),
      confidence: word.confidence,
      x0: Math.min(...group.map((symbol) => symbol.x0)),
      y0: Math.min(...group.map((symbol) => symbol.y0)),
      x1: Math.max(...group.map((symbol) => symbol.x1)),
      y1: Math.max(...group.map((symbol) => symbol.y1)),
    },
    symbols: group,
  }));
}

// No letter, digit or dash of a text face is wider than this many x-heights (W, M and the em
// dash, the widest, come to about two).
const WIDEST_LETTER = 2.5;

/**
 * The right end of a word from the box of its last letter. The recogniser's box for a
 * word's last letter can run on over the gap after it, into the next cell of a table
 * ("2022" boxed on over the tick beside it), so that the two cells touch and read as one.
 * A last letter boxed wider than any letter is, is cut back to the width of the word's
 * widest other letter (or to that limit, when no other is narrower). The first letter's
 * box is left as it is: where it spreads, its ink may be on either side.
 */
function widthOfLetters(word: OcrWord, symbols: readonly EngineSymbol[], xHeight: number): { x0: number; x1: number } {
  // A word of one letter has no other letter to measure by, nor a side known to have run on.
  if (symbols.length < 2) return { x0: word.x0, x1: word.x1 };
  const limit = WIDEST_LETTER * xHeight;
  const widths = symbols.map((symbol) => symbol.x1 - symbol.x0);
  const last = widths.length - 1;
  if (widths[last]! <= limit) return { x0: word.x0, x1: word.x1 };
  const others = widths.filter((width, i) => i !== last && width <= limit);
  const x1 = Math.min(word.x1, symbols[last]!.x0 + (others.length > 0 ? Math.max(...others) : limit));
  return x1 > word.x0 ? { x0: word.x0, x1 } : { x0: word.x0, x1: word.x1 };
}

// A small t stands this share of the type size, between lower case and ascenders.
const T_HEIGHT = 0.64;
// A letter whose box implies a type size this many times the word's is not measured as it stands.
const OUTSIZED = 1.35;

/**
 * The top and bottom of a word from the boxes of its letters. The engine's letter boxes
 * are the stretch of the picture its recogniser looked at, not the letter's ink, and now
 * and then one reaches far above or below (taking in a list number on the line below a
 * heading): such a box, standing much taller than its letter can be, is left out, and
 * the word keeps the height its other letters agree on. A word whose letters do not tell
 * keeps its box.
 */
function heightOfLetters(word: OcrWord, symbols: readonly EngineSymbol[]): { y0: number; y1: number } {
  const measured = symbols
    .map((symbol) => ({ symbol, em: (symbol.y1 - symbol.y0) / letterShare(symbol.text) }))
    .filter(({ em }) => Number.isFinite(em) && em > 0);
  if (measured.length < 2) return { y0: word.y0, y1: word.y1 };
  const ems = measured.map(({ em }) => em).sort((a, b) => a - b);
  // The lower middle: with two letters of four outsized, the upper middle is one of them.
  const typical = ems[Math.floor((ems.length - 1) / 2)]!;
  const kept = measured.filter(({ em }) => em <= OUTSIZED * typical).map(({ symbol }) => symbol);
  if (kept.length === measured.length) return { y0: word.y0, y1: word.y1 };
  return { y0: Math.min(...kept.map((s) => s.y0)), y1: Math.max(...kept.map((s) => s.y1)) };
}

/** The share of the type size a letter stands, or NaN for marks and letters that do not say. */
function letterShare(text: string): number {
  if (/^[gpqy]$/.test(text)) return X_HEIGHT_SHARE + DESCENDER_SHARE;
  if (/^[acemnorsuvwxz]$/.test(text)) return X_HEIGHT_SHARE;
  // Capitals and ascenders, with i, whose dot stands as high.
  if (/^[A-Z0-9bdfhikl]$/.test(text)) return ASCENDER_SHARE;
  if (text === 't') return T_HEIGHT;
  return Number.NaN;
}
