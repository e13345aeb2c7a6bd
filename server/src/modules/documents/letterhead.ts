import JSZip from 'jszip';
import { invalidInput } from '../../platform/errors.js';
import { LETTERHEAD_STYLE } from './docx-render.js';
import {
  childElements,
  descendants,
  parseXml,
  serializeXml,
  textOf,
  xmlDeclaration,
  type XmlElement,
} from './xml-dom.js';

// A unit's or an office's own letterhead (信笺模板): a .docx whose body — the red organ mark,
// the rule, a logo — takes the place of the generated header in every document it issues.

export const MAX_LETTERHEAD_BYTES = 2 * 1024 * 1024;
const MAIN_DOCUMENT = 'word/document.xml';
const MAIN_RELS = 'word/_rels/document.xml.rels';
const MAIN_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const notDocx = '文件不是有效的Word文档，请上传.docx格式的信笺模板';

export interface Template {
  blocks: XmlElement[];
  rootAttributes: Record<string, string>;
  relationships: Map<string, { type: string; target: string; external: boolean }>;
  zip: JSZip;
}

/** The template's body blocks and parts; refuses (400, in Chinese) what is not a letterhead .docx. */
export async function readTemplate(content: Buffer): Promise<Template> {
  if (content.length === 0) throw invalidInput('信笺模板文件为空');
  if (content.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw invalidInput('不支持旧版.doc格式，请在Word中另存为.docx后上传');
  if (!content.subarray(0, 2).equals(Buffer.from('PK'))) throw invalidInput(notDocx);
  const zip = await JSZip.loadAsync(content).catch(() => {
    throw invalidInput(notDocx);
  });
  const types = await zip.file('[Content_Types].xml')?.async('string');
  const main = await zip.file(MAIN_DOCUMENT)?.async('string');
  if (!types || !main || !types.includes(MAIN_TYPE)) throw invalidInput(notDocx);
  let root: XmlElement;
  try {
    root = parseXml(main);
  } catch {
    throw invalidInput('信笺模板的正文已损坏，无法读取');
  }
  const body = childElements(root, 'w:body')[0];
  const blocks = body ? childElements(body).filter((c) => c.name === 'w:p' || c.name === 'w:tbl') : [];
  if (!blocks.some((b) => textOf(b).trim() !== '' || descendants(b, 'w:drawing').length > 0))
    throw invalidInput('信笺模板中没有文字或图片，请把发文机关标志写在模板正文中');
  const relationships = new Map<string, { type: string; target: string; external: boolean }>();
  const rels = await zip.file(MAIN_RELS)?.async('string');
  if (rels)
    for (const r of childElements(parseXml(rels), 'Relationship'))
      relationships.set(r.attributes.Id ?? '', {
        type: r.attributes.Type ?? '',
        target: r.attributes.Target ?? '',
        external: r.attributes.TargetMode === 'External',
      });
  return { blocks, rootAttributes: root.attributes, relationships, zip };
}

/** A part of the template named by a relationship's target (relative to word/, or absolute). */
export const templatePart = (t: Template, target: string) =>
  t.zip.file(`word/${target.replace(/^\//, '').replace(/^word\//, '')}`);

/** Refuses (400, in Chinese) anything that is not a .docx with a letterhead in its body. */
export async function checkLetterhead(content: Buffer): Promise<void> {
  if (content.length > MAX_LETTERHEAD_BYTES) throw invalidInput('信笺模板不能超过2MB');
  await readTemplate(content);
}

const relationshipAttributes = ['r:embed', 'r:id', 'r:link'];

function relationshipIds(el: XmlElement, out: Set<string>): Set<string> {
  for (const a of relationshipAttributes) if (el.attributes[a]) out.add(el.attributes[a]);
  for (const c of childElements(el)) relationshipIds(c, out);
  return out;
}

function renameRelationships(el: XmlElement, renamed: Map<string, string>): void {
  for (const a of relationshipAttributes) {
    const v = el.attributes[a];
    if (v && renamed.has(v)) el.attributes[a] = renamed.get(v) ?? v;
  }
  for (const c of childElements(el)) renameRelationships(c, renamed);
}

const isLetterheadParagraph = (el: XmlElement) =>
  el.name === 'w:p' &&
  childElements(el, 'w:pPr').some((ppr) =>
    childElements(ppr, 'w:pStyle').some((s) => s.attributes['w:val'] === LETTERHEAD_STYLE),
  );

const contentTypeOf: Record<string, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  emf: 'image/x-emf',
  wmf: 'image/x-wmf',
};

/**
 * The generated document with the template's body in place of its generated letterhead: the
 * template's paragraphs and tables, the pictures they show, and the namespaces they use.
 */
export async function withLetterhead(generated: Buffer, template: Buffer): Promise<Buffer> {
  const t = await readTemplate(template);
  const zip = await JSZip.loadAsync(generated);
  const root = parseXml((await zip.file(MAIN_DOCUMENT)?.async('string')) ?? '');
  const body = childElements(root, 'w:body')[0];
  if (!body) throw new Error('generated document without a body');

  const relsXml = parseXml((await zip.file(MAIN_RELS)?.async('string')) ?? '<Relationships/>');
  const typesXml = parseXml((await zip.file('[Content_Types].xml')?.async('string')) ?? '<Types/>');
  const renamed = new Map<string, string>();
  const used = new Set<string>();
  for (const b of t.blocks) relationshipIds(b, used);
  for (const id of used) {
    const rel = t.relationships.get(id);
    if (!rel || !rel.type.endsWith('/image')) continue;
    const newId = `rIdLetterhead${renamed.size + 1}`;
    renamed.set(id, newId);
    let target = rel.target;
    if (!rel.external) {
      const source = templatePart(t, rel.target);
      if (!source) continue;
      const ext = (rel.target.split('.').pop() ?? '').toLowerCase();
      target = `media/letterhead${renamed.size}.${ext}`;
      zip.file(`word/${target}`, await source.async('nodebuffer'));
      const type = contentTypeOf[ext];
      if (type && !childElements(typesXml, 'Default').some((d) => d.attributes.Extension === ext))
        typesXml.children.push({ name: 'Default', attributes: { Extension: ext, ContentType: type }, children: [] });
    }
    relsXml.children.push({
      name: 'Relationship',
      attributes: { Id: newId, Type: rel.type, Target: target, ...(rel.external ? { TargetMode: 'External' } : {}) },
      children: [],
    });
  }
  const blocks = t.blocks.map((b) => structuredClone(b));
  for (const b of blocks) renameRelationships(b, renamed);

  const at = body.children.findIndex((c) => typeof c !== 'string' && isLetterheadParagraph(c));
  body.children = body.children.filter((c) => typeof c === 'string' || !isLetterheadParagraph(c));
  body.children.splice(Math.max(0, at), 0, ...blocks);
  for (const [k, v] of Object.entries(t.rootAttributes))
    if (k.startsWith('xmlns:') && !(k in root.attributes)) root.attributes[k] = v;

  zip.file(MAIN_DOCUMENT, xmlDeclaration + serializeXml(root));
  zip.file(MAIN_RELS, xmlDeclaration + serializeXml(relsXml));
  zip.file('[Content_Types].xml', xmlDeclaration + serializeXml(typesXml));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
