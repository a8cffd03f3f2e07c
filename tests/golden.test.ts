import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordFromBytes } from '../src/parse-report.js';
import type { Format, ReportRecord } from '../src/record/types.js';
import { contractErrors } from '../src/record/validate-record.js';
import { describeDifferences, fixtureFolders, foldName, jsonDifferences, readJson } from './support/record-diff.js';

/**
 * Every report file under fixtures/ must give the record its folder's expected.json
 * holds (written by hand from the document). `source`, `id`, `provenance` and anomaly
 * messages are left out of the comparison; `source` is checked against the file itself
 * instead, and the provenance entries expected.json lists are checked one by one.
 */

const FORMAT_BY_EXTENSION: Record<string, Format> = {
  md: 'markdown',
  docx: 'docx',
  pdf: 'pdf',
  html: 'html',
  odt: 'odt',
  doc: 'doc',
  rtf: 'rtf',
};

describe.each(fixtureFolders())('fixture $name', ({ name, dir, files }) => {
  const expectedPath = join(dir, 'expected.json');

  it('has a hand-written expected.json', () => {
    expect(existsSync(expectedPath), `fixtures/${name}/expected.json is missing; write it from the document`).toBe(
      true,
    );
    expect(files.length, `fixtures/${name} holds no report file`).toBeGreaterThan(0);
  });
  if (!existsSync(expectedPath)) return;
  const expected = readJson(expectedPath) as ReportRecord;

  it('expected.json follows the contract', () => {
    expect(contractErrors(expected)).toEqual([]);
  });

  it.each(files)('%s gives the expected record', async (file) => {
    const bytes = readFileSync(join(dir, file));
    const record = await recordFromBytes(bytes, file);

    expect(contractErrors(record), `${name}/${file} breaks the contract`).toEqual([]);

    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(record.id).toBe(sha256);
    expect(record.source).toMatchObject({
      fileName: file,
      bytes: bytes.length,
      sha256,
      format: realFormat(file, expected),
    });
    if (record.source.format === 'pdf' && !hasErrorAnomaly(record)) expect(record.source.pages).toBeGreaterThan(0);
    if (record.source.format !== 'pdf') expect(record.source.pages).toBeNull();

    const diffs = jsonDifferences(comparable(expected), comparable(record, expected));
    if (diffs.length > 0) expect.fail(describeDifferences(`${name}/${file}`, diffs));

    // Provenance is judged where expected.json gives it: the places a person looked up
    // in this file's own format (lines in Markdown); the rest of the map is free.
    if (record.source.format === expected.source.format) {
      for (const [pointer, where] of Object.entries(expected.provenance)) {
        expect(record.provenance[pointer], `${name}/${file} provenance of ${pointer}`).toMatchObject(where);
      }
    }
  });
});

/**
 * The format a fixture file really has. Error fixtures say it in their expected
 * `source` (a zip named .docx is not DOCX); a readable file's format is its extension's.
 */
function realFormat(file: string, expected: ReportRecord): Format {
  if (expected.source.fileName === file) return expected.source.format;
  return FORMAT_BY_EXTENSION[file.split('.').pop() ?? ''] ?? 'unknown';
}

function hasErrorAnomaly(record: ReportRecord): boolean {
  return record.anomalies.some((a) => a.severity === 'error');
}

/**
 * The part of a record the golden comparison judges. The English short name of a
 * country is a matter of taste ("Türkiye"/"Turkey", "Czechia"/"Czech Republic"), so the
 * name passes when it equals the expected name or the title up to case and diacritics;
 * the ISO codes must match exactly. `language` and `profile` (optional since 1.1) are
 * judged where expected.json states them, as in the fixtures written in other languages.
 */
function comparable(record: ReportRecord, expected?: ReportRecord): unknown {
  const { source: _source, id: _id, provenance: _provenance, ...rest } = record;
  const copy = structuredClone(rest);
  if (expected && !('language' in expected.report)) delete copy.report.language;
  if (expected && !('profile' in expected.report)) delete copy.report.profile;
  copy.anomalies = copy.anomalies.map(({ message: _message, ...anomaly }) => anomaly) as typeof copy.anomalies;
  const want = expected?.report.country;
  const got = copy.report.country;
  if (want && got && typeof got.name === 'string') {
    const accepted = [want.name, expected.report.title ?? ''].map(foldName);
    if (accepted.includes(foldName(got.name))) got.name = want.name;
  }
  return copy;
}
