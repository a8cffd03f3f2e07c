import type { Block } from '../blocks/model.js';
import type { Answer, ReportRecord } from '../record/types.js';
import type { ExtractOptions } from './options.js';
import {
  COMMON_WORD,
  keyFromCell,
  type Reading,
  readingFromProfile,
  readingsFromProfiles,
  wordsFromText,
} from './reading.js';

/**
 * Which profile, in which language, a document is written for: the reading whose
 * words the document uses most. Question labels in table headers weigh most (they
 * tell one scorecard from another), then answer words in table cells, then the
 * words of headings, labels and dates, then common words of running text. Only a
 * bounded sample of the document is looked at, so choosing costs little beside
 * parsing however long the document is.
 */

export interface ProfileChoice {
  reading: Reading;
  /** Whether any of the reading's words were found; false means the first reading was taken by default. */
  matched: boolean;
  /** Every reading that was weighed, in order of preference. */
  tried: Reading[];
}

// Sample bounds: the tables and running text a choice is made from.
const MAX_TABLE_CELLS = 600;
const MAX_TEXT_CHARS = 6000;
const MAX_TABLE_LINE = 320;
// Each word counts a few times at most, so one word repeated all over cannot decide.
const MAX_COUNT_PER_WORD = 3;
const LABEL_WEIGHT = 4;
const CELL_WEIGHT = 2;

export interface Sample {
  /** Short table cells (or words of text-table lines), as answer keys. */
  cells: Map<string, number>;
  /** Words of headings and running text. */
  words: Map<string, number>;
  /** Letter prefixes of words that end in a number ("q" of "Q1", "pregunta" of "Pregunta 1"). */
  labelPrefixes: Map<string, number>;
}

/**
 * The readings a report may be read with: every profile in every language, or only
 * the one the options force ("caidp-aidv", "caidp-aidv/es").
 */
export function readingsFromOptions(options: ExtractOptions): Reading[] {
  const forced = options.profile ?? null;
  if (forced === null) return readingsFromProfiles(options.profiles);
  const [id, language] = forced.split('/');
  const profile = options.profiles.find((p) => p.id === id);
  if (!profile || (language !== undefined && !(language in profile.languages))) {
    throw new Error(
      `profile ${forced} is not among the loaded profiles (${options.profiles.map((p) => p.id).join(', ')})`,
    );
  }
  return language === undefined ? readingsFromProfiles([profile]) : [readingFromProfile(profile, language)];
}

/** The best reading for the blocks; the first of `readings` when none matches better. */
export function profileChoiceFromBlocks(blocks: readonly Block[], readings: readonly Reading[]): ProfileChoice {
  if (readings.length === 0) throw new Error('no profile to read the report with');
  if (readings.length === 1) return { reading: readings[0]!, matched: true, tried: [...readings] };
  const sample = sampleFromBlocks(blocks, vocabularyOf(readings));
  let best = readings[0]!;
  let bestScore = 0;
  for (const reading of readings) {
    const score = scoreOf(reading, sample);
    if (score > bestScore) {
      best = reading;
      bestScore = score;
    }
  }
  return { reading: best, matched: bestScore > 0, tried: [...readings] };
}

/** How strongly the sample speaks for a reading. */
export function scoreOf(reading: Reading, sample: Sample): number {
  const { labelWords, cellWords, textWords } = reading.cues;
  let score = 0;
  for (const [prefix, count] of sample.labelPrefixes)
    if (labelWords.has(prefix)) score += LABEL_WEIGHT * Math.min(count, 12);
  for (const [cell, count] of sample.cells)
    if (cellWords.has(cell)) score += CELL_WEIGHT * Math.min(count, MAX_COUNT_PER_WORD);
  for (const [word, count] of sample.words) {
    const weight = textWords.get(word);
    if (weight !== undefined) score += (weight === COMMON_WORD ? 1 : weight) * Math.min(count, MAX_COUNT_PER_WORD);
  }
  return score;
}

/**
 * The words some reading knows. A sample only counts these: most words of a report
 * are known to none, and counting them all was most of what choosing cost.
 */
export interface Vocabulary {
  labels: ReadonlySet<string>;
  cells: ReadonlySet<string>;
  words: ReadonlySet<string>;
}

const vocabularies = new Map<string, Vocabulary>();
const serials = new WeakMap<Reading, number>();
let nextSerial = 0;
const MAX_VOCABULARIES = 32;

/** The vocabulary of a set of readings, built once per set (readings are compiled once per profile). */
export function vocabularyOf(readings: readonly Reading[]): Vocabulary {
  const key = readings.map(serialOf).join(',');
  let vocabulary = vocabularies.get(key);
  if (!vocabulary) {
    const labels = new Set<string>();
    const cells = new Set<string>();
    const words = new Set<string>();
    for (const { cues } of readings) {
      for (const word of cues.labelWords) labels.add(word);
      for (const word of cues.cellWords) cells.add(word);
      for (const word of cues.textWords.keys()) words.add(word);
    }
    if (vocabularies.size >= MAX_VOCABULARIES) vocabularies.clear();
    vocabularies.set(key, (vocabulary = { labels, cells, words }));
  }
  return vocabulary;
}

function serialOf(reading: Reading): number {
  let serial = serials.get(reading);
  if (serial === undefined) serials.set(reading, (serial = nextSerial++));
  return serial;
}

/** What the blocks say, in the words of the vocabulary: bounded, whatever the document's length. */
export function sampleFromBlocks(blocks: readonly Block[], vocabulary: Vocabulary): Sample {
  const sample: Sample = { cells: new Map(), words: new Map(), labelPrefixes: new Map() };
  let cellsLeft = MAX_TABLE_CELLS;
  let textLeft = MAX_TEXT_CHARS;
  for (const block of blocks) {
    if (cellsLeft <= 0 && textLeft <= 0) break;
    if (block.kind === 'table') {
      for (const row of block.rows) {
        for (const cell of row) {
          if (cellsLeft-- <= 0) break;
          addCell(sample, cell, vocabulary);
        }
      }
      continue;
    }
    const text = block.text;
    // A table printed as text: a header line of labels, rows of short words.
    if (cellsLeft > 0 && /\d/u.test(text) && text.length < 4000) {
      for (const line of text.split('\n')) {
        // Rows of a printed table are short; prose lines are not looked at word by word.
        if (line.length > MAX_TABLE_LINE) continue;
        const words = line.trim().split(/\s+/u);
        if (words.length < 3 || words.some((w) => w.length > 12)) continue;
        for (const word of words) if (cellsLeft-- > 0) addCell(sample, word, vocabulary);
      }
    }
    if (textLeft > 0) {
      const part = text.length > textLeft ? text.slice(0, textLeft) : text;
      textLeft -= part.length;
      for (const word of wordsFromText(part)) if (vocabulary.words.has(word)) bump(sample.words, word);
    }
  }
  return sample;
}

const LABEL = /^(\p{L}+)[\s.#-]*\d{1,3}\b/u;

function addCell(sample: Sample, cell: string, vocabulary: Vocabulary): void {
  if (cell.length > 24) return;
  const key = keyFromCell(cell);
  if (key === '') return;
  if (vocabulary.cells.has(key)) bump(sample.cells, key);
  const label = LABEL.exec(key);
  if (label && vocabulary.labels.has(label[1]!)) bump(sample.labelPrefixes, label[1]!);
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The weights a run compares reports with: its own, else the default (first) profile's. */
export function weightsFromOptions(options: ExtractOptions): Record<Answer, number> {
  return options.weights ?? options.profiles[0]!.weights;
}

/** The total tolerance of a run: its own, else the default (first) profile's. */
export function toleranceFromOptions(options: ExtractOptions): number {
  return options.totalTolerance ?? options.profiles[0]!.totalTolerance;
}

/** The weights a record's totals are computed with: the run's own, else those of the profile it was read with. */
export function weightsForRecord(record: ReportRecord, options: ExtractOptions): Record<Answer, number> {
  if (options.weights) return options.weights;
  return (options.profiles.find((p) => p.id === record.report.profile) ?? options.profiles[0]!).weights;
}
