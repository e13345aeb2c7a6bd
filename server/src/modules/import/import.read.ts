import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { NotAZipArchive, partStream, partText, zipParts, type ZipPart } from './import.zip.js';

// A workbook read row by row, each cell as the text the office sees, so a 20,000-row file
// never sits in memory as a workbook. The parts are taken from the archive in the order the
// reading needs (workbook, shared strings, styles, then each sheet in the workbook's order),
// whatever order they are stored in; only the sheets are streamed.

export type Cells = Record<string, string>;

export interface ReadProgress {
  /** Bytes of the sheets read so far, of `size`. */
  read: number;
  size: number;
}

function parseXml(text: string, on: (parser: SaxesParser) => void): void {
  const parser = new SaxesParser();
  on(parser);
  parser.on('error', (err) => {
    throw new NotAZipArchive(`invalid xml: ${err.message}`);
  });
  parser.write(text).close();
}

interface SheetEntry {
  name: string;
  path: string;
}

/** The sheets in the workbook's order, each with its part's path, and the workbook's date system. */
function workbookOf(file: Buffer, parts: Map<string, ZipPart>): { sheets: SheetEntry[]; date1904: boolean } {
  const workbook = parts.get('xl/workbook.xml');
  if (!workbook) throw new NotAZipArchive('no xl/workbook.xml');
  const targets = new Map<string, string>();
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (rels)
    parseXml(partText(file, rels), (p) =>
      p.on('opentag', (tag) => {
        if (localName(tag) !== 'Relationship') return;
        const target = String(tag.attributes.Target ?? '');
        targets.set(String(tag.attributes.Id ?? ''), target.startsWith('/') ? target.slice(1) : `xl/${target}`);
      }),
    );
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  parseXml(partText(file, workbook), (p) =>
    p.on('opentag', (tag) => {
      const name = localName(tag);
      if (name === 'workbookPr') date1904 = ['1', 'true'].includes(String(tag.attributes.date1904 ?? ''));
      if (name !== 'sheet') return;
      const path = targets.get(String(tag.attributes['r:id'] ?? ''));
      if (path && parts.has(path)) sheets.push({ name: String(tag.attributes.name ?? ''), path });
    }),
  );
  return { sheets, date1904 };
}

const localName = (tag: SaxesTagPlain) => tag.name.slice(tag.name.indexOf(':') + 1);

/**
 * The text of each shared string: its runs joined, the phonetic guide (rPh) left out, as a
 * spreadsheet shows it.
 */
function sharedStringsOf(file: Buffer, part: ZipPart | undefined): string[] {
  const strings: string[] = [];
  if (!part) return strings;
  let text: string | null = null;
  let inT = false;
  let phonetic = 0;
  parseXml(partText(file, part), (p) => {
    p.on('opentag', (tag) => {
      const name = localName(tag);
      if (name === 'si') text = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inT = phonetic === 0;
    });
    const onText = (t: string) => {
      if (inT && text !== null) text += t;
    };
    p.on('text', onText);
    p.on('cdata', onText);
    p.on('closetag', (tag) => {
      const name = localName(tag);
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        strings.push(text ?? '');
        text = null;
      }
    });
  });
  return strings;
}

// Number formats Excel and WPS build in that show a date: 14–22 everywhere, 27–36 and 50–58
// in Chinese, Japanese and Korean locales (年月日), 45–47 times.
const BUILT_IN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** A format code shows a date when, outside quotes, brackets and escapes, it has a date or time letter. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/\[[^\]]*]/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '');
  return /[ymdhs]/i.test(bare);
}

/** For each cell style (its index is a cell's `s`), whether it shows a date. */
function dateStylesOf(file: Buffer, part: ZipPart | undefined): boolean[] {
  const isDate: boolean[] = [];
  if (!part) return isDate;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  parseXml(partText(file, part), (p) => {
    p.on('opentag', (tag) => {
      const name = localName(tag);
      if (name === 'numFmt') custom.set(Number(tag.attributes.numFmtId), String(tag.attributes.formatCode ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(tag.attributes.numFmtId ?? 0);
        const code = custom.get(id);
        isDate.push(code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id));
      }
    });
    p.on('closetag', (tag) => {
      if (localName(tag) === 'cellXfs') inCellXfs = false;
    });
  });
  return isDate;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An Excel day number as YYYY-MM-DD (Excel keeps days as UTC midnights). */
function dayText(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

interface CellContext {
  sharedStrings: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

/** The text of one cell from its type, style and value: dates as YYYY-MM-DD, formulas by their result. */
function cellValueText(type: string, style: number, value: string, ctx: CellContext): string {
  switch (type) {
    case 's':
      return (ctx.sharedStrings[Number.parseInt(value, 10)] ?? '').trim();
    case 'str':
    case 'inlineStr':
      return value.trim();
    case 'b':
      return value.trim() === '' ? '' : String(value.trim() !== '0');
    case 'e':
      return '';
    case 'd':
      return /^\d{4}-\d{2}-\d{2}/.exec(value.trim())?.[0] ?? value.trim();
    default: {
      if (value.trim() === '') return '';
      const n = Number.parseFloat(value);
      if (Number.isNaN(n)) return value.trim();
      return ctx.dateStyles[style] ? dayText(n, ctx.date1904) : String(n);
    }
  }
}

const columnOf = (ref: string) => /^[A-Z]+/i.exec(ref)?.[0].toUpperCase();

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function columnLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A worksheet part's rows, streamed: each chunk of XML parsed, then its finished rows handed on. */
async function readSheet(
  file: Buffer,
  part: ZipPart,
  ctx: CellContext,
  onRow: (rowNo: number, cells: Cells) => Promise<void>,
  onBytes: (n: number) => void,
): Promise<void> {
  const finished: { rowNo: number; cells: Cells }[] = [];
  let row: { rowNo: number; cells: Cells; lastColumn: number } | null = null;
  let lastRowNo = 0;
  let cell: { column: number; type: string; style: number; value: string } | null = null;
  // Text is kept only inside a cell's value (<v>) or its inline string's text (<is><t>, not <rPh>).
  let collecting = false;
  let phonetic = 0;
  const parser = new SaxesParser();
  parser.on('error', (err) => {
    throw new NotAZipArchive(`invalid xml: ${err.message}`);
  });
  parser.on('opentag', (tag) => {
    switch (localName(tag)) {
      case 'row': {
        const r = Number.parseInt(String(tag.attributes.r ?? ''), 10);
        lastRowNo = Number.isFinite(r) && r > 0 ? r : lastRowNo + 1;
        row = { rowNo: lastRowNo, cells: {}, lastColumn: 0 };
        break;
      }
      case 'c': {
        if (!row) break;
        const letters = columnOf(String(tag.attributes.r ?? ''));
        const column = letters ? columnNumber(letters) : row.lastColumn + 1;
        row.lastColumn = column;
        const style = Number.parseInt(String(tag.attributes.s ?? '0'), 10);
        cell = { column, type: String(tag.attributes.t ?? 'n'), style: Number.isFinite(style) ? style : 0, value: '' };
        break;
      }
      case 'v':
        collecting = cell !== null;
        break;
      case 't':
        collecting = cell !== null && cell.type === 'inlineStr' && phonetic === 0;
        break;
      case 'rPh':
        phonetic++;
        break;
    }
  });
  const onText = (t: string) => {
    if (collecting && cell) cell.value += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    switch (localName(tag)) {
      case 'v':
      case 't':
        collecting = false;
        break;
      case 'rPh':
        phonetic--;
        break;
      case 'c':
        if (row && cell) {
          const text = cellValueText(cell.type, cell.style, cell.value, ctx);
          if (text !== '') row.cells[columnLetters(cell.column)] = text;
        }
        cell = null;
        break;
      case 'row':
        if (row && Object.keys(row.cells).length > 0) finished.push({ rowNo: row.rowNo, cells: row.cells });
        row = null;
        break;
    }
  });
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of partStream(file, part)) {
      parser.write(decoder.write(chunk));
      onBytes(chunk.length);
      for (const r of finished.splice(0)) await onRow(r.rowNo, r.cells);
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'Z_DATA_ERROR') throw new NotAZipArchive(`broken part ${String(err)}`);
    throw err;
  }
  parser.write(decoder.end()).close();
  for (const r of finished.splice(0)) await onRow(r.rowNo, r.cells);
}

/**
 * Reads every row of every sheet, in the workbook's order, to `onRow` (awaited, so the caller
 * can write a chunk and yield). Empty rows are skipped. Throws `NotAZipArchive` if the file is
 * not an .xlsx workbook.
 */
export async function readWorkbook(
  file: Buffer,
  onRow: (sheet: string, rowNo: number, cells: Cells) => Promise<void>,
  onProgress?: (p: ReadProgress) => void,
): Promise<void> {
  const parts = zipParts(file);
  const { sheets, date1904 } = workbookOf(file, parts);
  const ctx: CellContext = {
    sharedStrings: sharedStringsOf(file, parts.get('xl/sharedStrings.xml')),
    dateStyles: dateStylesOf(file, parts.get('xl/styles.xml')),
    date1904,
  };
  const size = sheets.reduce((sum, s) => sum + parts.get(s.path)!.size, 0);
  let read = 0;
  for (const sheet of sheets) {
    await readSheet(
      file,
      parts.get(sheet.path)!,
      ctx,
      (rowNo, cells) => onRow(sheet.name, rowNo, cells),
      (n) => {
        read += n;
        onProgress?.({ read: Math.min(read, size), size });
      },
    );
  }
}
