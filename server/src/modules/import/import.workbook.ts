import ExcelJS from 'exceljs';
import type { ImportKind } from '../../db/schema.import.js';
import { columnLetter } from './import.cells.js';
import { kindSpecs, type Lookup } from './import.sheets.js';

// The workbook of a kind, written from its table (import.sheets.ts): the template (headers,
// an 说明 sheet, drop-down lists) and, with rows, the export — so an exported file can be
// edited and imported again.

export type Lookups = Record<Lookup, string[]>;
export type SheetData = Record<string, string[][]>;

const VALIDATED_ROWS = 20_000;
const OPTIONS_SHEET = '选项';

export async function buildWorkbook(
  kind: ImportKind,
  lookups: Lookups,
  extra: { classTable: { code: string; meaning: string }[] },
  data?: SheetData,
): Promise<Buffer> {
  const spec = kindSpecs[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = '连心';

  const guide = wb.addWorksheet('说明');
  guide.columns = [{ width: 16 }, { width: 10 }, { width: 44 }, { width: 40 }];
  guide.addRow([`${spec.label}导入模板`]).font = { bold: true, size: 14 };
  guide.addRow([
    '填写后在「导入」页面上传：先检查（列出每个有问题的工作表、行和列），确认无误后一次导入，全部成功或全部不导入。',
  ]);
  guide.addRow(['第一行为列名，请勿修改；标“*”的列必填；日期可写作 2020-02-12 或 2020年2月12日。']);
  for (const sheet of spec.sheets) {
    guide.addRow([]);
    guide.addRow([`工作表「${sheet.name}」${sheet.optional ? '（可选）' : '（必需）'}`, '', sheet.note]).font = {
      bold: true,
    };
    guide.addRow(['列名', '必填', '说明', '可选值']).font = { bold: true };
    for (const c of sheet.columns) {
      const choices = c.choices?.join('、') ?? (c.lookup ? `见工作表「${OPTIONS_SHEET}」` : '');
      guide.addRow([c.header, c.required ? '是' : '', c.note, choices]);
    }
  }
  if (kind === 'suggestions') {
    guide.addRow([]);
    guide.addRow(['答复分类（本级人大的分类标注表）']).font = { bold: true };
    for (const c of extra.classTable) guide.addRow([c.code, '', c.meaning]);
  }

  const options = wb.addWorksheet(OPTIONS_SHEET);
  const used = [...new Set(spec.sheets.flatMap((s) => s.columns.flatMap((c) => (c.lookup ? [c.lookup] : []))))];
  const lookupLabels: Record<Lookup, string> = {
    classCodes: '答复分类',
    categories: '类别',
    units: '承办单位',
    delegations: '代表团',
    systems: '系统',
  };
  const rangeOf = new Map<Lookup, string>();
  used.forEach((lookup, i) => {
    const letter = columnLetter(i + 1);
    const values = lookups[lookup];
    options.getCell(`${letter}1`).value = lookupLabels[lookup];
    options.getCell(`${letter}1`).font = { bold: true };
    values.forEach((v, j) => (options.getCell(`${letter}${j + 2}`).value = v));
    options.getColumn(i + 1).width = 28;
    if (values.length > 0) rangeOf.set(lookup, `'${OPTIONS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`);
  });

  for (const sheet of spec.sheets) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.width ?? 14 }));
    ws.getRow(1).font = { bold: true };
    sheet.columns.forEach((c, i) => {
      const letter = columnLetter(i + 1);
      ws.getCell(`${letter}1`).note = c.note || c.header;
      if (c.required) ws.getCell(`${letter}1`).font = { bold: true, color: { argb: 'FFC00000' } };
      const formula = c.choices ? `"${c.choices.join(',')}"` : c.lookup ? rangeOf.get(c.lookup) : undefined;
      if (formula) {
        (ws as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations.add(
          `${letter}2:${letter}${VALIDATED_ROWS + 1}`,
          {
            type: 'list',
            allowBlank: true,
            formulae: [formula],
            showErrorMessage: !c.lookup,
            errorTitle: c.header,
            error: `请从列表中选择${c.header}`,
          },
        );
      }
    });
    for (const row of data?.[sheet.name] ?? []) ws.addRow(row);
  }
  // The first data sheet opens first; 说明 and 选项 stay at hand.
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 2, visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
