import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/**
 * Child processes run the compiled JavaScript, so the tests compile first. Type
 * errors elsewhere in the tree do not stop tsc from emitting, so its exit code is
 * not the signal: the presence of the files the caller needs is.
 */
export function compileOnce(needed: string[]): void {
  try {
    execFileSync(`${ROOT}/node_modules/.bin/tsc`, ['-p', `${ROOT}/tsconfig.json`], { stdio: 'pipe' });
  } catch {
    // reported below if it matters
  }
  for (const file of needed) {
    if (!existsSync(`${ROOT}/${file}`)) throw new Error(`${file} was not built; run npx tsc -p . to see why`);
  }
}
