import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

// The parts of an .xlsx archive, found through its central directory rather than read in the
// order they are stored: a workbook's parts come in any order (exceljs itself, writing them
// concurrently, stores them differently each time), and the reader needs the shared strings
// and the styles before any sheet.

export interface ZipPart {
  method: number;
  /** Where the part's stored bytes start in the file. */
  start: number;
  compressedSize: number;
  size: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/** Not an archive this reader understands; the job reports it as a file that is not Excel. */
export class NotAZipArchive extends Error {
  constructor(why: string) {
    super(`invalid zip archive: ${why}`);
  }
}

export function zipParts(file: Buffer): Map<string, ZipPart> {
  if (file.length < 22) throw new NotAZipArchive('too short');
  // The end record sits in the last 22 bytes plus an archive comment of at most 64 KiB.
  const from = Math.max(0, file.length - 22 - 0xffff);
  let eocd = -1;
  for (let at = file.length - 22; at >= from; at--) {
    if (file.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new NotAZipArchive('no central directory');
  const count = file.readUInt16LE(eocd + 10);
  let at = file.readUInt32LE(eocd + 16);
  const parts = new Map<string, ZipPart>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== CENTRAL_HEADER)
      throw new NotAZipArchive('broken central directory');
    const nameLength = file.readUInt16LE(at + 28);
    const local = file.readUInt32LE(at + 42);
    if (local + 30 > file.length || file.readUInt32LE(local) !== LOCAL_HEADER)
      throw new NotAZipArchive('broken local header');
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    const compressedSize = file.readUInt32LE(at + 20);
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    if (start + compressedSize > file.length) throw new NotAZipArchive(`truncated part ${name}`);
    parts.set(name, { method: file.readUInt16LE(at + 10), start, compressedSize, size: file.readUInt32LE(at + 24) });
    at += 46 + nameLength + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return parts;
}

function storedBytes(file: Buffer, part: ZipPart): Buffer {
  if (part.method !== 0 && part.method !== 8) throw new NotAZipArchive(`compression method ${part.method}`);
  return file.subarray(part.start, part.start + part.compressedSize);
}

/** A small part (the workbook, its relationships, the styles, the shared strings), whole. */
export function partText(file: Buffer, part: ZipPart): string {
  const stored = storedBytes(file, part);
  return (part.method === 8 ? inflateRawSync(stored) : stored).toString('utf8');
}

/** A large part (a worksheet) as a stream of bytes, inflated as it is read. */
export function partStream(file: Buffer, part: ZipPart): AsyncIterable<Buffer> {
  const stored = Readable.from([storedBytes(file, part)]);
  return part.method === 8 ? stored.pipe(createInflateRaw()) : stored;
}
