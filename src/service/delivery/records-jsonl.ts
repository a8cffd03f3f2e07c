import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ReportRecord } from '../../record/types.js';

/**
 * Appends the record as one line. The file is opened with O_APPEND and the line
 * goes out in a single write call, so lines from concurrent appenders (several
 * workers, several processes) never interleave.
 *
 * A process killed in the middle of that write (Linux cuts a write short when
 * SIGKILL arrives) leaves a torn line without its newline; the delivery was not
 * completed, so it comes again. The next line then starts on a line of its own,
 * leaving the torn piece as one unreadable line rather than gluing two records.
 */
export async function appendRecordLine(path: string, record: ReportRecord): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const file = await open(path, 'a+');
  try {
    const line = Buffer.from(`${(await endsTorn(file)) ? '\n' : ''}${JSON.stringify(record)}\n`);
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

async function endsTorn(file: FileHandle): Promise<boolean> {
  const { size } = await file.stat();
  if (size === 0) return false;
  const last = Buffer.alloc(1);
  await file.read(last, 0, 1, size - 1);
  return last[0] !== 0x0a;
}
