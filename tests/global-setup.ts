import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

// Sandboxed workers and spawned CLIs run compiled JavaScript: build once before all tests.
// Type errors do not block emitting, so a half-finished file elsewhere does not stop the run.
export default function buildOnce(): void {
  const result = spawnSync('npx', ['tsc', '-p', '.'], { stdio: 'inherit' });
  if (!existsSync('dist/workers/parse-processor.js')) {
    throw new Error(`the build did not produce dist/ (tsc exit code ${result.status})`);
  }
}
