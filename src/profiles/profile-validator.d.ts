import type { ValidateFunction } from 'ajv';
import type { Profile } from '../core/profile.js';

/**
 * profiles/profile.schema.json compiled ahead of time (`npm run schema` writes
 * profile-validator.js next to this file): the same verdicts and errors as Ajv compiling the
 * schema with `{ allErrors: true, strict: true }`, without compiling it in every process.
 */
export declare const validate: ValidateFunction<Profile>;
export default validate;
