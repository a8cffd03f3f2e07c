import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docxFromLibreOffice } from '../../src/formats/libreoffice/docx-from-libreoffice.js';
import { recordFromBytes } from '../../src/parse-report.js';
import { loadConfig } from '../../src/service/config.js';

/**
 * The sandbox around LibreOffice: what happens when it is missing, hangs or fails.
 * A hanging or failing converter is played by a small shell script in LibreOffice's
 * place (the real one converts the fixtures in the golden test); what is tested here
 * is the process handling itself: the group kill, the clean-up, the messages.
 */

const RTF = Buffer.from('{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Calibri;}}\\pard Kenya\\par}');
const scratch = mkdtempSync(join(tmpdir(), 'libreoffice-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function script(name: string, body: string): string {
  const path = join(scratch, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const conversionDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('reportflow-convert-'));

describe('reading .doc and RTF through LibreOffice', () => {
  it('without LibreOffice gives UNSUPPORTED_FORMAT naming the format found and what to install', async () => {
    const libreOffice = { command: join(scratch, 'no-such-soffice'), timeoutMs: 5000, maxConcurrent: 1 };
    const record = await recordFromBytes(RTF, 'kenya.rtf', { libreOffice });
    expect(record.source.format).toBe('rtf');
    expect(record.anomalies).toHaveLength(1);
    expect(record.anomalies[0]).toMatchObject({ code: 'UNSUPPORTED_FORMAT', severity: 'error' });
    expect(record.anomalies[0]!.message).toMatch(/an RTF document/);
    expect(record.anomalies[0]!.message).toMatch(/libreoffice-writer-nogui/);
    expect(record.status).toBe('needs_review');
  });

  it('kills the whole process group of a conversion that outlives its time limit, and removes its folder', async () => {
    const pidFile = join(scratch, 'child.pid');
    // The converter starts a child of its own (as soffice starts soffice.bin) and both hang.
    const hanging = script('hanging-soffice', `sleep 300 & echo $! > ${pidFile}\nwait`);
    const before = conversionDirs();
    const started = Date.now();
    const result = await docxFromLibreOffice(RTF, 'rtf', { command: hanging, timeoutMs: 800, maxConcurrent: 1 });
    expect(result).toEqual({ failure: 'the conversion by LibreOffice took longer than 800 ms and was stopped' });
    expect(Date.now() - started).toBeLessThan(10_000);
    const child = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isAlive(child), "the converter's own child was killed with it").toBe(false);
    expect(conversionDirs().filter((d) => !before.includes(d))).toEqual([]);
  });

  it('turns a converter that writes nothing into UNREADABLE_FILE with what it said', async () => {
    const failing = script('failing-soffice', 'echo "Error: source file could not be loaded" >&2\nexit 1');
    const record = await recordFromBytes(RTF, 'kenya.rtf', {
      libreOffice: { command: failing, timeoutMs: 5000, maxConcurrent: 1 },
    });
    expect(record.anomalies[0]).toMatchObject({ code: 'UNREADABLE_FILE' });
    expect(record.anomalies[0]!.message).toMatch(/exit code 1: Error: source file could not be loaded/);
  });

  it('runs no more conversions at once than allowed', async () => {
    const log = join(scratch, 'overlap.log');
    writeFileSync(log, '');
    const counting = script('counting-soffice', `echo start >> ${log}\nsleep 0.3\necho end >> ${log}\nexit 1`);
    const settings = { command: counting, timeoutMs: 5000, maxConcurrent: 2 };
    await Promise.all(Array.from({ length: 5 }, () => docxFromLibreOffice(RTF, 'rtf', settings)));
    let running = 0;
    let most = 0;
    for (const line of readFileSync(log, 'utf8').trim().split('\n')) {
      running += line === 'start' ? 1 : -1;
      most = Math.max(most, running);
    }
    expect(most).toBe(2);
  });

  it('gives the converter a fresh profile that never updates links or runs macros', async () => {
    const copy = join(scratch, 'profile.xcu');
    const spy = script(
      'profile-soffice',
      `for a in "$@"; do case "$a" in -env:UserInstallation=file://*) cp "\${a#-env:UserInstallation=file://}/user/registrymodifications.xcu" ${copy};; esac; done\nexit 1`,
    );
    await docxFromLibreOffice(RTF, 'rtf', { command: spy, timeoutMs: 5000, maxConcurrent: 1 });
    expect(existsSync(copy)).toBe(true);
    const settings = readFileSync(copy, 'utf8');
    expect(settings).toMatch(/Writer\/Content\/Update"><prop oor:name="Link" oor:op="fuse"><value>0</);
    expect(settings).toMatch(/DisableMacrosExecution" oor:op="fuse"><value>true</);
  });
});

/** Running, not merely a zombie waiting for a parent (here PID 1) that may never reap it. */
function isAlive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('a real LibreOffice conversion', () => {
  it('does not pull a local file into the report through an INCLUDETEXT field', async () => {
    const secret = join(scratch, 'secret.txt');
    writeFileSync(secret, 'SECRET-VALUE-7731\n');
    const rtf = Buffer.from(
      `{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\n\\pard Kenya\\par\n\\pard {\\field{\\*\\fldinst INCLUDETEXT "${secret}"}{\\fldrslt cached text}}\\par\n}\n`,
    );
    const record = await recordFromBytes(rtf, 'include.rtf');
    expect(record.source.format).toBe('rtf');
    expect(record.report.title).toBe('Kenya');
    expect(JSON.stringify(record)).not.toContain('SECRET-VALUE-7731');
  });
});

describe('LibreOffice settings', () => {
  it('default to soffice on PATH, 60 s and two at once, staying inside a shorter job limit', () => {
    expect(loadConfig({}, {}, '/srv/rf').libreOffice).toEqual({
      command: 'soffice',
      timeoutMs: 60_000,
      maxConcurrent: 2,
    });
    expect(loadConfig({ REPORTFLOW_JOB_TIMEOUT_MS: '2000' }, {}, '/srv/rf').libreOffice.timeoutMs).toBe(1800);
    const set = loadConfig(
      {
        REPORTFLOW_SOFFICE: '/opt/lo/program/soffice',
        REPORTFLOW_CONVERT_TIMEOUT_MS: '30000',
        REPORTFLOW_CONVERSIONS: '1',
      },
      {},
      '/srv/rf',
    );
    expect(set.libreOffice).toEqual({ command: '/opt/lo/program/soffice', timeoutMs: 30_000, maxConcurrent: 1 });
  });

  it('refuse a conversion limit that the job limit would cut short', () => {
    expect(() => loadConfig({ REPORTFLOW_CONVERT_TIMEOUT_MS: '120000' }, {}, '/srv/rf')).toThrow(
      /REPORTFLOW_CONVERT_TIMEOUT_MS: must be shorter than REPORTFLOW_JOB_TIMEOUT_MS/,
    );
  });
});
