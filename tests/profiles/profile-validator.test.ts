import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/profiles/profile-validator.js';
import { shippedProfiles } from '../../src/profiles/load-profiles.js';
import {
  PROFILE_AJV_OPTIONS,
  PROFILE_VALIDATOR_FILE,
  profileValidatorSource,
} from '../../scripts/profile-validator-source.js';

const schema: unknown = JSON.parse(readFileSync('profiles/profile.schema.json', 'utf8'));

/** A deep copy of the shipped profile with one change made to it. */
function changed(change: (profile: Record<string, any>) => void): unknown {
  const profile = structuredClone(shippedProfiles()[0]!) as unknown as Record<string, any>;
  change(profile);
  return profile;
}

// Each breaks a different kind of rule of the schema (the runtime helpers included:
// string lengths count characters, uniqueness compares values).
const PROFILES: Array<[string, unknown]> = [
  ['the shipped profile', shippedProfiles()[0]],
  ['not an object', 'caidp-aidv'],
  ['a required property missing', changed((p) => delete p['weights'])],
  ['a property the schema does not know', changed((p) => (p['extra'] = true))],
  ['an id against its pattern', changed((p) => (p['id'] = 'Not An Id'))],
  ['a weight of the wrong type', changed((p) => (p['weights'].P = 'half'))],
  ['a question count out of range', changed((p) => (p['questions'].count = 0))],
  ['a negative tolerance', changed((p) => (p['totalTolerance'] = -1))],
  ['an empty word', changed((p) => (p['languages'].en.yearHeaders = ['']))],
  ['a word of 81 letters, some outside the BMP', changed((p) => (p['languages'].en.yearHeaders = ['𝐘'.repeat(81)]))],
  ['a word of 80 letters outside the BMP', changed((p) => (p['languages'].en.yearHeaders = ['𝐘'.repeat(80)]))],
  ['a word listed twice', changed((p) => (p['languages'].en.totalHeaders = ['total', 'total']))],
  ['eleven months', changed((p) => p['languages'].en.dates.months.pop())],
  ['a date order not in the list', changed((p) => (p['languages'].en.dates.numeric = ['year-day-month']))],
  ['a language tag against its pattern', changed((p) => (p['languages']['English'] = p['languages'].en))],
  ['no language', changed((p) => (p['languages'] = {}))],
  [
    'several problems at once',
    changed((p) => {
      delete p['questions'];
      p['weights'].Y = null;
      p['languages'].en.labels.extra = [];
    }),
  ],
];

describe('the profile schema compiled ahead of time', () => {
  it('is the code the schema compiles to now (run `npm run schema` after changing the schema)', () => {
    expect(readFileSync(PROFILE_VALIDATOR_FILE, 'utf8')).toBe(profileValidatorSource(schema));
  });

  const compiled = new Ajv2020(PROFILE_AJV_OPTIONS).compile(schema as object);
  it.each(PROFILES)('gives the verdict and errors Ajv gives compiling the schema: %s', (_, profile) => {
    const valid = compiled(profile);
    expect(validate(profile)).toBe(valid);
    expect(validate.errors ?? null).toEqual(compiled.errors ?? null);
  });

  it('finds every one of the broken profiles wrong', () => {
    expect(PROFILES.filter(([, profile]) => !validate(profile)).map(([name]) => name)).toEqual(
      PROFILES.map(([name]) => name).filter(
        (name) => !['the shipped profile', 'a word of 80 letters outside the BMP'].includes(name),
      ),
    );
  });
});
