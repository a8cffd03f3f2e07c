import { readFileSync } from 'node:fs';
import { profileChoiceFromBlocks, readingsFromOptions } from '../src/core/profile-choice.js';
import { blocksFor } from '../src/parse-report.js';
import { formatFromBytes } from '../src/formats/shared/detect-format.js';
import { DEFAULT_PARSE_LIMITS } from '../src/formats/shared/limits.js';
import { defaultExtractOptions } from '../src/profiles/load-profiles.js';
import type { Block } from '../src/blocks/model.js';
import type { BenchFile } from './bench-corpus.js';
import { meanMs } from './timing.js';

export interface ProfileChoiceFigure {
  format: string;
  files: number;
  parseMsPerDoc: number;
  choiceMsPerDoc: number;
  /** Choice time as a share of the whole parse (which includes it). */
  share: number;
}

/**
 * What choosing the profile and language costs beside parsing: the choice alone
 * (profileChoiceFromBlocks over the blocks the adapters gave, every shipped profile in
 * every language weighed) against the warm parse of the same files.
 */
export async function profileChoiceFigures(
  files: BenchFile[],
  parseMsPerDoc: (format: string) => number | undefined,
): Promise<ProfileChoiceFigure[]> {
  const readings = readingsFromOptions(defaultExtractOptions());
  const figures: ProfileChoiceFigure[] = [];
  for (const format of ['markdown', 'docx', 'pdf'] as const) {
    const group = files.filter((f) => f.format === format);
    const parseMs = parseMsPerDoc(format);
    if (group.length === 0 || parseMs === undefined) continue;
    const documents: Block[][] = [];
    for (const file of group) {
      const bytes = new Uint8Array(readFileSync(file.path));
      const detected = formatFromBytes(bytes);
      if (detected === 'unknown') continue;
      const result = await blocksFor(detected, bytes, DEFAULT_PARSE_LIMITS).catch(() => null);
      documents.push(result?.blocks ?? []);
    }
    const msPerBatch = await meanMs(async () => {
      for (const blocks of documents) profileChoiceFromBlocks(blocks, readings);
    });
    const choiceMs = msPerBatch / group.length;
    figures.push({
      format,
      files: group.length,
      parseMsPerDoc: parseMs,
      choiceMsPerDoc: choiceMs,
      share: choiceMs / parseMs,
    });
  }
  return figures;
}
