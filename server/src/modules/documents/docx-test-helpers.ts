import JSZip from 'jszip';
import { childElements, descendants, parseXml, textOf, type XmlElement } from './xml-dom.js';

// Reading a generated .docx back, as the tests check it: its parts parsed as XML.

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
