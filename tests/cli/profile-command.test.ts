import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
const SHIPPED = fileURLToPath(new URL('../../profiles/caidp-aidv.json', import.meta.url));
const SPANISH = fileURLToPath(new URL('../../fixtures/costa-rica-2024-es/report.md', import.meta.url));

function check(...args: string[]) {
  const run = spawnSync('node', [CLI, 'profile', 'check', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('reportflow profile check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'profile-check-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says a valid profile file is valid, and names what is wrong with a bad one', () => {
    expect(check(SHIPPED)).toMatchObject({
      status: 0,
      stdout: expect.stringContaining('valid profile caidp-aidv; languages en, es, fr, pt'),
    });
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        id: 'x',
        questions: { count: 0, id: 'Q' },
        weights: { Y: 1, P: 0.5, N: 0 },
        totalTolerance: 0.01,
        languages: {},
      }),
    );
    const run = check(bad);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('not a valid profile');
    expect(run.stdout).toContain('/questions/count: must be >= 1');
    expect(run.stdout).toContain('/questions/id: must match pattern');
    expect(run.stdout).toContain('/languages: must NOT have fewer than 1 properties');
  });

  it('shows what each profile and language reads in a report, and which one the parser takes', () => {
    const run = check(SPANISH);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/ {3}caidp-aidv\/en +tables 0, rows 0/);
    expect(run.stdout).toMatch(
      /\* caidp-aidv\/es +tables 1, rows 3, answers 35\/36, date 2024-04-12, items 6; MISSING_ANSWER TOTAL_MISMATCH/,
    );
    expect(run.stdout).toContain('read with caidp-aidv in es');
    expect(run.stdout).toContain('2023  Y P Y P N Y · P P N Y P  total 7 (computed 6.5)');
  });

  it('reads with a profile file given by --profile', () => {
    const run = check(SPANISH, '--profile', SHIPPED);
    expect(run.stdout).toContain('valid profile caidp-aidv');
    expect(run.stdout).toContain('read with caidp-aidv in es');
  });
});
