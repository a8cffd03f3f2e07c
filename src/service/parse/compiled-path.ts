import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Absolute path of a compiled file (e.g. "workers/parse-processor.js") for code that
 * hands a file to a sandbox or thread. Compiled code finds it next to itself under
 * dist/; code run from TypeScript source (tests) finds it under dist/ in the repo.
 */
export function compiledFile(relativeToRoot: string): string {
  const here = new URL('.', import.meta.url);
  const beside = fileURLToPath(new URL(`../../../${relativeToRoot}`, here));
  if (import.meta.url.endsWith('.js') && existsSync(beside)) return beside;
  return fileURLToPath(new URL(`../../../dist/${relativeToRoot}`, here));
}
