import type { ParseOptions } from '../../parse-report.js';
import type { ReportRecord } from '../../record/types.js';
import { ParserClosedError, TimedParser } from './timed-parser.js';

/**
 * A fixed set of long-lived, warmed parse threads shared by the jobs of one
 * worker. A job that reaches its parse step while every thread is busy waits
 * here, first come first served; its time limit starts only once a thread has
 * its file. Letting more jobs run than there are threads keeps each thread fed:
 * one job's file read, record write and queue round trips happen while another
 * job parses.
 */
export class ParserSlots {
  private readonly all: TimedParser[];
  private readonly free: TimedParser[];
  private readonly waiting: Array<(parser: TimedParser | null) => void> = [];
  private closed = false;

  constructor(slots: number, limitMs: number, options: ParseOptions, threadFile?: string) {
    this.all = Array.from({ length: slots }, () => new TimedParser(limitMs, options, threadFile));
    this.free = [...this.all];
  }

  /** Starts every thread now, so the first jobs do not wait for the PDF and Word readers to load. */
  warm(): void {
    for (const parser of this.all) parser.warm();
  }

  get size(): number {
    return this.all.length;
  }

  async parse(bytes: Uint8Array, fileName: string): Promise<ReportRecord> {
    const parser = await this.take();
    try {
      return await parser.parse(bytes, fileName);
    } finally {
      this.give(parser);
    }
  }

  /** Ends every thread; parses under way or waiting for a thread reject with ParserClosedError. */
  async close(): Promise<void> {
    this.closed = true;
    for (const wake of this.waiting.splice(0)) wake(null);
    await Promise.all(this.all.map((parser) => parser.close()));
  }

  private async take(): Promise<TimedParser> {
    if (this.closed) throw new ParserClosedError();
    const parser = this.free.pop() ?? (await new Promise<TimedParser | null>((wake) => this.waiting.push(wake)));
    if (!parser) throw new ParserClosedError();
    return parser;
  }

  private give(parser: TimedParser): void {
    const next = this.waiting.shift();
    if (next) next(parser);
    else this.free.push(parser);
  }
}
