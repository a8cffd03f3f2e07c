import { spawnSync } from 'node:child_process';

/** Mean milliseconds per call after warm-up runs; repeats until both minimums are met. */
export async function meanMs(
  work: () => Promise<unknown>,
  { warmups = 2, minRuns = 5, minMs = 1500, maxRuns = 50 } = {},
): Promise<number> {
  for (let i = 0; i < warmups; i++) await work();
  const started = performance.now();
  let runs = 0;
  while (runs < minRuns || (performance.now() - started < minMs && runs < maxRuns)) {
    await work();
    runs++;
  }
  return (performance.now() - started) / runs;
}

/** Mean wall time of a spawned command over the same file (process start included, as a user would run it). */
export function commandMeanMs(command: string, args: string[], runs = 3): number | null {
  const once = () => {
    const t = performance.now();
    const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'ignore'], timeout: 120_000 });
    if (result.error || result.status !== 0) return null;
    return performance.now() - t;
  };
  if (once() === null) return null;
  let total = 0;
  for (let i = 0; i < runs; i++) {
    const ms = once();
    if (ms === null) return null;
    total += ms;
  }
  return total / runs;
}

/** Peak RSS of a command in MB, read from GNU time's "Maximum resident set size". */
export function commandPeakRssMb(command: string, args: string[]): number | null {
  const result = spawnSync('/usr/bin/time', ['-v', command, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 120_000,
  });
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr ?? '')?.[1];
  return kb ? Number(kb) / 1024 : null;
}
