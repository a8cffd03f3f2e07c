import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordFromBytes } from '../../src/parse-report.js';
import type { ReportRecord } from '../../src/record/types.js';
import { FIXTURES_DIR } from '../support/record-diff.js';

/**
 * One report written in English, Spanish, French and Portuguese, each saved as
 * Markdown, DOCX and PDF, is one report: apart from its texts (title and date as
 * printed, headings, commentary, item texts, emphasis, messages) and its language,
 * every record says the same.
 */

const LANGUAGES = ['en', 'es', 'fr', 'pt'] as const;
const FILES = ['report.md', 'report.docx', 'report.pdf'];

async function recordOf(language: string, file: string): Promise<ReportRecord> {
  return recordFromBytes(readFileSync(join(FIXTURES_DIR, `costa-rica-2024-${language}`, file)), file);
}

/** The record without what a translation changes. */
function withoutTexts(record: ReportRecord): unknown {
  const { source: _source, id: _id, provenance, ...rest } = structuredClone(record);
  const { title: _title, dateText: _dateText, language: _language, ...report } = rest.report;
  return {
    ...rest,
    report,
    scoreTables: rest.scoreTables.map(({ section: _s, subject: _j, commentary, ...table }) => ({
      ...table,
      commentary: commentary.length,
    })),
    developmentLists: rest.developmentLists.map((list) => ({
      items: list.items.map((item) => ({ number: item.number, emphasis: item.emphasis.length })),
    })),
    anomalies: rest.anomalies.map(({ message: _message, ...anomaly }) => anomaly),
    // Every value was found somewhere in each file, whatever its language.
    placed: Object.keys(provenance).sort(),
  };
}

describe.each(FILES)('the Costa Rica report as %s', (file) => {
  it.each(LANGUAGES.filter((l) => l !== 'en'))(
    'in %s gives the English record up to texts and language',
    async (language) => {
      const english = await recordOf('en', file);
      const other = await recordOf(language, file);
      expect(english.report.language).toBe('en');
      expect(other.report.language).toBe(language);
      expect(other.report.profile).toBe('caidp-aidv');
      expect(withoutTexts(other)).toEqual(withoutTexts(english));
    },
  );
});
