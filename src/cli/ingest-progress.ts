import cliProgress from 'cli-progress';

export interface Tally {
  ok: number;
  review: number;
  failed: number;
}

/** Progress of the wait for records: a bar on a terminal, one plain line per finished file otherwise. */
export interface IngestProgress {
  start(total: number): void;
  finished(line: string, done: number, tally: Tally): void;
  stop(): void;
}

export function progressFor(stream: NodeJS.WriteStream): IngestProgress {
  return stream.isTTY ? barProgress(stream) : lineProgress(stream);
}

function barProgress(stream: NodeJS.WriteStream): IngestProgress {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'parsing [{bar}] {value}/{total} | ok {ok} | review {review} | failed {failed} | {duration_formatted}',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { ok: 0, review: 0, failed: 0 }),
    finished: (_line, done, tally) => bar.update(done, { ...tally }),
    stop: () => bar.stop(),
  };
}

function lineProgress(stream: NodeJS.WriteStream): IngestProgress {
  let total = 0;
  return {
    start: (n) => {
      total = n;
      stream.write(`waiting for ${n} record${n === 1 ? '' : 's'}\n`);
    },
    finished: (line, done) => stream.write(`[${done}/${total}] ${line}\n`),
    stop: () => {},
  };
}
