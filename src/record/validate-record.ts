import { Ajv2020 } from 'ajv/dist/2020.js';
import { REPORT_RECORD_SCHEMA } from './schema.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(REPORT_RECORD_SCHEMA);

/** Checks a value against the record contract; returns readable errors, empty when valid. */
export function contractErrors(value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
