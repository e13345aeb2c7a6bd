import { fonts, grid, page, sizes } from './gbt9704.js';
import {
  copiesLine,
  organMarkSize,
  organMarkText,
  signatureIndents,
  type OfficialDocument,
} from './official-document.js';

// An official document as one printable HTML page: the same parts and measures as the Word
// file (A4, the margins, 22 lines of 28 characters), so that printing it from the browser
// gives the office the layout it files.

export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const family = (name: string, generic: string) => `"${name}", "Noto Serif CJK SC", "Noto Sans CJK SC", ${generic}`;
const linePt = grid.linePitchTwips / 20;
const charPt = sizes.body + grid.characterSpacingTwips / 20;

const css = `
@page { size: A4; margin: ${page.marginTopMm}mm ${page.marginRightMm}mm ${page.marginBottomMm}mm ${page.marginInsideMm}mm; }
* { box-sizing: border-box; }
body { margin: 0; background: #f0f0f0; color: #000; }
.sheet { width: ${page.widthMm}mm; min-height: ${page.heightMm}mm; margin: 12px auto; background: #fff;
  padding: ${page.marginTopMm}mm ${page.marginRightMm}mm ${page.marginBottomMm}mm ${page.marginInsideMm}mm; }
.doc { font-family: ${family(fonts.body, 'serif')}; font-size: ${sizes.body}pt; line-height: ${linePt}pt;
  letter-spacing: ${(charPt - sizes.body).toFixed(2)}pt; }
.doc p { margin: 0; min-height: ${linePt}pt; }
.indent { text-indent: 2em; }
.class-mark { font-family: ${family(fonts.heading, 'sans-serif')}; }
.organ { color: #f00; text-align: center; font-family: ${family(fonts.title, 'serif')}; 
  line-height: 1.3; letter-spacing: 0; border-bottom: 3px double #f00; padding-bottom: 4mm; margin-bottom: 2mm; }
.letterhead { font-family: ${family(fonts.title, 'serif')}; letter-spacing: 0; margin-bottom: 2mm; }
.doc .letterhead p { line-height: 1.3; }
.letterhead img { max-width: 100%; vertical-align: middle; }
.number { text-align: right; }
.title { text-align: center; font-family: ${family(fonts.title, 'serif')}; font-size: ${sizes.title}pt; letter-spacing: 0; }
.right { text-align: right; }
.seal { position: relative; }
.doc .copies { font-size: ${sizes.pageNumber}pt; border-top: 1px solid #000; border-bottom: 1px solid #000; padding: 0 1em;
  margin-top: ${linePt}pt; }
.hint { font: 14px sans-serif; text-align: center; color: #595959; margin: 8px; }
@media print {
  body { background: none; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; }
  .hint { display: none; }
}
`;

/**
 * The page of a document; `letterhead`, the issuer's own (letterhead.html.ts), stands in for the
 * generated organ mark and its rule, as it does in the .docx.
 */
export function officialDocumentHtml(d: OfficialDocument, letterhead?: string): string {
  const indents = signatureIndents(d.signature);
  const p = (text: string, cls = '', style = '') =>
    `<p${cls ? ` class="${cls}"` : ''}${style ? ` style="${style}"` : ''}>${escapeHtml(text)}</p>`;
  const parts = [
    d.classMark ? p(d.classMark, 'class-mark') : '',
    letterhead === undefined
      ? `<header>${p(organMarkText(d), 'organ', `font-size:${organMarkSize(d)}pt`)}</header>`
      : `<header class="letterhead">${letterhead}</header>`,
    p(d.docNumber, 'number'),
    '<p></p>',
    `<h1 class="title" style="margin:0;font-weight:normal">${escapeHtml(d.title)}</h1>`,
    '<p></p>',
    p(d.addressee),
    ...d.paragraphs.map((text) => p(text, 'indent')),
    '<p></p><p></p>',
    `<div class="seal" aria-label="印章位置">`,
    p(d.signature.organ, 'right', `padding-right:${indents.organ}em`),
    p(d.signature.date, 'right', `padding-right:${indents.date}em`),
    '</div>',
    d.note ? p(`（${d.note}）`, 'indent') : '',
    d.copiesTo.length > 0 ? p(copiesLine(d.copiesTo), 'copies') : '',
  ];
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(d.name)}</title>
<style>${css}</style>
</head>
<body>
<p class="hint">按 Ctrl+P（Mac 为 ⌘+P）打印，纸张选 A4，边距选“默认”。</p>
<main class="sheet"><article class="doc">${parts.join('\n')}</article></main>
</body>
</html>
`;
}
