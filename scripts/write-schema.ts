import { readFileSync, writeFileSync } from 'node:fs';
import { REPORT_RECORD_SCHEMA } from '../src/record/schema.js';
import { PROFILE_VALIDATOR_FILE, profileValidatorSource } from './profile-validator-source.js';

// The record contract's JSON Schema, from its TypeScript source; the profile schema's checking code, from its JSON.
const target = process.argv[2] ?? 'schema/report-record.schema.json';
writeFileSync(target, JSON.stringify(REPORT_RECORD_SCHEMA, null, 2) + '\n');
console.log(`wrote ${target}`);
const profileSchema: unknown = JSON.parse(readFileSync('profiles/profile.schema.json', 'utf8'));
writeFileSync(PROFILE_VALIDATOR_FILE, profileValidatorSource(profileSchema));
console.log(`wrote ${PROFILE_VALIDATOR_FILE}`);
