import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvStandalone from 'ajv/dist/standalone/index.js';

/** Where the generated validator lives, from the package root. */
export const PROFILE_VALIDATOR_FILE = 'src/profiles/profile-validator.js';

/** The options the profile schema is compiled with (every error, strict about the schema itself). */
export const PROFILE_AJV_OPTIONS = { allErrors: true, strict: true } as const;

/**
 * The profile schema compiled by Ajv into a module of plain JavaScript: checking a profile
 * then needs neither Ajv nor its compiler, which costs a fifth of a second or more in every
 * process that reads profiles (each parse thread, each `reportflow parse`). Ajv's standalone
 * code loads its few runtime helpers with `require`, which an ES module has to make.
 */
export function profileValidatorSource(schema: unknown): string {
  const ajv = new Ajv2020({ ...PROFILE_AJV_OPTIONS, code: { source: true, esm: true } });
  if (typeof schema !== 'object' || schema === null) throw new Error('the profile schema is not a JSON object');
  // A CommonJS module: its `default` export is on the module object.
  const code = ajvStandalone.default(ajv, ajv.compile(schema));
  return [
    '// Generated from profiles/profile.schema.json by `npm run schema` (scripts/write-schema.ts): do not edit.',
    "import { createRequire } from 'node:module';",
    'const require = createRequire(import.meta.url);',
    code.replace(/^"use strict";/, ''),
    '',
  ].join('\n');
}
