import { burstFiles } from '../scripts/load/burst-files.js';
import { percentile, runBurst, type BurstFile } from '../scripts/load/pipeline-run.js';

export interface QueueFigure {
  workers: number;
  files: number;
  records: number;
  docsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  /** Time a worker spends per document beyond the in-process parse, as a share of the parse. */
  overhead: number | null;
  /** BullMQ's processedOn -> finishedOn, median. */
  activeP50Ms: number;
  /** The job body's own duration (read, parse, save, move), median. */
  bodyP50Ms: number;
}

/** Two files per sandbox, distinct from the measured ones, so start-up and first-parse costs stay out of the figures. */
function warmupFor(workers: number) {
  return burstFiles(2 * workers, ['pdf'], 10_000_000);
}

/** A burst of two-page PDFs through inbox -> queue -> sandboxed workers -> records. */
export async function burstThroughput(
  redisUrl: string,
  workers: number,
  files: number,
  parseMsPerDoc: number,
  cores: number,
): Promise<QueueFigure> {
  const result = await runBurst(burstFiles(files, ['pdf']), {
    redisUrl,
    concurrency: workers,
    timeoutMs: 300_000,
    warmup: warmupFor(workers),
  });
  const busyWorkers = Math.min(workers, cores);
  const workerMsPerDoc = (result.wallMs * busyWorkers) / Math.max(1, result.records);
  return {
    workers,
    files,
    records: result.records,
    docsPerSecond: result.records / (result.wallMs / 1000),
    p50Ms: percentile(result.latenciesMs, 50),
    p95Ms: percentile(result.latenciesMs, 95),
    overhead: parseMsPerDoc > 0 ? (workerMsPerDoc - parseMsPerDoc) / parseMsPerDoc : null,
    activeP50Ms: percentile(result.stages.processing, 50),
    bodyP50Ms: percentile(result.stages.parse, 50),
  };
}

/** Light load: one file every `spacingMs`, so latency is the pipeline's own, not queueing. */
export async function lightLoadLatency(
  redisUrl: string,
  workers: number,
  files: number,
  spacingMs: number,
): Promise<{ p50Ms: number; p95Ms: number; records: number }> {
  const result = await runBurst(burstFiles(files, ['pdf']), {
    redisUrl,
    concurrency: workers,
    timeoutMs: 120_000,
    spacingMs,
    warmup: warmupFor(workers),
  });
  return {
    p50Ms: percentile(result.latenciesMs, 50),
    p95Ms: percentile(result.latenciesMs, 95),
    records: result.records,
  };
}

export interface ScanQueueFigure {
  workers: number;
  files: number;
  records: number;
  /** Pages of the files that came out as records, as their records count them. */
  pages: number;
  wallMs: number;
  scansPerMinute: number;
  pagesPerMinute: number;
  p50Ms: number;
  p95Ms: number;
}

/**
 * Scans through inbox -> queue -> parse threads -> records, dropped at once. One small
 * scan per worker goes first, so every parse thread has loaded sharp and found the OCR
 * engine before the measured files arrive.
 */
export async function scanBurstThroughput(
  redisUrl: string,
  workers: number,
  files: BurstFile[],
  warmup: BurstFile[],
): Promise<ScanQueueFigure> {
  const result = await runBurst(files, {
    redisUrl,
    concurrency: workers,
    timeoutMs: 900_000,
    warmup: warmup.slice(0, workers),
    keepRecords: true,
  });
  const pages = [...result.recordsByName.values()].reduce((sum, record) => sum + (record.source.pages ?? 0), 0);
  const minutes = result.wallMs / 60_000;
  return {
    workers,
    files: files.length,
    records: result.records,
    pages,
    wallMs: result.wallMs,
    scansPerMinute: result.records / minutes,
    pagesPerMinute: pages / minutes,
    p50Ms: percentile(result.latenciesMs, 50),
    p95Ms: percentile(result.latenciesMs, 95),
  };
}
