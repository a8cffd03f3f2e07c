import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordFromBytes } from '../src/parse-report.js';
import { describeDifferences, fixtureFolders, jsonDifferences } from './support/record-diff.js';

/**
 * One report saved as Markdown, DOCX and PDF is one report: the records must agree on
 * everything but `source` and `id`, messages included. This holds independently of
 * whether the expected record is right.
 */

const multiFormat = fixtureFolders().filter((f) => f.files.length > 1);

describe.each(multiFormat)('fixture $name', ({ name, dir, files }) => {
  const [first, ...others] = files as [string, ...string[]];

  it.each(others)(`%s gives the same record as ${first}`, async (file) => {
    const base = withoutSource(await recordFromBytes(readFileSync(join(dir, first)), first));
    const other = withoutSource(await recordFromBytes(readFileSync(join(dir, file)), file));
    const diffs = jsonDifferences(base, other);
    if (diffs.length > 0) expect.fail(describeDifferences(`${name}: ${first} vs ${file}`, diffs));
  });
});

function withoutSource(record: { source: unknown; id: unknown }): unknown {
  const { source: _source, id: _id, provenance: _provenance, ...rest } = record;
  return rest;
}
