import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ReportRecord } from '../../record/types.js';

/**
 * Appends the record as one line. The file is opened with O_APPEND and the line
 * goes out in a single write call, so lines from concurrent appenders (several
 * workers, several processes) never interleave.
 */
export async function appendRecordLine(path: string, record: ReportRecord): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const line = Buffer.from(`${JSON.stringify(record)}\n`);
  const file = await open(path, 'a');
  try {
    let written = 0;
    // A regular file takes the whole buffer at once; the loop only guards against a short write.
    while (written < line.length) {
      const { bytesWritten } = await file.write(line, written, line.length - written);
      written += bytesWritten;
    }
  } finally {
    await file.close();
  }
}
