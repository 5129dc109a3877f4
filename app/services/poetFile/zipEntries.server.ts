// An .xlsx workbook is a zip archive, and a zip can say it holds a few kilobytes that inflate to gigabytes.
// So we read its central directory ourselves and refuse it on the sizes it declares before inflating
// anything, then inflate only the parts we read, counting bytes: a part that inflates past what it
// declared stops at once (declared sizes can lie).
import { Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";

/** One file inside the archive, as its central directory describes it. */
export type ZipEntry = { name: string; method: number; crc32: number; compressedSize: number; uncompressedSize: number; dataStart: number };

/** Why an archive cannot be read, in words for the person who sent it ("its directory is cut short"). */
export class ZipRefusal extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const MAX_32 = 0xffffffff;

const damaged = (why: string) => new ZipRefusal(why);

/** The archive's entries as its central directory declares them; throws ZipRefusal when it is not a readable zip. */
export function readZipDirectory(bytes: Buffer): ZipEntry[] {
  const end = findEndOfDirectory(bytes);
  let count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if ((count === 0xffff || offset === MAX_32) && end >= 20 && bytes.readUInt32LE(end - 20) === ZIP64_LOCATOR) {
    const record = safeNumber(bytes.readBigUInt64LE(end - 12));
    if (record + 56 > bytes.length) throw damaged("its zip64 directory lies outside the file");
    count = safeNumber(bytes.readBigUInt64LE(record + 32));
    offset = safeNumber(bytes.readBigUInt64LE(record + 48));
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== DIRECTORY_ENTRY) throw damaged("its directory is cut short");
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const sizes = {
      compressedSize: bytes.readUInt32LE(offset + 20),
      uncompressedSize: bytes.readUInt32LE(offset + 24),
      localHeader: bytes.readUInt32LE(offset + 42),
    };
    const name = bytes.toString("utf8", offset + 46, offset + 46 + nameLength);
    readZip64Sizes(bytes.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength), sizes);
    entries.push({
      name,
      method: bytes.readUInt16LE(offset + 10),
      crc32: bytes.readUInt32LE(offset + 16),
      compressedSize: sizes.compressedSize,
      uncompressedSize: sizes.uncompressedSize,
      dataStart: localDataStart(bytes, sizes.localHeader, sizes.compressedSize),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw damaged("it has no zip directory");
}

function readZip64Sizes(extra: Buffer, sizes: { compressedSize: number; uncompressedSize: number; localHeader: number }): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + size || field + 8 > extra.length) throw damaged("its zip64 sizes are cut short");
        const value = safeNumber(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (sizes.uncompressedSize === MAX_32) sizes.uncompressedSize = next();
      if (sizes.compressedSize === MAX_32) sizes.compressedSize = next();
      if (sizes.localHeader === MAX_32) sizes.localHeader = next();
      return;
    }
    at += 4 + size;
  }
}

function localDataStart(bytes: Buffer, header: number, compressedSize: number): number {
  if (header + 30 > bytes.length || bytes.readUInt32LE(header) !== LOCAL_HEADER) throw damaged("a part of it is missing");
  const start = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
  if (start + compressedSize > bytes.length) throw damaged("a part of it is cut short");
  return start;
}

// Sizes past 2^53 are certainly over any cap; keep them as a number that is.
const safeNumber = (value: bigint): number => (value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value));

/** The declared size of everything in the archive once inflated. */
export function declaredUncompressedBytes(entries: readonly ZipEntry[]): number {
  return entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
}

/**
 * Inflates one entry as a stream of chunks, stopping with a ZipRefusal as soon as it yields more than
 * it declared: a lying entry costs at most its declared size (and the declared sizes are capped).
 */
export async function* inflateEntry(bytes: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const compressed = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw damaged(`its part ${entry.name} is not the size it says`);
    yield compressed;
    return;
  }
  if (entry.method !== 8) throw damaged(`its part ${entry.name} is compressed in a way Excel does not use`);
  const inflater = createInflateRaw();
  let produced = 0;
  try {
    for await (const chunk of Readable.from([compressed]).pipe(inflater) as AsyncIterable<Buffer>) {
      produced += chunk.length;
      if (produced > entry.uncompressedSize) throw damaged(`its part ${entry.name} expands to more than it says`);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipRefusal) throw error;
    throw damaged(`its part ${entry.name} cannot be inflated`);
  } finally {
    inflater.destroy();
  }
  if (produced !== entry.uncompressedSize) throw damaged(`its part ${entry.name} is shorter than it says`);
}

/**
 * The chosen entries, inflated by inflateEntry, as a new archive of uncompressed ("stored") parts in the
 * order given: what a streaming zip reader such as exceljs's can read without inflating anything itself.
 */
export function storedArchive(bytes: Buffer, entries: readonly ZipEntry[]): Readable {
  return Readable.from(
    (async function* () {
      for (const entry of entries) {
        const name = Buffer.from(entry.name, "utf8");
        const header = Buffer.alloc(30);
        header.writeUInt32LE(LOCAL_HEADER, 0);
        header.writeUInt16LE(20, 4);
        header.writeUInt16LE(0x0800, 6); // the name is UTF-8
        header.writeUInt32LE(entry.crc32, 14);
        header.writeUInt32LE(entry.uncompressedSize, 18);
        header.writeUInt32LE(entry.uncompressedSize, 22);
        header.writeUInt16LE(name.length, 26);
        yield Buffer.concat([header, name]);
        yield* inflateEntry(bytes, entry);
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(END_OF_DIRECTORY, 0);
      yield end;
    })(),
    { objectMode: false },
  );
}
