import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { formatChineseDate } from '../deadline/chinese-date.js';
import { a4Page, fonts, grid, sizes, twips } from '../documents/gbt9704.js';
import type { ReportText } from './figures.report.js';

// The report as a Word document on the page of GB/T 9704 (documents/gbt9704.ts): A4, its
// margins and 22 lines a page, the body in 仿宋 三号 indented two characters, the title in
// 小标宋 二号, headings in 黑体 — the fonts by the names an office's Word has them.

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });
const bodySize = sizes.body * 2;

function line(text: string, opts: { font: string; size: number; indent?: boolean; centre?: boolean; right?: boolean }) {
  return new Paragraph({
    alignment: opts.centre ? AlignmentType.CENTER : opts.right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    spacing: { line: grid.linePitchTwips, lineRule: 'exact' },
    ...(opts.indent ? { indent: { firstLine: 2 * twips.char } } : {}),
    children: [new TextRun({ text, font: font(opts.font), size: opts.size })],
  });
}

export function reportDocx(report: ReportText, organ: string, issuedOn: string): Promise<Buffer> {
  const body = [
    line(report.title, { font: fonts.title, size: sizes.title * 2, centre: true }),
    line('', { font: fonts.body, size: bodySize }),
    ...report.sections.flatMap((s) => [
      line(s.heading, { font: fonts.heading, size: bodySize, indent: true }),
      ...s.paragraphs.map((p) => line(p, { font: fonts.body, size: bodySize, indent: true })),
    ]),
    line('', { font: fonts.body, size: bodySize }),
    line(organ, { font: fonts.body, size: bodySize, right: true }),
    line(formatChineseDate(issuedOn), { font: fonts.body, size: bodySize, right: true }),
  ];
  const doc = new Document({
    creator: organ,
    title: report.title,
    sections: [
      {
        properties: {
          page: a4Page,
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
