import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { LETTERHEAD_STYLE, SEAL_BOOKMARK, officialDocumentDocx } from './docx-render.js';
import { attr, letterFacts, letterheadTemplate, readDocx } from './docx.test-kit.js';
import { officialDocumentHtml } from './html-render.js';
import { checkLetterhead, withLetterhead } from './letterhead.js';
import { chineseOrdinal, signatureIndents, widthInChars } from './official-document.js';
import { openingSentence, replyLetterDocument } from './reply-letter.js';
import { descendants } from './xml-dom.js';

describe('the reply letter as an official document', () => {
  it('has the class mark, number, salutation to every deputy, opening with the units consulted, copies', () => {
    const d = replyLetterDocument(letterFacts);
    expect(d.classMark).toBe('A1类');
    expect(d.organ).toEqual({ name: '湖南省交通运输厅', suffix: '函' });
    expect(d.title).toBe('对省十三届人大三次会议第12号建议的答复');
    expect(d.addressee).toBe('尊敬的张建国、李秀英代表：');
    expect(d.paragraphs[0]).toBe(
      '您提出的关于加快农村公路提质改造的建议（第12号）收悉。经商省发展改革委、省财政厅，现答复如下：',
    );
    expect(d.paragraphs.slice(1)).toEqual([
      '一、关于农村公路建设。今年全省计划完成农村公路提质改造5000公里。',
      '二、关于养护资金。省财政已安排专项资金。',
    ]);
    expect(d.signature).toEqual({ organ: '湖南省交通运输厅', date: '2026年9月14日' });
    expect(d.note).toBe('联系人：刘洋；联系电话：0731-88889999');
    expect(d.copiesTo).toEqual(['湖南省人大常委会选举任免联络工作委员会', '湖南省人民政府办公厅']);
  });

  it('opens without 经商 when no unit was consulted, and does not open twice when the text already does', () => {
    expect(openingSentence({ ...letterFacts.suggestion, title: '《关于修缮历史街区的建议》' }, '')).toBe(
      '您提出的关于修缮历史街区的建议（第12号）收悉，现答复如下：',
    );
    const own = replyLetterDocument({ ...letterFacts, body: '您提出的建议收悉。经研究，现答复如下：已完成。' });
    expect(own.paragraphs).toEqual(['您提出的建议收悉。经研究，现答复如下：已完成。']);
  });

  it('a party unit copies the congress office only; a draft has no number or date yet', () => {
    const d = replyLetterDocument({ ...letterFacts, isGovernmentUnit: false, docNumber: '', sentAt: null });
    expect(d.copiesTo).toEqual(['湖南省人大常委会选举任免联络工作委员会']);
    expect(d.docNumber).toBe('（文号于签发时编定）');
    expect(d.signature.date).toBe('　　年　月　日');
  });

  it.each([
    [1, '一'],
    [3, '三'],
    [10, '十'],
    [13, '十三'],
    [20, '二十'],
    [31, '三十一'],
  ])('names the %i-th term or session %s', (n, name) => {
    expect(chineseOrdinal(n)).toBe(name);
  });

  it('centres the organ over the date, which stands four characters from the right', () => {
    expect(widthInChars('2026年9月14日')).toBe(6.5);
    expect(signatureIndents({ organ: '湖南省交通运输厅', date: '2026年9月14日' })).toEqual({ organ: 3.25, date: 4 });
  });
});

describe('the .docx in the layout of GB/T 9704', () => {
  it('A4, margins 37/35/28/26 mm, 22 lines of 28 characters, 仿宋 三号 and 小标宋 二号 by their Word names', async () => {
    const docx = await readDocx(await officialDocumentDocx(replyLetterDocument(letterFacts)));
    const sect = descendants(docx.body, 'w:sectPr')[0]!;
    expect(attr(sect, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(sect, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attr(sect, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(sect, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(sect, 'w:pgMar', 'w:left')).toBe('1587');
    expect(attr(sect, 'w:pgMar', 'w:right')).toBe('1474');
    // 22 lines fill the 225 mm type area (12756 twips), 28 characters its 156 mm (8844 twips).
    const pitch = Number(attr(sect, 'w:docGrid', 'w:linePitch'));
    expect(pitch).toBe(579);
    expect(Math.floor(12756 / pitch)).toBe(22);
    const defaults = descendants(docx.styles, 'w:rPrDefault')[0]!;
    expect(attr(defaults, 'w:rFonts', 'w:eastAsia')).toBe('仿宋');
    expect(attr(defaults, 'w:rFonts', 'w:ascii')).toBe('仿宋');
    expect(attr(defaults, 'w:sz', 'w:val')).toBe('32');
    const charPitch = 320 + Number(attr(defaults, 'w:spacing', 'w:val'));
    expect(Math.floor(8844 / charPitch)).toBe(28);
    expect(attr(descendants(docx.styles, 'w:pPrDefault')[0]!, 'w:spacing', 'w:line')).toBe('579');

    const texts = docx.paragraphs.map((p) => p.text);
    expect(texts[0]).toBe('A1类');
    expect(texts).toContain('湖南省交通运输厅函');
    expect(texts).toContain('湘交建议复〔2026〕12号');
    expect(texts).toContain('尊敬的张建国、李秀英代表：');
    expect(texts).toContain(
      '您提出的关于加快农村公路提质改造的建议（第12号）收悉。经商省发展改革委、省财政厅，现答复如下：',
    );
    expect(texts).toContain('（联系人：刘洋；联系电话：0731-88889999）');
    expect(texts).toContain('抄送：湖南省人大常委会选举任免联络工作委员会，湖南省人民政府办公厅。');

    const title = docx.paragraphs.find((p) => p.text === '对省十三届人大三次会议第12号建议的答复')!;
    expect(attr(title.el, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attr(title.el, 'w:sz', 'w:val')).toBe('44');
    const organ = docx.paragraphs.find((p) => p.text === '湖南省交通运输厅函')!;
    expect(attr(organ.el, 'w:pStyle', 'w:val')).toBe(LETTERHEAD_STYLE);
    expect(attr(organ.el, 'w:color', 'w:val')).toBe('FF0000');
    expect(attr(organ.el, 'w:rFonts', 'w:eastAsia')).toBe('方正小标宋简体');
    expect(attr(organ.el, 'w:bottom', 'w:color')).toBe('FF0000');
    const sealed = docx.paragraphs.find(
      (p) => p.text === '湖南省交通运输厅' && descendants(p.el, 'w:bookmarkStart').length,
    )!;
    expect(attr(sealed.el, 'w:bookmarkStart', 'w:name')).toBe(SEAL_BOOKMARK);
    const date = docx.paragraphs.find((p) => p.text === '2026年9月14日')!;
    expect(attr(date.el, 'w:jc', 'w:val')).toBe('right');
    expect(attr(date.el, 'w:ind', 'w:right')).toBe('1280');

    // "— 1 —" in 4号 宋体, odd pages right and even pages left.
    expect(attr(docx.document, 'w:evenAndOddHeaders', 'w:val') ?? 'x').not.toBe('false');
    expect(docx.footers).toHaveLength(2);
    for (const f of docx.footers) {
      expect(descendants(f, 'w:instrText').map((i) => i.children.join('').trim())).toEqual(['PAGE']);
      expect(descendants(f, 'w:t').map((t) => t.children.join(''))).toEqual(['— ', ' —']);
      expect(attr(f, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
      expect(attr(f, 'w:sz', 'w:val')).toBe('28');
    }
    expect(docx.footers.map((f) => attr(f, 'w:jc', 'w:val')).sort()).toEqual(['left', 'right']);
    const settings = await docx.zip.file('word/settings.xml')!.async('string');
    expect(settings).toContain('w:evenAndOddHeaders');
  });

  it('the HTML page has the same parts, escaped, and prints on A4 with the same margins', () => {
    const html = officialDocumentHtml(replyLetterDocument({ ...letterFacts, body: '<script>alert(1)</script>' }));
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(html).toContain('湖南省交通运输厅函');
    expect(html).toContain('湘交建议复〔2026〕12号');
    expect(html).toContain('尊敬的张建国、李秀英代表：');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });
});

describe('a unit’s own letterhead', () => {
  it('takes the place of the generated organ mark; the rest of the letter stays', async () => {
    const generated = await officialDocumentDocx(replyLetterDocument(letterFacts));
    const spliced = await readDocx(await withLetterhead(generated, await letterheadTemplate('湖南省交通运输厅信笺')));
    const texts = spliced.paragraphs.map((p) => p.text);
    expect(texts).not.toContain('湖南省交通运输厅函');
    expect(texts.slice(0, 3)).toEqual(['A1类', '湖南省交通运输厅信笺', '湘交建议复〔2026〕12号']);
    expect(texts).toContain('尊敬的张建国、李秀英代表：');
    expect(descendants(spliced.body, 'w:sectPr')).toHaveLength(1);
  });

  const refused = async (content: Buffer) => {
    const err = await checkLetterhead(content).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(400);
    return (err as AppError).message;
  };

  it('refuses what is not a .docx, in Chinese', async () => {
    expect(await refused(Buffer.from('not a word file'))).toContain('不是有效的Word文档');
    expect(await refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toContain('.doc');
    const zip = new JSZip();
    zip.file('hello.txt', '你好');
    expect(await refused(await zip.generateAsync({ type: 'nodebuffer' }))).toContain('不是有效的Word文档');
    const broken = await JSZip.loadAsync(await letterheadTemplate('信笺'));
    broken.file('word/document.xml', '<w:document><w:body><w:p>');
    expect(await refused(await broken.generateAsync({ type: 'nodebuffer' }))).toContain('已损坏');
    expect(await refused(await letterheadTemplate(''))).toContain('没有文字或图片');
    await expect(checkLetterhead(await letterheadTemplate('信笺'))).resolves.toBeUndefined();
  });
});
