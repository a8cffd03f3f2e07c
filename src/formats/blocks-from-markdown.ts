import type { BlocksResult } from '../blocks/model.js';

export function blocksFromMarkdown(text: string): BlocksResult {
  void text;
  throw new Error('not implemented yet');
}
