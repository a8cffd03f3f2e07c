import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../../src/formats/shared/limits.js';
import { recordFromBytes } from '../../src/parse-report.js';
import { outcomeFromRecord } from './outcome.js';

/**
 * Parses one file in this process and prints one JSON line with the outcome, the
 * time and the memory it took, then parses a normal file to show the process is
 * still usable. Run it with --max-old-space-size so a blow-up ends this process,
 * not the caller. Usage: parse-one.js <file> <fileName> <normalFile> [limitsJson]
 */

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

async function main(): Promise<void> {
  const [file, fileName, normalFile, limitsJson] = process.argv.slice(2);
  if (!file || !fileName || !normalFile)
    throw new Error('usage: parse-one.js <file> <fileName> <normalFile> [limitsJson]');
  const limits: ParseLimits = {
    ...DEFAULT_PARSE_LIMITS,
    ...(limitsJson ? (JSON.parse(limitsJson) as Partial<ParseLimits>) : {}),
  };
  const bytes = readFileSync(file);
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const record = await recordFromBytes(bytes, fileName, { limits });
  const ms = performance.now() - started;
  const rssAfter = process.memoryUsage().rss;
  const maxRss = process.resourceUsage().maxRSS * 1024;

  const normalBytes = readFileSync(normalFile);
  const normalStarted = performance.now();
  const normal = await recordFromBytes(normalBytes, normalFile.split('/').pop()!);
  const normalMs = performance.now() - normalStarted;

  const pdfjsVersion = installedPdfjsVersion();
  process.stdout.write(
    `${JSON.stringify({
      outcome: outcomeFromRecord(record),
      messages: record.anomalies.map((a) => `${a.code}: ${a.message}`),
      ms: Math.round(ms),
      rssBeforeMb: mb(rssBefore),
      rssAfterMb: mb(rssAfter),
      maxRssMb: mb(maxRss),
      pwned: (globalThis as { pwned?: unknown }).pwned !== undefined,
      recordJson: JSON.stringify(record),
      normal: { outcome: outcomeFromRecord(normal), title: normal.report.title, ms: Math.round(normalMs) },
      pdfjsVersion,
    })}\n`,
  );
}

function installedPdfjsVersion(): string | null {
  try {
    const require = createRequire(import.meta.url);
    return (require('pdfjs-dist/package.json') as { version: string }).version;
  } catch {
    return null;
  }
}

main().catch((error: unknown) => {
  // recordFromBytes must never throw; if it does, say so on stdout so the caller can fail precisely.
  process.stdout.write(
    `${JSON.stringify({ outcome: 'threw', messages: [String(error instanceof Error ? error.stack : error)] })}\n`,
  );
  process.exitCode = 1;
});
