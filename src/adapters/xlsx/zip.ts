import * as zlib from "zlib";

/**
 * A zip archive's central directory, read without unpacking anything: what an .xlsx package
 * holds, where each entry's data lies and what it says it unpacks to. Only what .xlsx files use:
 * stored or deflated entries, no ZIP64 (Balans reads files up to 50 MB), no encryption.
 */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
  /** The entry's central directory record, as it is in the archive. */
  central: Buffer;
}

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function readZipDirectory(zip: Buffer): ZipEntry[] {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError("zip-filens innehållsförteckning saknas");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw new ZipError("ZIP64 läses inte");
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL)
      throw new ZipError("zip-filens innehållsförteckning är skadad");
    const nameLength = zip.readUInt16LE(at + 28);
    const recordLength = 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (at + recordLength > zip.length)
      throw new ZipError("zip-filens innehållsförteckning är skadad");
    const flags = zip.readUInt16LE(at + 8);
    const entry: ZipEntry = {
      name: zip.toString(flags & 0x800 ? "utf8" : "latin1", at + 46, at + 46 + nameLength),
      flags,
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      offset: zip.readUInt32LE(at + 42),
      central: zip.subarray(at, at + recordLength),
    };
    readZip64Sizes(
      entry,
      zip.subarray(at + 46 + nameLength, at + 46 + nameLength + zip.readUInt16LE(at + 30))
    );
    entries.push(entry);
    at += recordLength;
  }
  return entries;
}

const MAX32 = 0xffffffff;

/**
 * Some programs write an entry's sizes and offset in a ZIP64 extra field (and 0xFFFFFFFF in the
 * record) even for a small file; the real values are read from there, in the order the format
 * gives: size, compressed size, offset, each present only when its field is 0xFFFFFFFF.
 */
function readZip64Sizes(entry: ZipEntry, extra: Buffer): void {
  if (entry.size !== MAX32 && entry.compressedSize !== MAX32 && entry.offset !== MAX32) return;
  for (let i = 0; i + 4 <= extra.length;) {
    const id = extra.readUInt16LE(i);
    const length = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let at = i + 4;
      const next = (): number => {
        if (at + 8 > i + 4 + length || at + 8 > extra.length)
          throw new ZipError(`${entry.name}: ZIP64-fältet är skadat`);
        const value = extra.readBigUInt64LE(at);
        at += 8;
        if (value > BigInt(Number.MAX_SAFE_INTEGER))
          throw new ZipError(`${entry.name} är för stor`);
        return Number(value);
      };
      if (entry.size === MAX32) entry.size = next();
      if (entry.compressedSize === MAX32) entry.compressedSize = next();
      if (entry.offset === MAX32) entry.offset = next();
      return;
    }
    i += 4 + length;
  }
  throw new ZipError(`${entry.name}: storleken saknas (ZIP64-fältet finns inte)`);
}

/**
 * The total unpacked size of a zip archive, from its central directory (what each entry says it
 * unpacks to), without unpacking anything; undefined when the archive is damaged.
 */
export function unpackedSize(zip: Buffer): number | undefined {
  try {
    return readZipDirectory(zip).reduce((sum, e) => sum + e.size, 0);
  } catch {
    return undefined;
  }
}

/** Where an entry's compressed bytes lie (after its local header). */
export function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.offset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL)
    throw new ZipError(`${entry.name} är skadad i zip-filen`);
  if (entry.flags & 1) throw new ZipError(`${entry.name} är krypterad`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (start + entry.compressedSize > zip.length)
    throw new ZipError(`${entry.name} är skadad i zip-filen`);
  return zip.subarray(start, start + entry.compressedSize);
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 as zip archives use it, continued from `previous`: Node's own where it has one. */
export function crc32(data: Buffer, previous = 0): number {
  const native = (zlib as { crc32?: (d: Buffer, v?: number) => number }).crc32;
  return native ? native(data, previous) : crc32ByTable(data, previous);
}

/** CRC-32 for Node versions before 20.15, which have no `zlib.crc32`. */
export function crc32ByTable(data: Buffer, previous = 0): number {
  let c = ~previous;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** A damaged entry unpacks to other bytes than were packed: its checksum tells. */
function checkEntry(entry: ZipEntry, size: number, crc: number): void {
  if (size !== entry.size || crc !== entry.crc)
    throw new ZipError(`${entry.name} är skadad: kontrollsumman stämmer inte`);
}

/** Unpacks a (small) entry at once; it may not unpack to more than it says. */
export function unpackEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const data = entryData(zip, entry);
  let out: Buffer;
  if (entry.method === 0) out = data;
  else if (entry.method !== 8) throw new ZipError(`${entry.name} är packad på ett okänt sätt`);
  else
    try {
      out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch (error) {
      throw new ZipError(`${entry.name} kan inte packas upp (${(error as Error).message})`);
    }
  checkEntry(entry, out.length, crc32(out));
  return out;
}

/**
 * Unpacks an entry piece by piece, handing each piece to `take`, so a large sheet never lies whole
 * in memory; `take` returns false when it needs no more (the rest is still unpacked, unread, to
 * check the entry's checksum). It may not unpack to more than it says.
 */
export async function streamEntry(
  zip: Buffer,
  entry: ZipEntry,
  take: (piece: Buffer) => boolean
): Promise<void> {
  const data = entryData(zip, entry);
  if (entry.method === 0) {
    checkEntry(entry, data.length, crc32(data));
    for (let at = 0; at < data.length; at += 1 << 16)
      if (!take(data.subarray(at, at + (1 << 16)))) return;
    return;
  }
  if (entry.method !== 8) throw new ZipError(`${entry.name} är packad på ett okänt sätt`);
  const inflater = zlib.createInflateRaw({ chunkSize: 1 << 16 });
  inflater.end(data);
  let total = 0;
  let crc = 0;
  let taking = true;
  try {
    for await (const piece of inflater as AsyncIterable<Buffer>) {
      total += piece.length;
      if (total > entry.size)
        throw new ZipError(`${entry.name} packas upp till mer än zip-filen anger`);
      crc = crc32(piece, crc);
      if (taking) taking = take(piece);
    }
    checkEntry(entry, total, crc);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code?.startsWith("Z_")) throw error;
    throw new ZipError(`${entry.name} kan inte packas upp (${(error as Error).message})`);
  } finally {
    inflater.destroy();
  }
}
