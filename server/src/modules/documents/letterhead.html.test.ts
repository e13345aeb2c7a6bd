import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { letterFacts, letterheadTemplate, logoPng } from './docx.test-kit.js';
import { officialDocumentHtml } from './html-render.js';
import { letterheadHtml } from './letterhead.html.js';
import { replyLetterDocument } from './reply-letter.js';

const namespaces = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
].join(' ');
const IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const drawing = (id: string) =>
  `<w:r><w:drawing><wp:inline><wp:extent cx="360000" cy="360000"/><wp:docPr id="1" name="p" descr="a&quot; onerror=&quot;alert(5)"/>` +
  `<a:graphic><a:graphicData><a:blip r:embed="${id}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;

/** A template written by hand, to say in its XML what Word would never write. */
async function handWritten(body: string, media: Record<string, Buffer | string>, rels: string) {
  const zip = await JSZip.loadAsync(await letterheadTemplate('信笺'));
  zip.file('word/document.xml', `<w:document ${namespaces}><w:body>${body}</w:body></w:document>`);
  zip.file(
    'word/_rels/document.xml.rels',
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
  );
  for (const [name, content] of Object.entries(media)) zip.file(`word/media/${name}`, content);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The elements and attributes a piece of HTML is made of. */
function markupOf(html: string) {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const [, name, rest] of html.matchAll(/<\/?([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    tags.add(name ?? '');
    // Attribute by attribute, each value to its closing quote, as a browser reads them.
    for (const [, a] of (rest ?? '').matchAll(/\s+([^\s=/>]+)(?:="[^"]*")?/gy)) attributes.add(a ?? '');
  }
  return { tags, attributes };
}

describe('a letterhead template as the printable page shows it', () => {
  it('keeps the organ name centred, red, its size and weight, the red double rule under it, and the logo', async () => {
    const html = await letterheadHtml(await letterheadTemplate('湖南省交通运输厅', logoPng));
    expect(html).toMatch(
      /<p style="text-align:center;border-bottom:[\d.]+pt double #FF0000[^"]*"><span style="color:#FF0000;font-size:30pt;font-weight:bold">湖南省交通运输厅<\/span><\/p>/,
    );
    expect(html).toContain(`<img src="data:image/png;base64,${logoPng.toString('base64')}" alt="徽标"`);
  });

  it('stands in the page’s <header> for the generated organ mark; the rest of the page stays', async () => {
    const letterhead = await letterheadHtml(await letterheadTemplate('湖南省交通运输厅信笺'));
    const page = officialDocumentHtml(replyLetterDocument(letterFacts), letterhead);
    expect(page).toMatch(/<header class="letterhead"><p [^>]*><span [^>]*>湖南省交通运输厅信笺<\/span><\/p><\/header>/);
    expect(page).not.toContain('湖南省交通运输厅函');
    expect(page).not.toContain('class="organ"');
    expect(page).toContain('湘交建议复〔2026〕12号');
    expect(page).toContain('@page { size: A4;');
    expect(officialDocumentHtml(replyLetterDocument(letterFacts))).toContain('湖南省交通运输厅函</p></header>');
  });

  it('writes the template’s text escaped and none of its own markup: no script, no handler, no foreign style', async () => {
    const template = await handWritten(
      '<w:p onclick="alert(2)" style="position:fixed"><w:pPr><w:jc w:val="center&quot; onmouseover=&quot;alert(3)"/>' +
        '<w:pBdr><w:bottom w:val="single" w:sz="8" w:color="red;background:url(javascript:alert(4))"/></w:pBdr></w:pPr>' +
        '<w:r><w:rPr><w:color w:val="FF0000&quot;&gt;&lt;script&gt;"/><w:sz w:val="40px"/></w:rPr>' +
        '<w:t>&lt;script&gt;alert(1)&lt;/script&gt;</w:t></w:r>' +
        '<w:r><w:t xml:space="preserve">&amp; "引号" \'单引号\'</w:t></w:r></w:p>' +
        `<w:p>${drawing('rIdSvg')}${drawing('rIdLinked')}${drawing('rIdGif')}</w:p>` +
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表格中的机关名称</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
      {
        'evil.png': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(6)"/>',
        'dot.gif': Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'),
      },
      `<Relationship Id="rIdSvg" Type="${IMAGE}" Target="media/evil.png"/>` +
        `<Relationship Id="rIdLinked" Type="${IMAGE}" Target="http://tracker.example/logo.png" TargetMode="External"/>` +
        `<Relationship Id="rIdGif" Type="${IMAGE}" Target="media/dot.gif"/>`,
    );
    const html = await letterheadHtml(template);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&amp; &quot;引号&quot; &#39;单引号&#39;');
    expect(html).toContain('<p>表格中的机关名称</p>');
    expect(html).toContain('src="data:image/gif;base64,');
    expect(html).toContain('alt="a&quot; onerror=&quot;alert(5)"');
    const { tags, attributes } = markupOf(html);
    expect([...tags].sort()).toEqual(['img', 'p']);
    expect([...attributes].sort()).toEqual(['alt', 'src', 'style']);
    for (const foreign of ['<script', 'onclick', 'position:fixed', 'javascript', 'url(', 'svg', 'tracker.example'])
      expect(html).not.toContain(foreign);
    // Colour, size and alignment are taken only when they are what they claim; the rule falls back to black.
    expect(html).toContain('<p style="border-bottom:1pt solid #000000;padding-bottom:1pt">&lt;script&gt;');
  });
});
