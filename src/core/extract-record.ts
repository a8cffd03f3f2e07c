import type { Block } from '../blocks/model.js';
import type { ReportRecord, SourceInfo } from '../record/types.js';
import { DEFAULT_EXTRACT_OPTIONS, type ExtractOptions } from './options.js';

/** Blocks in, record out. Pure: no IO, never throws on document content. */
export function recordFromBlocks(
  blocks: Block[],
  source: SourceInfo,
  options: ExtractOptions = DEFAULT_EXTRACT_OPTIONS,
): ReportRecord {
  void blocks; void options;
  throw new Error(`not implemented yet for ${source.fileName}`);
}
