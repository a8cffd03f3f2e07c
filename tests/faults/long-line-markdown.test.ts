import { expect, it } from 'vitest';
import { TimedParser } from '../../src/service/parse/timed-parser.js';

// The parse thread as the service runs it (1 GB heap), with a deadline far beyond what
// the file needs now, so only running out of memory or a parse of minutes can fail it.
it('reads a 4 MB single-line Markdown file of unmatched backticks within the parse thread limits', async () => {
  const parser = new TimedParser(150_000, {});
  try {
    const line = Buffer.from('`code '.repeat(700_000));
    const record = await parser.parse(line, 'one-line.md');
    expect(record.anomalies.filter((a) => a.severity === 'error')).toEqual([]);
    expect(record.source.format).toBe('markdown');
  } finally {
    await parser.close();
  }
}, 180_000);
