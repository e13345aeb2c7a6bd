import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { isDateFormat, readWorkbook, type Cells } from './import.read.js';

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('建议');
  sheet.addRow(['编号', '标题', '领衔代表', '提出日期', '合计']);
  sheet.addRow([
    12,
    '关于加快农村公路提质改造的建议',
    '刘建华',
    new Date(Date.UTC(2020, 0, 16)),
    { formula: 'A2*2', result: 24 },
  ]);
  wb.addWorksheet('说明').addRow([{ richText: [{ text: '填写' }, { text: '说明', font: { bold: true } }] }]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The same workbook with its parts stored in the given order (by a sort key of their names). */
async function reordered(file: Buffer, key: (name: string) => number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const out = new JSZip();
  for (const n of names.sort((a, b) => key(a) - key(b))) out.file(n, await zip.files[n]!.async('uint8array'));
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A workbook written part by part, as WPS or an older Excel may write one. */
async function handWritten(sheetXml: string, styles: string, workbookPr = ''): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${workbookPr}<sheets><sheet name="代表" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>',
  );
  zip.file('xl/styles.xml', styles);
  zip.file(
    'xl/worksheets/data.xml',
    `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetXml}</sheetData></worksheet>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function rows(file: Buffer) {
  const seen: [string, number, Cells][] = [];
  await readWorkbook(file, async (sheet, rowNo, cells) => {
    seen.push([sheet, rowNo, cells]);
  });
  return seen;
}

describe('reading a workbook', () => {
  const expected: [string, number, Cells][] = [
    ['建议', 1, { A: '编号', B: '标题', C: '领衔代表', D: '提出日期', E: '合计' }],
    ['建议', 2, { A: '12', B: '关于加快农村公路提质改造的建议', C: '刘建华', D: '2020-01-16', E: '24' }],
    ['说明', 1, { A: '填写说明' }],
  ];

  it('reads the text of every cell: numbers, dates by their day, formulas by their result, rich text joined', async () => {
    expect(await rows(await workbook())).toEqual(expected);
  });

  it('reads the same rows whatever order the archive stores its parts in', async () => {
    const file = await workbook();
    const sheetsFirst = (n: string) => (n.startsWith('xl/worksheets/') ? 0 : 1);
    const sheetsLast = (n: string) => (n.startsWith('xl/worksheets/') ? 1 : 0);
    const stringsLast = (n: string) => (n === 'xl/sharedStrings.xml' || n === 'xl/styles.xml' ? 1 : 0);
    for (const order of [sheetsFirst, sheetsLast, stringsLast])
      expect(await rows(await reordered(file, order))).toEqual(expected);
  });

  it('reads inline strings without their phonetic guide, Chinese date formats, booleans, and cells without addresses', async () => {
    const styles =
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="176"/><xf numFmtId="4"/></cellXfs></styleSheet>';
    const file = await handWritten(
      '<row r="3"><c r="B3" t="inlineStr"><is><r><t>张</t></r><r><t xml:space="preserve">建国 </t></r><rPh sb="0" eb="1"><t>ZHANG</t></rPh></is></c>' +
        '<c r="C3" s="1"><v>43845</v></c><c r="D3" s="2"><v>43845</v></c><c r="E3" s="3"><v>1234.5</v></c>' +
        '<c r="F3" t="b"><v>1</v></c><c r="G3" t="e"><v>#N/A</v></c><c r="H3" t="str"><f>B3</f><v>张建国</v></c></row>' +
        '<row><c><v>7</v></c><c><v>8</v></c></row>',
      styles,
    );
    expect(await rows(file)).toEqual([
      ['代表', 3, { B: '张建国', C: '2020-01-15', D: '2020-01-15', E: '1234.5', F: 'true', H: '张建国' }],
      ['代表', 4, { A: '7', B: '8' }],
    ]);
  });

  it('counts days from 1904 when the workbook says so', async () => {
    const styles =
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const file = await handWritten(
      '<row r="1"><c r="A1" s="1"><v>42383</v></c></row>',
      styles,
      '<workbookPr date1904="1"/>',
    );
    expect(await rows(file)).toEqual([['代表', 1, { A: '2020-01-15' }]]);
  });

  it('refuses a file that is not a workbook', async () => {
    await expect(rows(Buffer.from('这不是Excel文件'))).rejects.toThrow(/invalid zip/);
    const zip = new JSZip();
    zip.file('readme.txt', 'hello');
    await expect(rows(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toThrow(/invalid zip/);
  });

  it('tells date formats from number formats', () => {
    for (const code of ['yyyy-mm-dd', 'yyyy"年"m"月"d"日"', '[$-F800]dddd, mmmm dd, yyyy', 'h:mm:ss'])
      expect(isDateFormat(code), code).toBe(true);
    for (const code of ['0.00', '#,##0 "元"', '[Red]0.0', 'General', '0.0\\d'])
      expect(isDateFormat(code), code).toBe(false);
  });
});
