import type { ImportProblem } from '../../db/schema.import.js';
import type { Parsed } from './import.cells.js';
import type { Cells } from './import.read.js';
import type { KindSpec, SheetSpec } from './import.sheets.js';

// What every kind's check shares: the file as staged (sheets of rows by column letter), read
// by the headers of the kind's table, and the list of problems by sheet, row and column.

export const MAX_KEPT_PROBLEMS = 1000;

/**
 * A pause every few hundred rows: a check of 20,000 rows takes seconds of CPU, and the
 * server's other requests are answered in between.
 */
export function breather(every = 200): () => Promise<void> {
  let n = 0;
  return async () => {
    if (++n % every === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  };
}

export interface StagedRow {
  rowNo: number;
  cells: Cells;
}

/** A data row read by field: `get('title')` is the text under the 标题 header. */
export interface FieldRow {
  sheet: string;
  rowNo: number;
  get(key: string): string;
}

export class ProblemList {
  readonly kept: ImportProblem[] = [];
  count = 0;

  add(problem: ImportProblem): void {
    this.count++;
    if (this.kept.length < MAX_KEPT_PROBLEMS) this.kept.push(problem);
  }

  /** In the order the office reads the file: sheet by sheet (as in the template), row by row. */
  sorted(spec: KindSpec): ImportProblem[] {
    const order = new Map(spec.sheets.map((s, i) => [s.name, i]));
    return [...this.kept].sort(
      (a, b) =>
        (order.get(a.sheet) ?? 99) - (order.get(b.sheet) ?? 99) || a.row - b.row || a.column.localeCompare(b.column),
    );
  }
}

const headerKey = (text: string) => text.replace(/[*＊\s]|（必填）|\(必填\)/g, '');

/** One sheet of the file, with where each column of the table is (or that it is missing). */
export class SheetReader {
  private readonly letters = new Map<string, string>();
  readonly present: boolean;

  constructor(
    readonly spec: SheetSpec,
    header: Cells | undefined,
    private readonly problems: ProblemList,
  ) {
    this.present = header !== undefined;
    const byHeader = new Map(spec.columns.map((c) => [headerKey(c.header), c.key]));
    for (const [letter, text] of Object.entries(header ?? {})) {
      const key = byHeader.get(headerKey(text));
      if (key && !this.letters.has(key)) this.letters.set(key, letter);
    }
    if (!this.present) {
      if (!spec.optional)
        problems.add({ sheet: spec.name, row: 1, column: '', field: '', message: `缺少工作表「${spec.name}」` });
      return;
    }
    for (const c of spec.columns) {
      if (c.required && !this.letters.has(c.key))
        problems.add({ sheet: spec.name, row: 1, column: '', field: c.header, message: `缺少列「${c.header}」` });
    }
  }

  /** Whether every required column is there: rows of a sheet without them are not read. */
  get readable(): boolean {
    return this.present && this.spec.columns.every((c) => !c.required || this.letters.has(c.key));
  }

  row(staged: StagedRow): FieldRow {
    const { letters } = this;
    return { sheet: this.spec.name, rowNo: staged.rowNo, get: (key) => staged.cells[letters.get(key) ?? ''] ?? '' };
  }

  /** A problem in a row's cell of `key` (its column letter and header). */
  problem(row: FieldRow, key: string, message: string): void {
    const col = this.spec.columns.find((c) => c.key === key);
    this.problems.add({
      sheet: this.spec.name,
      row: row.rowNo,
      column: this.letters.get(key) ?? '',
      field: col?.header ?? '',
      message,
    });
  }

  /** The cell's text, or a problem if a required one is empty. */
  text(row: FieldRow, key: string): string | null {
    const value = row.get(key);
    const col = this.spec.columns.find((c) => c.key === key);
    if (value === '' && col?.required) {
      this.problem(row, key, `「${col.header}」未填写`);
      return null;
    }
    return value;
  }

  /** The cell parsed, `undefined` when empty and optional, `null` (with its problem) when wrong or missing. */
  parse<T>(row: FieldRow, key: string, parser: (text: string) => Parsed<T>): T | null | undefined {
    const value = this.text(row, key);
    if (value === null) return null;
    if (value === '') return undefined;
    const parsed = parser(value);
    if (parsed.ok) return parsed.value;
    this.problem(row, key, parsed.message);
    return null;
  }
}

/** The rows of a staged file, sheet by sheet; row 1 of each sheet is its header. */
export type StagedFile = Map<string, StagedRow[]>;

export function sheetsOf(spec: KindSpec, file: StagedFile, problems: ProblemList) {
  const readers = new Map<string, { reader: SheetReader; rows: FieldRow[] }>();
  for (const sheet of spec.sheets) {
    const staged = file.get(sheet.name) ?? [];
    const header = staged.find((r) => r.rowNo === 1) ?? staged[0];
    const reader = new SheetReader(sheet, header?.cells, problems);
    const rows = reader.readable ? staged.filter((r) => r !== header).map((r) => reader.row(r)) : [];
    readers.set(sheet.name, { reader, rows });
  }
  return readers;
}

/** Names compared as the office types them: no spaces, full-width brackets as half-width. */
export function nameKey(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}
