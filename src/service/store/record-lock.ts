import { hostname } from 'node:os';
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { errnoCode } from '../error-details.js';

/** The lock is someone else's right now. */
export class LockBusyError extends Error {
  constructor(readonly id: string) {
    super(`record ${id} is locked by another decision under way`);
    this.name = 'LockBusyError';
  }
}

interface LockOwner {
  pid: number;
  host: string;
  at: string;
}

/**
 * Runs `work` holding an exclusive lock on one record id: a file created with
 * O_EXCL in `dir`, which only one caller can create, in this process or any
 * other sharing the folder. A second caller gets LockBusyError at once instead
 * of waiting. A lock left by a process that died (same host, pid gone) is taken
 * over; one from another host is left for a person to judge.
 */
export async function withRecordLock<T>(dir: string, id: string, work: () => Promise<T>): Promise<T> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${id}.lock`);
  if (!(await tryCreate(path)) && !((await isStale(path)) && (await takeOver(path)))) throw new LockBusyError(id);
  try {
    return await work();
  } finally {
    await unlink(path).catch(() => {});
  }
}

async function tryCreate(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    const owner: LockOwner = { pid: process.pid, host: hostname(), at: new Date().toISOString() };
    await handle.writeFile(JSON.stringify(owner));
  } finally {
    await handle.close();
  }
  return true;
}

async function isStale(path: string): Promise<boolean> {
  let owner: unknown;
  try {
    owner = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    // Gone meanwhile, or caught between create and write: not stale, just busy.
    return false;
  }
  const pid = fieldOf(owner, 'pid');
  if (fieldOf(owner, 'host') !== hostname() || typeof pid !== 'number') return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return errnoCode(error) === 'ESRCH';
  }
}

async function takeOver(path: string): Promise<boolean> {
  await unlink(path).catch(() => {});
  return tryCreate(path);
}

function fieldOf(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && key in value ? Reflect.get(value, key) : undefined;
}
