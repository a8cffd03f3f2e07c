import type { BlocksResult } from '../blocks/model.js';
import type { ParseLimits } from './limits.js';

export async function blocksFromDocx(bytes: Uint8Array, limits: ParseLimits): Promise<BlocksResult> {
  void bytes; void limits;
  throw new Error('not implemented yet');
}
