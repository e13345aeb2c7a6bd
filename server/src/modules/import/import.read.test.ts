import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readWorkbook, type Cells } from './import.read.js';

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('建议');
  sheet.addRow(['编号', '标题', '领衔代表']);
  sheet.addRow([12, '关于加快农村公路提质改造的建议', '刘建华']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same workbook with its worksheet stored before the shared strings and the workbook part. */
async function sheetFirst(file: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const first = (n: string) => (n.startsWith('xl/worksheets/') ? 0 : 1);
  const out = new JSZip();
  for (const n of names.sort((a, b) => first(a) - first(b))) out.file(n, await zip.files[n]!.async('uint8array'));
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function rows(file: Buffer) {
  const seen: [string, number, Cells][] = [];
  await readWorkbook(file, async (sheet, rowNo, cells) => {
    seen.push([sheet, rowNo, cells]);
  });
  return seen;
}

describe('reading a workbook as a stream', () => {
  it('reads the text of every cell, whatever order the archive stores its parts in', async () => {
    const file = await workbook();
    const expected: [string, number, Cells][] = [
      ['建议', 1, { A: '编号', B: '标题', C: '领衔代表' }],
      ['建议', 2, { A: '12', B: '关于加快农村公路提质改造的建议', C: '刘建华' }],
    ];
    expect(await rows(file)).toEqual(expected);
    expect(await rows(await sheetFirst(file))).toEqual(expected);
  });
});
