import cliProgress from 'cli-progress';

export interface Tally {
  ok: number;
  review: number;
  failed: number;
}

/**
 * Progress of one phase (uploading, parsing): a bar on a terminal; on a pipe or in
 * a log, plain lines — every finished file while parsing, every 100th while uploading.
 */
export interface IngestProgress {
  start(total: number): void;
  step(line: string | null, done: number, tally?: Tally): void;
  stop(): void;
}

const EMPTY_TALLY: Tally = { ok: 0, review: 0, failed: 0 };

export function progressFor(stream: NodeJS.WriteStream, phase: 'uploading' | 'parsing'): IngestProgress {
  return stream.isTTY ? barProgress(stream, phase) : lineProgress(stream, phase);
}

function barProgress(stream: NodeJS.WriteStream, phase: 'uploading' | 'parsing'): IngestProgress {
  const counts = phase === 'parsing' ? ' | ok {ok} | review {review} | failed {failed}' : '';
  const bar = new cliProgress.SingleBar(
    { stream, format: `${phase.padEnd(9)} [{bar}] {value}/{total}${counts} | {duration_formatted}`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { ...EMPTY_TALLY }),
    step: (_line, done, tally) => bar.update(done, { ...(tally ?? EMPTY_TALLY) }),
    stop: () => bar.stop(),
  };
}

function lineProgress(stream: NodeJS.WriteStream, phase: 'uploading' | 'parsing'): IngestProgress {
  let total = 0;
  return {
    start: (n) => {
      total = n;
      const plural = n === 1 ? '' : 's';
      stream.write(phase === 'uploading' ? `uploading ${n} file${plural}\n` : `waiting for ${n} record${plural}\n`);
    },
    step: (line, done) => {
      if (phase === 'parsing' && line) stream.write(`[${done}/${total}] ${line}\n`);
      else if (phase === 'uploading' && (done % 100 === 0 || done === total))
        stream.write(`uploaded ${done}/${total}\n`);
    },
    stop: () => {},
  };
}
