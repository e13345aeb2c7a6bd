import { StringDecoder } from 'node:string_decoder';
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { columnLetter } from './import.cells.js';

// A workbook read as a stream (exceljs's streaming reader): rows come one by one, each cell
// as the text the office sees, so a 20,000-row file never sits in memory as a workbook.

export type Cells = Record<string, string>;

const pad = (n: number) => String(n).padStart(2, '0');

/** The text of one cell: dates as YYYY-MM-DD (Excel keeps days as UTC midnights), formulas by their result. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText))
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in v) return cellText(v.result);
    if (typeof v.text === 'string') return v.text.trim();
  }
  return '';
}

/** One entry of a zip archive, found through its central directory and inflated (small entries only). */
function zipEntry(file: Buffer, name: string): string | null {
  const eocd = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > file.length) return null;
  const count = file.readUInt16LE(eocd + 10);
  let at = file.readUInt32LE(eocd + 16);
  for (let i = 0; i < count && at + 46 <= file.length; i++) {
    if (file.readUInt32LE(at) !== 0x02014b50) return null;
    const method = file.readUInt16LE(at + 10);
    const compressed = file.readUInt32LE(at + 20);
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    const local = file.readUInt32LE(at + 42);
    if (file.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
      const data = file.subarray(start, start + compressed);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * The sheet names and their parts, read before streaming. exceljs's streaming reader names a
 * sheet from xl/workbook.xml, and fails on a sheet stored in the archive before that part —
 * as exceljs itself, writing its parts concurrently, sometimes stores them.
 */
function workbookParts(file: Buffer) {
  const workbook = zipEntry(file, 'xl/workbook.xml');
  const rels = zipEntry(file, 'xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) return null;
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? '';
  const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\s[^>]*>/g)].map(([tag]) => ({
    name: unescapeXml(attr(tag, 'name')),
    id: Number(attr(tag, 'sheetId')),
    rId: attr(tag, 'r:id'),
  }));
  const relationships = [...rels.matchAll(/<Relationship\s[^>]*>/g)].map(([tag]) => ({
    Id: attr(tag, 'Id'),
    Target: attr(tag, 'Target').replace(/^\/?xl\//, ''),
    Type: attr(tag, 'Type'),
  }));
  return { sheets, relationships };
}

/** Bytes as UTF-8 text, a character split across two chunks kept whole. */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}

type PartParsers = {
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
};

/**
 * exceljs's streaming reader decodes each chunk of a part on its own, so a Chinese character
 * that straddles two chunks comes out as U+FFFD; its parts are handed text decoded as a stream.
 */
function decodeWholeCharacters(reader: object): void {
  const parsers = reader as PartParsers;
  const worksheet = parsers._parseWorksheet;
  const sharedStrings = parsers._parseSharedStrings;
  parsers._parseWorksheet = function (iterator, sheetNo) {
    return worksheet.call(this, utf8(iterator) as unknown as AsyncIterable<Buffer>, sheetNo);
  };
  parsers._parseSharedStrings = function (entry) {
    entry.setEncoding('utf8');
    return sharedStrings.call(this, entry);
  };
}

export interface ReadProgress {
  /** Bytes of the file consumed so far, of `size`. */
  read: number;
  size: number;
}

/**
 * Reads every row of every sheet, in order, to `onRow` (awaited, so the caller can write a
 * chunk and yield). Empty rows are skipped. Throws if the file is not an .xlsx workbook.
 */
export async function readWorkbook(
  file: Buffer,
  onRow: (sheet: string, rowNo: number, cells: Cells) => Promise<void>,
  onProgress?: (p: ReadProgress) => void,
): Promise<void> {
  let read = 0;
  const chunkSize = 64 * 1024;
  const source = Readable.from(
    (function* () {
      for (let at = 0; at < file.length; at += chunkSize) {
        const chunk = file.subarray(at, at + chunkSize);
        read = at + chunk.length;
        yield chunk;
      }
    })(),
  );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  decodeWholeCharacters(reader);
  const parts = workbookParts(file);
  if (parts) Object.assign(reader, { model: { sheets: parts.sheets }, workbookRels: parts.relationships });
  for await (const sheet of reader) {
    const name = (sheet as unknown as { name?: string }).name ?? '';
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const cells: Cells = {};
      const values = row.values as unknown[];
      for (let c = 1; c < values.length; c++) {
        const text = cellText(values[c]);
        if (text !== '') cells[columnLetter(c)] = text;
      }
      if (Object.keys(cells).length > 0) await onRow(name, row.number, cells);
      onProgress?.({ read, size: file.length });
    }
  }
}
