import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialDocumentDocx } from './docx-render.js';
import { letterFacts } from './docx.test-kit.js';
import { page } from './gbt9704.js';
import { replyLetterDocument } from './reply-letter.js';

// The reply letter as LibreOffice lays it out (Debian has no 仿宋: a CJK fallback font stands
// in), checked on the rendering itself: A4, the margins, the red header and rule, 22 lines on
// a full page, the page numbers. .ci/run installs LibreOffice and poppler; without them this fails.

const DPI = 100;
const px = (mm: number) => Math.round((mm / 25.4) * DPI);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianxin-letter-'));

interface Raster {
  width: number;
  height: number;
  rgb(x: number, y: number): [number, number, number];
}

/** A page of the PDF as pixels (pdftoppm's PPM: a text header, then RGB bytes). */
function rasterOf(pdf: string, pageNo: number): Raster {
  const out = path.join(dir, `page${pageNo}`);
  execFileSync('pdftoppm', ['-r', String(DPI), '-f', String(pageNo), '-l', String(pageNo), '-singlefile', pdf, out]);
  const data = fs.readFileSync(`${out}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('not a PPM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  return {
    width,
    height,
    rgb: (x, y) => {
      const i = offset + (y * width + x) * 3;
      return [data[i] ?? 255, data[i + 1] ?? 255, data[i + 2] ?? 255];
    },
  };
}

const isRed = ([r, g, b]: [number, number, number]) => r > 180 && g < 100 && b < 100;
const isInk = ([r, g, b]: [number, number, number]) => Math.max(r, g, b) < 120;

/** Runs of rows that have ink between two heights (text lines), as [top, bottom] pixel rows. */
function lineBands(r: Raster, fromMm: number, toMm: number): [number, number][] {
  const bands: [number, number][] = [];
  for (let y = px(fromMm); y < px(toMm); y++) {
    let ink = 0;
    for (let x = 0; x < r.width; x += 1) if (isInk(r.rgb(x, y))) ink++;
    if (ink < 2) continue;
    const last = bands[bands.length - 1];
    if (last && y - last[1] <= 3) last[1] = y;
    else bands.push([y, y]);
  }
  return bands;
}

let pdf = '';
let text = '';

beforeAll(() => {
  for (const tool of ['soffice', 'pdftoppm', 'pdftotext', 'pdfinfo']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`]);
    } catch {
      throw new Error(
        `${tool} 未安装：apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk（见 .ci/run）`,
      );
    }
  }
}, 10_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the reply letter rendered by LibreOffice', () => {
  it('converts to a PDF of several pages', async () => {
    const paragraph =
      '农村公路是乡村振兴的基础设施，我厅高度重视，组织有关处室认真研究，现将有关情况答复如下，感谢您对交通运输工作的关心和支持。';
    const body = Array.from({ length: 14 }, (_, i) => `${i + 1}. ${paragraph.repeat(2)}`).join('\n');
    const docx = path.join(dir, 'letter.docx');
    fs.writeFileSync(docx, await officialDocumentDocx(replyLetterDocument({ ...letterFacts, body })));
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
      { stdio: 'ignore', timeout: 170_000 },
    );
    pdf = path.join(dir, 'letter.pdf');
    text = execFileSync('pdftotext', [pdf, '-']).toString();
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(3);
    // A4 is 595.28 × 841.89 points.
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    expect(Math.abs(Number(size?.[1]) - 595.28)).toBeLessThan(1);
    expect(Math.abs(Number(size?.[2]) - 841.89)).toBeLessThan(1);
  }, 180_000);

  it('has the red organ mark and the red rule across the type area at the top of the first page', () => {
    const r = rasterOf(pdf, 1);
    expect(r.width).toBe(px(210));
    let red = 0;
    let widestRedRow = 0;
    for (let y = px(page.marginTopMm - 2); y < px(95); y++) {
      let row = 0;
      for (let x = 0; x < r.width; x++) if (isRed(r.rgb(x, y))) row++;
      red += row;
      widestRedRow = Math.max(widestRedRow, row);
    }
    expect(red).toBeGreaterThan(2000);
    // The rule spans the 156 mm type area.
    expect(widestRedRow).toBeGreaterThan(px(150));
    // Nothing red in the body below it.
    let redBelow = 0;
    for (let y = px(110); y < px(260); y++) for (let x = 0; x < r.width; x++) if (isRed(r.rgb(x, y))) redBelow++;
    expect(redBelow).toBe(0);
  });

  it('sets a full page in 22 lines inside the margins', () => {
    const r = rasterOf(pdf, 2);
    const bands = lineBands(r, page.marginTopMm - 5, page.heightMm - page.marginBottomMm + 2);
    expect(bands).toHaveLength(page.linesPerPage);
    // The first line starts at the top margin, the last ends above the bottom margin.
    const top = (bands[0]![0] / DPI) * 25.4;
    expect(top).toBeGreaterThan(page.marginTopMm - 1);
    expect(top).toBeLessThan(page.marginTopMm + 6);
    expect((bands[bands.length - 1]![1] / DPI) * 25.4).toBeLessThan(page.heightMm - page.marginBottomMm);
    let left = r.width;
    let right = 0;
    for (let y = px(page.marginTopMm); y < px(page.heightMm - page.marginBottomMm); y++)
      for (let x = 0; x < r.width; x++)
        if (isInk(r.rgb(x, y))) {
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
    expect(Math.abs((left / DPI) * 25.4 - page.marginInsideMm)).toBeLessThan(2);
    expect((right / DPI) * 25.4).toBeLessThan(page.widthMm - page.marginRightMm + 1);
    expect((right / DPI) * 25.4).toBeGreaterThan(page.widthMm - page.marginRightMm - 6);
  });

  it('numbers the pages "— 1 —", "— 2 —" below the type area', () => {
    const pages = text.split('\f').map((p) => p.replace(/\s+/g, ' '));
    expect(pages[0]).toMatch(/— ?1 ?—/);
    expect(pages[1]).toMatch(/— ?2 ?—/);
    const r = rasterOf(pdf, 2);
    const footer = lineBands(r, page.heightMm - page.marginBottomMm, page.heightMm);
    expect(footer).toHaveLength(1);
  });
});
