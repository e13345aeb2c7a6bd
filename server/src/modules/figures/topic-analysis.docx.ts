import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { formatChineseDate } from '../deadline/chinese-date.js';
import { a4Page, fonts, grid, sizes, twips } from '../documents/gbt9704.js';
import type { TopicAnalysisText, TopicBlock } from './topic-analysis.js';

// The topic analysis as a Word document on the page of GB/T 9704, as the annual report is
// (figures.report-docx.ts): 仿宋 三号 body indented two characters on the 22-line grid, the
// title in 小标宋 二号, 一、 headings in 黑体 and （一） headings in 楷体 (the second level of
// an official document). Tables are set in 四号 so four columns fit the 156 mm type area.

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name });
const bodySize = sizes.body * 2;
/** 四号 (14 pt) in half-points. */
const tableSize = 14 * 2;
const subheadingFont = '楷体';

type Align = 'justified' | 'centre' | 'right' | 'left';
const alignments = {
  justified: AlignmentType.JUSTIFIED,
  centre: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  left: AlignmentType.LEFT,
} as const;

function line(text: string, opts: { font: string; size?: number; indent?: boolean; align?: Align }) {
  return new Paragraph({
    alignment: alignments[opts.align ?? 'justified'],
    spacing: { line: grid.linePitchTwips, lineRule: 'exact' },
    ...(opts.indent ? { indent: { firstLine: 2 * twips.char } } : {}),
    children: [new TextRun({ text, font: font(opts.font), size: opts.size ?? bodySize })],
  });
}

/** Share of the type width per column: a title wants the room, counts and names little. */
function widthsOf(columns: readonly string[]): number[] {
  const weights = columns.length === 4 ? [14, 52, 16, 18] : columns.map((_, i) => (i === 0 ? 3 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((twips.typeWidth * w) / sum));
}

function cell(text: string, width: number, opts: { header?: boolean; align: Align }) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: alignments[opts.align],
        children: [new TextRun({ text, font: font(opts.header ? fonts.heading : fonts.body), size: tableSize })],
      }),
    ],
  });
}

function table(columns: readonly string[], rows: readonly string[][]) {
  const widths = widthsOf(columns);
  // Names and titles read from the left; numbers and 第N号 sit centred in their columns.
  const alignOf = (i: number): Align =>
    columns.length === 4 ? (i === 1 ? 'left' : 'centre') : i === 0 ? 'left' : 'centre';
  return new Table({
    width: { size: twips.typeWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        children: columns.map((c, i) => cell(c, widths[i] ?? 0, { header: true, align: 'centre' })),
      }),
      ...rows.map(
        (r) =>
          new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, widths[i] ?? 0, { align: alignOf(i) })) }),
      ),
    ],
  });
}

function block(b: TopicBlock): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'paragraph':
      return [line(b.text, { font: fonts.body, indent: true })];
    case 'subheading':
      return [line(b.text, { font: subheadingFont, indent: true })];
    case 'table':
      // An empty line after the table keeps the next paragraph off its bottom rule.
      return [table(b.columns, b.rows), line('', { font: fonts.body })];
  }
}

export function topicAnalysisDocx(text: TopicAnalysisText, organ: string, issuedOn: string): Promise<Buffer> {
  const body = [
    line(text.title, { font: fonts.title, size: sizes.title * 2, align: 'centre' }),
    line('', { font: fonts.body }),
    line(text.opening, { font: fonts.body, indent: true }),
    ...text.sections.flatMap((s) => [
      line(s.heading, { font: fonts.heading, indent: true }),
      ...s.blocks.flatMap(block),
    ]),
    line('', { font: fonts.body }),
    line(organ, { font: fonts.body, align: 'right' }),
    line(formatChineseDate(issuedOn), { font: fonts.body, align: 'right' }),
  ];
  const doc = new Document({
    creator: organ,
    title: text.title,
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
