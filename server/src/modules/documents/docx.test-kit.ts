import { AlignmentType, BorderStyle, Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import type { Client, TestContext } from '../../test/test-app.js';
import type { ReplyLetterFacts } from './reply-letter.js';
import { childElements, descendants, parseXml, textOf, type XmlElement } from './xml-dom.js';

// Reading a generated .docx back, as the tests check it: its parts parsed as XML; and the
// letterhead templates the tests upload, made as Word would make them.

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function readDocx(content: Buffer) {
  const zip = await JSZip.loadAsync(content);
  const part = async (name: string) => {
    const text = await zip.file(name)?.async('string');
    if (text === undefined) throw new Error(`${name} missing`);
    return parseXml(text);
  };
  const document = await part('word/document.xml');
  const body = childElements(document, 'w:body')[0];
  if (!body) throw new Error('no body');
  const paragraphs = childElements(body, 'w:p').map((p) => ({ el: p, text: textOf(p) }));
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((n) => /^word\/footer\d+\.xml$/.test(n))
      .map(part),
  );
  return { zip, document, body, paragraphs, styles: await part('word/styles.xml'), footers };
}

/** The value of one attribute of the first element of that name under `el`. */
export function attr(el: XmlElement, name: string, attribute: string): string | undefined {
  return descendants(el, name)[0]?.attributes[attribute];
}

/** A letter of the transport department to two deputies, as the pure tests and the rendering use it. */
export const letterFacts: ReplyLetterFacts = {
  suggestion: {
    congressName: '湖南省人民代表大会',
    congressShortName: '省',
    termOrdinal: 13,
    sessionOrdinal: 3,
    period: 'in_session',
    number: 12,
    title: '关于加快农村公路提质改造的建议',
  },
  deputyNames: ['张建国', '李秀英'],
  unitName: '湖南省交通运输厅',
  isGovernmentUnit: true,
  classCode: 'A1',
  docNumber: '湘交建议复〔2026〕12号',
  body: '一、关于农村公路建设。今年全省计划完成农村公路提质改造5000公里。\n二、关于养护资金。省财政已安排专项资金。',
  consultedUnits: '省发展改革委、省财政厅',
  handlerName: '刘洋',
  handlerPhone: '0731-88889999',
  sentAt: new Date('2026-09-14T02:00:00Z'),
};

/** A 1×1 red PNG, as a unit's logo. */
export const logoPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A letterhead template: the organ's name centred in red at 30 pt over a double red rule, and
 * under it, if given, a picture (alt text 徽标).
 */
export async function letterheadTemplate(text: string, picture?: Buffer): Promise<Buffer> {
  const children = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.DOUBLE, size: 12, color: 'FF0000', space: 4 } },
      children: [new TextRun({ text, color: 'FF0000', size: 60, bold: true })],
    }),
  ];
  if (picture)
    children.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: 'png',
            data: picture,
            transformation: { width: 48, height: 48 },
            altText: { name: 'logo', description: '徽标', title: '徽标' },
          }),
        ],
      }),
    );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** PUT /api/letterhead as the browser's form sends it: one file, field name `file`. */
export function putLetterhead(t: TestContext, client: Client, fileName: string, content: Buffer) {
  const boundary = '----lianxin-letterhead';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${DOCX}\r\n\r\n`,
  );
  return t.app.inject({
    method: 'PUT',
    url: '/api/letterhead',
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: {
      cookie: client.cookie,
      'x-csrf-token': client.csrfToken,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
}
