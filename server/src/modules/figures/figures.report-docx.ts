import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import { formatChineseDate } from '../deadline/chinese-date.js';
import type { ReportText } from './figures.report.js';

// The report as a Word document: A4, the body in 仿宋 三号 (16 pt) with two characters of
// indent, the title in 方正小标宋简体 二号, headings in 黑体 — the fonts by the names an office's
// Word has them. Margins as GB/T 9704 (37 mm top, 28 mm binding side, 35 mm bottom, 26 mm right).

const twipsOfMm = (mm: number) => Math.round((mm * 1440) / 25.4);
const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });
const bodySize = 32; // half-points: 16 pt
const lineTwips = 560; // 28 pt, a line of 22 to the page

function line(text: string, opts: { font: string; size: number; indent?: boolean; centre?: boolean; right?: boolean }) {
  return new Paragraph({
    alignment: opts.centre ? AlignmentType.CENTER : opts.right ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
    spacing: { line: lineTwips, lineRule: 'exact' },
    ...(opts.indent ? { indent: { firstLine: 2 * 16 * 20 } } : {}),
    children: [new TextRun({ text, font: font(opts.font), size: opts.size })],
  });
}

export function reportDocx(report: ReportText, organ: string, issuedOn: string): Promise<Buffer> {
  const body = [
    line(report.title, { font: '方正小标宋简体', size: 44, centre: true }),
    line('', { font: '仿宋', size: bodySize }),
    ...report.sections.flatMap((s) => [
      line(s.heading, { font: '黑体', size: bodySize, indent: true }),
      ...s.paragraphs.map((p) => line(p, { font: '仿宋', size: bodySize, indent: true })),
    ]),
    line('', { font: '仿宋', size: bodySize }),
    line(organ, { font: '仿宋', size: bodySize, right: true }),
    line(formatChineseDate(issuedOn), { font: '仿宋', size: bodySize, right: true }),
  ];
  const doc = new Document({
    creator: organ,
    title: report.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: twipsOfMm(210), height: twipsOfMm(297) },
            margin: { top: twipsOfMm(37), bottom: twipsOfMm(35), left: twipsOfMm(28), right: twipsOfMm(26) },
          },
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
