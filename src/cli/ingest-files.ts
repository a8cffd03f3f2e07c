import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isIgnoredName } from '../service/intake/ignored-names.js';

export class MissingPathError extends Error {
  constructor(readonly paths: string[]) {
    super(`no such file or folder: ${paths.join(', ')}`);
    this.name = 'MissingPathError';
  }
}

/**
 * The files to ingest from the paths given: files as named, folders walked
 * recursively, skipping hidden and temporary files inside them. Sorted, each
 * file once. Symbolic links to folders are not followed, so a link loop cannot
 * make the walk endless.
 */
export async function filesFromPaths(paths: string[]): Promise<string[]> {
  const missing: string[] = [];
  const found = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) missing.push(path);
    else if (info.isDirectory()) for (const file of await filesInFolder(resolve(path))) found.add(file);
    else if (info.isFile()) found.add(resolve(path));
  }
  if (missing.length > 0) throw new MissingPathError(missing);
  return [...found].sort();
}

async function filesInFolder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (isIgnoredName(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesInFolder(path)));
    else if (entry.isFile()) out.push(path);
    else if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null);
      if (target?.isFile()) out.push(path);
    }
  }
  return out;
}
