import type { Block } from '../blocks/model.js';
import type { Anomaly, RecordProvenance, ReportRecord, SourceInfo } from '../record/types.js';
import { flag, statusFromAnomalies } from './anomalies.js';
import { developmentListsFromBlocks } from './development-lists.js';
import { outlineFromBlocks } from './headings.js';
import type { OcrRepairs } from './ocr-readings.js';
import { DEFAULT_LOW_CONFIDENCE, type ExtractOptions } from './options.js';
import { profileChoiceFromBlocks, readingsFromOptions, type ProfileChoice } from './profile-choice.js';
import {
  flagLowConfidence,
  flagPagesLeftOut,
  flagReading,
  NO_READING_NOTES,
  type ReadingNotes,
} from './reading-notes.js';
import type { Reading } from './reading.js';
import { reportHeaderFromBlocks } from './report-header.js';
import { scoreTablesFromBlocks } from './score-table.js';

/**
 * Blocks in, record out. Pure: no IO, never throws on document content. Anomalies
 * come out in record order: report fields, then score tables, then lists.
 */
export function recordFromBlocks(
  blocks: Block[],
  source: SourceInfo,
  options: ExtractOptions,
  notes: ReadingNotes = NO_READING_NOTES,
): ReportRecord {
  const choice = profileChoiceFromBlocks(blocks, readingsFromOptions(options));
  const reading = withOverrides(choice.reading, options);
  const anomalies: Anomaly[] = [];
  flagReading(source, notes, anomalies);
  const readingEnd = anomalies.length;
  const header = reportHeaderFromBlocks(blocks, anomalies, reading);
  const outline = outlineFromBlocks(blocks, header.bodyStart, reading);

  const provenance: RecordProvenance = { ...header.provenance };
  const repairs: OcrRepairs = { repaired: new Set(header.repaired) };
  const scoreTables = scoreTablesFromBlocks(blocks, outline, header.bodyStart, anomalies, reading, provenance, repairs);
  if (scoreTables.length === 0) {
    flag(anomalies, 'NO_SCORE_TABLE', null, { message: `no score table; ${triedText(choice)}` });
  }
  const developmentLists = developmentListsFromBlocks(
    blocks,
    outline,
    header.bodyStart,
    anomalies,
    provenance,
    reading.text.compoundParts,
  );
  if (developmentLists.length === 0) {
    flag(anomalies, 'NO_DEVELOPMENTS', null, { message: 'no numbered development list' });
  }

  // Said with the other notes on how the text was got, once it is known what reached the record.
  const leftOut: Anomaly[] = [];
  flagPagesLeftOut(blocks, source, provenance, leftOut);
  anomalies.splice(readingEnd, 0, ...leftOut);

  const record: ReportRecord = {
    schemaVersion: '1.1',
    id: source.sha256,
    source,
    report: { ...header.report, language: choice.matched ? reading.language : null, profile: reading.profile.id },
    scoreTables,
    developmentLists,
    anomalies,
    status: 'ok',
    provenance,
  };
  flagLowConfidence(record, options.lowConfidence ?? DEFAULT_LOW_CONFIDENCE, anomalies, repairs.repaired);
  record.status = statusFromAnomalies(anomalies);
  return record;
}

/** Weights and tolerance set for the whole run win over the profile's own. */
function withOverrides(reading: Reading, options: ExtractOptions): Reading {
  if ((options.weights ?? null) === null && (options.totalTolerance ?? null) === null) return reading;
  return {
    ...reading,
    weights: options.weights ?? reading.weights,
    totalTolerance: options.totalTolerance ?? reading.totalTolerance,
  };
}

// "profiles tried: caidp-aidv [en, es, fr, pt]": what a reviewer needs to see to tell a missing table from a missing profile.
function triedText(choice: ProfileChoice): string {
  const byProfile = new Map<string, string[]>();
  for (const reading of choice.tried) {
    const languages = byProfile.get(reading.profile.id) ?? [];
    languages.push(reading.language);
    byProfile.set(reading.profile.id, languages);
  }
  const names = [...byProfile].map(([id, languages]) => `${id} [${languages.join(', ')}]`);
  return `${choice.tried.length === 1 ? 'profile' : 'profiles'} tried: ${names.join(', ')}`;
}
