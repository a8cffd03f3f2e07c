import { writeFileSync } from 'node:fs';
import { REPORT_RECORD_SCHEMA } from '../src/record/schema.js';

const target = process.argv[2] ?? 'schema/report-record.schema.json';
writeFileSync(target, JSON.stringify(REPORT_RECORD_SCHEMA, null, 2) + '\n');
console.log(`wrote ${target}`);
