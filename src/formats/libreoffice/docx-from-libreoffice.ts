import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Legacy Word (.doc) and RTF are turned into DOCX by LibreOffice, run headless
 * as a throwaway process: each conversion gets its own temporary folder with a
 * fresh profile (so conversions never share an instance or state), the profile
 * is set to never update links and never run macros before LibreOffice starts,
 * the process runs in its own process group and the whole group is killed when
 * the time limit passes, and the folder is removed afterwards, whatever
 * happened. Only a few conversions run at once in one process; the rest wait.
 */

export interface LibreOfficeSettings {
  /** The `soffice` command: a name looked up on PATH, or a path. */
  command: string;
  /** A conversion still running after this long is killed, process group and all. */
  timeoutMs: number;
  /** Conversions running at once in this process; more wait their turn. */
  maxConcurrent: number;
}

export const DEFAULT_LIBREOFFICE: LibreOfficeSettings = { command: 'soffice', timeoutMs: 60_000, maxConcurrent: 2 };

/** The Debian package that provides a headless `soffice` without the desktop. */
export const LIBREOFFICE_PACKAGE = 'libreoffice-writer-nogui';

export type Conversion = { docx: Uint8Array } | { missing: string } | { failure: string };

// Written into the fresh profile: links to other files or the network are never
// updated on load (a document could otherwise pull in a local file's text), and
// macros never run. 0 is "never" for Writer's link update mode.
const PROFILE_SETTINGS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
`;

// What LibreOffice prints is only kept for the error message; a runaway process must not fill memory with it.
const MAX_OUTPUT_CHARS = 4000;

let running = 0;
const waiting: Array<() => void> = [];

/** Converts a .doc or .rtf file's bytes to DOCX bytes. Never throws. */
export async function docxFromLibreOffice(
  bytes: Uint8Array,
  extension: 'doc' | 'rtf',
  settings: LibreOfficeSettings,
): Promise<Conversion> {
  await slot(settings.maxConcurrent);
  let dir: string | null = null;
  try {
    dir = await mkdtemp(join(tmpdir(), 'reportflow-convert-'));
    const profile = join(dir, 'profile');
    await mkdir(join(profile, 'user'), { recursive: true });
    await writeFile(join(profile, 'user', 'registrymodifications.xcu'), PROFILE_SETTINGS);
    const input = join(dir, `report.${extension}`);
    const outDir = join(dir, 'out');
    await writeFile(input, bytes);
    const run = await runSoffice(settings, dir, [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--invisible',
      '--nologo',
      '--norestore',
      '--nolockcheck',
      '--nodefault',
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      outDir,
      input,
    ]);
    if ('missing' in run) return run;
    if (run.timedOut)
      return { failure: `the conversion by LibreOffice took longer than ${settings.timeoutMs} ms and was stopped` };
    try {
      return { docx: new Uint8Array(await readFile(join(outDir, 'report.docx'))) };
    } catch {
      const said = run.output
        .split('\n')
        .filter((line) => line.trim() !== '' && !/javaldx|^convert /.test(line))
        .join(' ')
        .slice(0, 300);
      return {
        failure: `LibreOffice could not convert it (exit code ${run.code ?? run.signal}${said ? `: ${said}` : ''})`,
      };
    }
  } catch (error) {
    return { failure: `the conversion could not be run: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    release();
  }
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  output: string;
}

function runSoffice(settings: LibreOfficeSettings, dir: string, args: string[]): Promise<Run | { missing: string }> {
  return new Promise((resolve) => {
    // Its own process group, so the wrapper script, oosplash and soffice.bin die together;
    // only what LibreOffice needs from the environment, none of the service's secrets.
    const child = spawn(settings.command, args, {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin', HOME: dir, LANG: 'C.UTF-8', TMPDIR: dir },
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      if (output.length < MAX_OUTPUT_CHARS) output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let timedOut = false;
    const killGroup = () => {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, settings.timeoutMs);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(
        error.code === 'ENOENT' || error.code === 'EACCES'
          ? { missing: `LibreOffice (${settings.command}) is not installed or not runnable` }
          : { code: null, signal: null, timedOut: false, output: error.message },
      );
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      // Anything the converter left behind in its group goes too.
      killGroup();
      resolve({ code, signal, timedOut, output });
    });
  });
}

async function slot(max: number): Promise<void> {
  if (running < Math.max(1, max)) {
    running++;
    return;
  }
  await new Promise<void>((wake) => waiting.push(wake));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}
