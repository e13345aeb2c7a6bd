import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';
import { a4Page, colours, fonts, grid, ruleEighths, sizes, twips } from './gbt9704.js';
import {
  copiesLine,
  organMarkSize,
  organMarkText,
  signatureIndents,
  type OfficialDocument,
} from './official-document.js';

// An official document as a .docx in the layout of GB/T 9704: A4, the margins, body 仿宋 三号
// on a grid of 22 lines × 28 characters, title 小标宋 二号, the red organ mark and rule, page
// numbers "— 1 —" on the outer side. Paragraphs of the generated letterhead carry the style
// below, so that a unit's own letterhead can take their place (letterhead.ts).

export const LETTERHEAD_STYLE = 'LxLetterhead';
/** The bookmark over the signature and date: where the seal is pressed (居中下压署名和日期). */
export const SEAL_BOOKMARK = 'seal';

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
const halfPoints = (pt: number) => pt * 2;
/** Every body line is one grid line, so that a page holds 22 whatever font replaces 仿宋. */
const onGrid = { line: grid.linePitchTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

const run = (text: string, options: Omit<IRunOptions, 'text'> = {}) => new TextRun({ text, ...options });
const blank = () => new Paragraph({ spacing: onGrid, children: [] });

function letterhead(d: OfficialDocument): Paragraph[] {
  return [
    new Paragraph({
      style: LETTERHEAD_STYLE,
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 120, line: 240, lineRule: LineRuleType.AUTO },
      border: {
        bottom: { style: BorderStyle.THICK_THIN_SMALL_GAP, size: ruleEighths, color: colours.red, space: 8 },
      },
      children: [
        run(organMarkText(d), {
          font: font(fonts.title),
          size: halfPoints(organMarkSize(d)),
          color: colours.red,
        }),
      ],
    }),
  ];
}

function pageNumberFooter(side: 'odd' | 'even') {
  const dash = (text: string) => run(text, { font: font(fonts.pageNumber), size: halfPoints(sizes.pageNumber) });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // 单页码居右空一字，双页码居左空一字 (a character of the page number's size).
        indent: side === 'odd' ? { right: sizes.pageNumber * 20 } : { left: sizes.pageNumber * 20 },
        children: [
          dash('— '),
          new TextRun({
            children: [PageNumber.CURRENT],
            font: font(fonts.pageNumber),
            size: halfPoints(sizes.pageNumber),
          }),
          dash(' —'),
        ],
      }),
    ],
  });
}

function body(d: OfficialDocument): Paragraph[] {
  const indents = signatureIndents(d.signature);
  const out: Paragraph[] = [];
  if (d.classMark)
    out.push(new Paragraph({ spacing: onGrid, children: [run(d.classMark, { font: font(fonts.heading) })] }));
  out.push(...letterhead(d));
  out.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: onGrid, children: [run(d.docNumber)] }));
  out.push(blank());
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: onGrid,
      children: [run(d.title, { font: font(fonts.title), size: halfPoints(sizes.title) })],
    }),
  );
  out.push(blank());
  out.push(new Paragraph({ spacing: onGrid, children: [run(d.addressee)] }));
  for (const text of d.paragraphs)
    out.push(new Paragraph({ spacing: onGrid, indent: { firstLine: 2 * twips.char }, children: [run(text)] }));
  out.push(blank(), blank());
  out.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: onGrid,
      indent: { right: Math.round(indents.organ * twips.char) },
      children: [new Bookmark({ id: SEAL_BOOKMARK, children: [run(d.signature.organ)] })],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: onGrid,
      indent: { right: indents.date * twips.char },
      children: [run(d.signature.date)],
    }),
  );
  if (d.note)
    out.push(new Paragraph({ spacing: onGrid, indent: { left: 2 * twips.char }, children: [run(`（${d.note}）`)] }));
  if (d.copiesTo.length > 0) {
    const rule = { style: BorderStyle.SINGLE, size: 8, color: colours.black, space: 1 };
    out.push(blank());
    out.push(
      new Paragraph({
        spacing: onGrid,
        indent: { left: sizes.pageNumber * 20, right: sizes.pageNumber * 20 },
        border: { top: rule, bottom: rule },
        children: [run(copiesLine(d.copiesTo), { size: halfPoints(sizes.pageNumber) })],
      }),
    );
  }
  return out;
}

export function officialDocumentDocx(d: OfficialDocument): Promise<Buffer> {
  const doc = new Document({
    creator: d.signature.organ,
    title: d.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: font(fonts.body),
            size: halfPoints(sizes.body),
            characterSpacing: grid.characterSpacingTwips,
            language: { eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: onGrid },
        },
      },
      paragraphStyles: [{ id: LETTERHEAD_STYLE, name: '发文机关标志', basedOn: 'Normal' }],
    },
    sections: [
      {
        properties: {
          page: { ...a4Page, margin: { ...a4Page.margin, header: twips.footer } },
          grid: { type: DocumentGridType.LINES, linePitch: grid.linePitchTwips },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: body(d),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
