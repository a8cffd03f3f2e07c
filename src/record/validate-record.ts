import { Ajv2020 } from 'ajv/dist/2020.js';
import { REPORT_RECORD_SCHEMA } from './schema.js';
import type { ReportRecord } from './types.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile<ReportRecord>(REPORT_RECORD_SCHEMA);

/** Checks a value against the record contract; returns readable errors, empty when valid. */
export function contractErrors(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

/** Whether a value (a record read back or received) follows the record contract. */
export function isReportRecord(value: unknown): value is ReportRecord {
  return validate(value);
}
