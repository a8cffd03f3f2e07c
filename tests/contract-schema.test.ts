import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPORT_RECORD_SCHEMA } from '../src/record/schema.js';
import { contractErrors } from '../src/record/validate-record.js';
import { describeDifferences, jsonDifferences, readJson } from './support/record-diff.js';

/**
 * The schema the project ships, the schema it validates with and the shared contract
 * must be one and the same. shared/ sits next to the repository checkout.
 */

const contractSchemaPath = fileURLToPath(new URL('../../shared/contract/report-record.schema.json', import.meta.url));
const samplePath = fileURLToPath(new URL('../../shared/samples/kazakhstan-2023.expected.json', import.meta.url));
const shippedSchemaPath = fileURLToPath(new URL('../schema/report-record.schema.json', import.meta.url));

describe('report record schema', () => {
  it('the shipped schema/report-record.schema.json equals the contract', () => {
    const diffs = jsonDifferences(readJson(contractSchemaPath), readJson(shippedSchemaPath));
    if (diffs.length > 0) expect.fail(describeDifferences('schema/report-record.schema.json vs contract', diffs));
  });

  it('REPORT_RECORD_SCHEMA in src/record/schema.ts equals the contract', () => {
    const diffs = jsonDifferences(readJson(contractSchemaPath), REPORT_RECORD_SCHEMA);
    if (diffs.length > 0) expect.fail(describeDifferences('REPORT_RECORD_SCHEMA vs contract', diffs));
  });

  it('the contract sample record validates', () => {
    expect(contractErrors(readJson(samplePath))).toEqual([]);
  });

  it('a record that breaks the contract is rejected', () => {
    const broken = structuredClone(readJson(samplePath)) as Record<string, unknown>;
    broken.status = 'fine';
    delete broken.report;
    expect(contractErrors(broken).length).toBeGreaterThan(0);
  });

  it('the fixture copy of the sample is byte for byte the shared sample', () => {
    const fixture = fileURLToPath(new URL('../fixtures/kazakhstan-2023/report.md', import.meta.url));
    const shared = fileURLToPath(new URL('../../shared/samples/kazakhstan-2023.md', import.meta.url));
    expect(readFileSync(fixture).equals(readFileSync(shared))).toBe(true);
  });
});
