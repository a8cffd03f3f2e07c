import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TimedParser } from '../../src/service/parse/timed-parser.js';
import { loadConfig } from '../../src/service/config.js';

/**
 * The service parses in threads that receive the extraction options with every file:
 * the configured profiles and a forced profile must reach them.
 */
const SPANISH = readFileSync(fileURLToPath(new URL('../../fixtures/costa-rica-2024-es/report.md', import.meta.url)));

describe('profiles in the parse threads', () => {
  const chosen = new TimedParser(30_000, { extract: loadConfig({}).extract });
  const forced = new TimedParser(30_000, { extract: loadConfig({ REPORTFLOW_PROFILE: 'caidp-aidv/en' }).extract });
  afterAll(async () => Promise.all([chosen.close(), forced.close()]));

  it('reads a Spanish report as Spanish, and as English where the configuration forces it', async () => {
    const first = await chosen.parse(SPANISH, 'report.md');
    const second = await chosen.parse(SPANISH, 'report.md');
    expect([first.report.language, first.scoreTables.length]).toEqual(['es', 1]);
    expect(second).toEqual(first);
    const english = await forced.parse(SPANISH, 'report.md');
    expect([english.report.language, english.scoreTables.length]).toEqual(['en', 0]);
  });
});
