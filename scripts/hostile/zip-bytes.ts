import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A small zip writer (local headers, central directory, end record) so hostile
 * archives can state sizes that differ from the truth, share one compressed
 * payload between entries, or hold thousands of entries.
 */
export interface ZipEntry {
  name: string;
  /** Uncompressed content; ignored when `raw` is given. */
  data?: Uint8Array | string;
  /** Already-deflated bytes with their true size and CRC, reused across entries. */
  raw?: DeflatedPayload;
  /** Sizes written into the headers instead of the true ones (a lying archive). */
  declaredUncompressedSize?: number;
  /** Store `data` uncompressed (an OpenDocument's `mimetype` entry must be stored). */
  stored?: boolean;
}

export interface DeflatedPayload {
  compressed: Buffer;
  size: number;
  crc: number;
}

export function deflatedPayload(data: Uint8Array | string): DeflatedPayload {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  return { compressed: deflateRawSync(buf, { level: 9 }), size: buf.length, crc: crc32(buf) };
}

function storedPayload(data: Uint8Array | string): DeflatedPayload {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  return { compressed: buf, size: buf.length, crc: crc32(buf) };
}

/**
 * `size` zero bytes deflated without ever holding them: one 16 MiB chunk is
 * deflated with a full flush (byte-aligned, dictionary reset), repeated, and
 * closed by an empty final block, which is a valid raw deflate stream.
 */
export function zerosPayload(size: number): DeflatedPayload {
  const chunkSize = 16 * 1024 * 1024;
  if (size % chunkSize !== 0) throw new Error('zerosPayload: size must be a multiple of 16 MiB');
  const chunk = Buffer.alloc(chunkSize);
  const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const count = size / chunkSize;
  let crc = 0;
  for (let i = 0; i < count; i++) crc = crc32(chunk, crc);
  const finalEmptyBlock = Buffer.from([0x03, 0x00]);
  return { compressed: Buffer.concat([...Array<Buffer>(count).fill(block), finalEmptyBlock]), size, crc };
}

export function zipFromEntries(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const payload = entry.raw ?? (entry.stored ? storedPayload(entry.data ?? '') : deflatedPayload(entry.data ?? ''));
    const method = entry.stored && !entry.raw ? 0 : 8;
    const name = Buffer.from(entry.name, 'utf8');
    const declared = entry.declaredUncompressedSize ?? payload.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8); // stored or deflate
    local.writeUInt32LE(0, 10); // time/date
    local.writeUInt32LE(payload.crc >>> 0, 14);
    local.writeUInt32LE(payload.compressed.length, 18);
    local.writeUInt32LE(declared >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, payload.compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(payload.crc >>> 0, 16);
    central.writeUInt32LE(payload.compressed.length, 20);
    central.writeUInt32LE(declared >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + payload.compressed.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}
