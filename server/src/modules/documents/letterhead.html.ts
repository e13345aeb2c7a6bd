import { escapeHtml } from './html-render.js';
import { readTemplate, templatePart, type Template } from './letterhead.js';
import { childElements, descendants, textOf, type XmlElement } from './xml-dom.js';

// An uploaded letterhead as the printable page shows it. A template is anyone's upload, so
// nothing of its markup reaches the browser: each part the page can show (text, alignment,
// colour, size, weight, the rule under a paragraph, a raster picture) is read from the XML,
// checked against what it may be, and written anew; everything else is left out.

const hex = /^[0-9A-Fa-f]{6}$/;
const count = /^\d{1,6}$/;
const EMU_PER_MM = 36000;

/** Pictures by relationship id, as data: URIs of the formats every browser shows. */
type Pictures = Map<string, string>;

/** The format by the file's own first bytes: a name or a content type can say anything. */
function rasterType(bytes: Buffer): string | null {
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  return null;
}

async function picturesOf(t: Template): Promise<Pictures> {
  const out: Pictures = new Map();
  for (const blip of t.blocks.flatMap((b) => descendants(b, 'a:blip'))) {
    const id = blip.attributes['r:embed'];
    const rel = id === undefined ? undefined : t.relationships.get(id);
    // A linked (external) picture would make every reader's browser fetch it: left out.
    if (!id || out.has(id) || !rel || rel.external || !rel.type.endsWith('/image')) continue;
    const bytes = await templatePart(t, rel.target)?.async('nodebuffer');
    const type = bytes && rasterType(bytes);
    if (bytes && type) out.set(id, `data:${type};base64,${bytes.toString('base64')}`);
  }
  return out;
}

const isOn = (el: XmlElement | undefined) =>
  el !== undefined && !['0', 'false', 'off'].includes(el.attributes['w:val'] ?? 'true');
const prop = (props: XmlElement | undefined, name: string) => (props ? childElements(props, name)[0] : undefined);

function runStyle(rPr: XmlElement | undefined): string {
  const color = prop(rPr, 'w:color')?.attributes['w:val'] ?? '';
  const size = prop(rPr, 'w:sz')?.attributes['w:val'] ?? '';
  return [
    hex.test(color) ? `color:#${color.toUpperCase()}` : '',
    count.test(size) && Number(size) > 0 ? `font-size:${Number(size) / 2}pt` : '',
    isOn(prop(rPr, 'w:b')) ? 'font-weight:bold' : '',
  ]
    .filter(Boolean)
    .join(';');
}

const alignments: Record<string, string> = {
  center: 'center',
  right: 'right',
  end: 'right',
  both: 'justify',
  distribute: 'justify',
};
const doubled = /double|thinThick|thickThin|triple/;

function paragraphStyle(pPr: XmlElement | undefined): string {
  const align = alignments[prop(pPr, 'w:jc')?.attributes['w:val'] ?? ''];
  const bottom = prop(prop(pPr, 'w:pBdr'), 'w:bottom')?.attributes ?? {};
  const kind = bottom['w:val'] ?? 'none';
  let rule = '';
  if (!['none', 'nil'].includes(kind)) {
    const color = hex.test(bottom['w:color'] ?? '') ? `#${bottom['w:color']?.toUpperCase()}` : '#000000';
    // w:sz is in eighths of a point; a CSS double rule needs some width to show its two lines.
    const eighths = count.test(bottom['w:sz'] ?? '') ? Number(bottom['w:sz']) : 4;
    const width = doubled.test(kind) ? Math.max(eighths / 8, 2.25) : Math.max(eighths / 8, 0.5);
    const space = count.test(bottom['w:space'] ?? '') ? Number(bottom['w:space']) : 1;
    rule = `border-bottom:${width}pt ${doubled.test(kind) ? 'double' : 'solid'} ${color};padding-bottom:${space}pt`;
  }
  return [align ? `text-align:${align}` : '', rule].filter(Boolean).join(';');
}

function picture(drawing: XmlElement, pictures: Pictures): string {
  const cx = descendants(drawing, 'wp:extent')[0]?.attributes.cx ?? '';
  const width = /^\d{1,9}$/.test(cx) ? ` style="width:${(Number(cx) / EMU_PER_MM).toFixed(1)}mm"` : '';
  const props = descendants(drawing, 'wp:docPr')[0]?.attributes ?? {};
  const alt = escapeHtml(props.descr || props.title || '');
  return descendants(drawing, 'a:blip')
    .map((b) => pictures.get(b.attributes['r:embed'] ?? ''))
    .filter((src) => src !== undefined)
    .map((src) => `<img src="${src}" alt="${alt}"${width}>`)
    .join('');
}

/** A run's content: its text, tabs, breaks, pictures, and the text of a text box it draws. */
function runContent(el: XmlElement, pictures: Pictures): string {
  return childElements(el)
    .map((c) => {
      if (c.name === 'w:t') return escapeHtml(textOf(c));
      if (c.name === 'w:tab') return '\u2003';
      if ((c.name === 'w:br' && c.attributes['w:type'] !== 'page') || c.name === 'w:cr') return '<br>';
      if (c.name === 'w:drawing') {
        const boxes = descendants(c, 'w:txbxContent').flatMap((box) => childElements(box, 'w:p'));
        return picture(c, pictures) + boxes.map((p) => inline(p, pictures)).join('<br>');
      }
      // Word offers a shape twice, as DrawingML and as VML: the first choice only.
      if (c.name === 'mc:AlternateContent') {
        const choice = childElements(c, 'mc:Choice')[0];
        return choice ? runContent(choice, pictures) : '';
      }
      return '';
    })
    .join('');
}

const skipped = new Set(['w:pPr', 'w:rPr', 'w:del', 'w:moveFrom', 'mc:Fallback']);

/** A paragraph's runs, also those inside hyperlinks, insertions and content controls. */
function inline(el: XmlElement, pictures: Pictures): string {
  return childElements(el)
    .filter((c) => !skipped.has(c.name))
    .map((c) => {
      if (c.name !== 'w:r') return inline(c, pictures);
      const content = runContent(c, pictures);
      const style = runStyle(prop(c, 'w:rPr'));
      return style && content ? `<span style="${style}">${content}</span>` : content;
    })
    .join('');
}

function block(el: XmlElement, pictures: Pictures): string[] {
  if (el.name === 'w:p') {
    const style = paragraphStyle(prop(el, 'w:pPr'));
    return [`<p${style ? ` style="${style}"` : ''}>${inline(el, pictures)}</p>`];
  }
  // A table's layout is not worth rebuilding for a header: its paragraphs, cell by cell.
  if (el.name === 'w:tbl')
    return childElements(el, 'w:tr')
      .flatMap((tr) => childElements(tr, 'w:tc'))
      .flatMap((tc) => childElements(tc).flatMap((c) => block(c, pictures)));
  return [];
}

/** The body of a letterhead template as HTML to stand in the page's <header>. */
export async function letterheadHtml(template: Buffer): Promise<string> {
  const t = await readTemplate(template);
  const pictures = await picturesOf(t);
  return t.blocks.flatMap((b) => block(b, pictures)).join('\n');
}
