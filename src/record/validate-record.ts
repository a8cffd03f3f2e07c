import { Ajv2020 } from 'ajv/dist/2020.js';
import { REPORT_RECORD_SCHEMA } from './schema.js';
import type { ReportRecord } from './types.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile<ReportRecord>(REPORT_RECORD_SCHEMA);

/**
 * Checks a value against the record contract; returns readable errors, empty when
 * valid. Besides the JSON Schema, the contract says `report.date` is an ISO 8601
 * date, which a pattern alone cannot hold to (2023-02-31 matches it).
 */
export function contractErrors(value: unknown): string[] {
  const schemaErrors = validate(value)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  return [...schemaErrors, ...calendarDateErrors(value)];
}

function calendarDateErrors(value: unknown): string[] {
  const report = value !== null && typeof value === 'object' && 'report' in value ? value.report : undefined;
  const date = report !== null && typeof report === 'object' && 'date' in report ? report.date : undefined;
  if (typeof date !== 'string') return [];
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return [];
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const parsed = new Date(0);
  parsed.setUTCFullYear(year, month - 1, day);
  if (parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day) return [];
  return [`/report/date ${date} is not a date on the calendar`];
}

/** Whether a value (a record read back or received) follows the record contract. */
export function isReportRecord(value: unknown): value is ReportRecord {
  return validate(value);
}
