import ExcelJS from 'exceljs';
import { z } from 'zod';

// The exports an office opens in Excel: each sheet a table with a bold, frozen header row,
// columns as wide as the office's usual forms, values as text, numbers or dates.

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const xlsxContent = z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary' });

/** The 200 answer of an export route, for its schema. */
export const xlsxAnswer = (description: string) => ({ description, content: { [XLSX]: { schema: xlsxContent } } });

export type CellValue = string | number | null;

export interface TableColumn<T> {
  header: string;
  width: number;
  value: (row: T) => CellValue;
  /** Excel number format, e.g. '0.0' for a share in per cent. */
  format?: string;
}

export interface TableSheet<T> {
  name: string;
  /** A first line above the table (what it counts, as of when); the header then comes second. */
  caption?: string;
  columns: readonly TableColumn<T>[];
  rows: readonly T[];
}

/** A sheet with its values taken out of its rows, so sheets of different rows share a workbook. */
export interface FilledSheet {
  name: string;
  caption?: string;
  columns: readonly Omit<TableColumn<never>, 'value'>[];
  rows: CellValue[][];
}

export function tableSheet<T>(spec: TableSheet<T>): FilledSheet {
  return {
    name: spec.name,
    ...(spec.caption ? { caption: spec.caption } : {}),
    columns: spec.columns.map(({ header, width, format }) => ({ header, width, ...(format ? { format } : {}) })),
    rows: spec.rows.map((row) => spec.columns.map((c) => c.value(row))),
  };
}

export async function tableWorkbook(title: string, sheets: readonly FilledSheet[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '连心';
  workbook.title = title;
  for (const spec of sheets) {
    const headerRow = spec.caption ? 2 : 1;
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: headerRow }] });
    spec.columns.forEach((c, i) => {
      sheet.getColumn(i + 1).width = c.width;
      if (c.format) sheet.getColumn(i + 1).numFmt = c.format;
    });
    if (spec.caption) sheet.addRow([spec.caption]).font = { bold: true, size: 12 };
    sheet.addRow(spec.columns.map((c) => c.header)).font = { bold: true };
    for (const row of spec.rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The headers of a workbook sent as a download named `fileName`. */
export function workbookHeaders(fileName: string): Record<string, string> {
  return {
    'content-type': XLSX,
    'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
}
