import { readFileSync } from 'node:fs';

/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per function and
 * per source file, highest first. Usage: node dist/bench/top-functions.js <file.cpuprofile> [N]
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function selfTimes(profile: CpuProfile): {
  byFunction: Map<string, number>;
  byFile: Map<string, number>;
  totalMs: number;
} {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = nodes.get(id)!.callFrame;
    const file = shortFile(frame.url) || `(${frame.functionName || 'native'})`;
    const fn = `${frame.functionName || '(anonymous)'} ${file}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
    byFile.set(file, (byFile.get(file) ?? 0) + ms);
    totalMs += ms;
  });
  return { byFunction, byFile, totalMs };
}

function shortFile(url: string): string {
  return url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, '')
    .replace(/^.*\/dist\//, '');
}

function top(map: Map<string, number>, n: number, totalMs: number): string[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((ms / totalMs) * 100).toFixed(1).padStart(5)} %  ${name}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, n = '15'] = process.argv.slice(2);
  if (!path) throw new Error('usage: top-functions.js <file.cpuprofile> [N]');
  const { byFunction, byFile, totalMs } = selfTimes(JSON.parse(readFileSync(path, 'utf8')) as CpuProfile);
  console.log(`total sampled: ${totalMs.toFixed(0)} ms\n\nself time by function:`);
  console.log(top(byFunction, Number(n), totalMs).join('\n'));
  console.log('\nself time by file:');
  console.log(top(byFile, Number(n), totalMs).join('\n'));
}
