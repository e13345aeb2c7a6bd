// The page of an official document (党政机关公文格式 GB/T 9704-2012), as numbers both the Word
// and the HTML renderings use (no I/O). Word measures in twentieths of a point (twips) and
// font sizes in half-points; one millimetre is 1440 / 25.4 twips.

export const twipsOfMm = (mm: number): number => Math.round((mm * 1440) / 25.4);

/** The fonts by the names an office's Word has them (Windows ships 仿宋, 黑体, 宋体; offices install 方正小标宋简体). */
export const fonts = {
  body: '仿宋',
  title: '方正小标宋简体',
  heading: '黑体',
  pageNumber: '宋体',
} as const;

/** 字号 in points: 二号 22, 三号 16, 四号 14. */
export const sizes = {
  title: 22,
  body: 16,
  pageNumber: 14,
  /** 发文机关标志: larger than the title, smaller than a superior organ's (信函格式 about 30 pt). */
  organMark: 30,
} as const;

export const page = {
  widthMm: 210,
  heightMm: 297,
  marginTopMm: 37,
  marginBottomMm: 35,
  /** 订口 (the binding side), left on odd pages. */
  marginInsideMm: 28,
  marginRightMm: 26,
  /** 页码 sits 7 mm below the type area; the footer's lower edge is this far from the page's. */
  footerMm: 23,
  linesPerPage: 22,
  charsPerLine: 28,
} as const;

export const colours = {
  /** 发文机关标志 and the rule under it are red. */
  red: 'FF0000',
  black: '000000',
} as const;

const typeWidthTwips = twipsOfMm(page.widthMm - page.marginInsideMm - page.marginRightMm);
const typeHeightTwips = twipsOfMm(page.heightMm - page.marginTopMm - page.marginBottomMm);

/**
 * The document grid: 22 lines in the 225 mm type area, 28 characters in its 156 mm width. The
 * lines are the grid's pitch; the characters are the body size less a little spacing between
 * them (a character grid would do the same in Word, but LibreOffice lays one out differently).
 */
export const grid = {
  linePitchTwips: Math.floor(typeHeightTwips / page.linesPerPage),
  characterSpacingTwips: Math.floor(typeWidthTwips / page.charsPerLine) - sizes.body * 20,
} as const;

export const twips = {
  width: twipsOfMm(page.widthMm),
  height: twipsOfMm(page.heightMm),
  top: twipsOfMm(page.marginTopMm),
  bottom: twipsOfMm(page.marginBottomMm),
  left: twipsOfMm(page.marginInsideMm),
  right: twipsOfMm(page.marginRightMm),
  footer: twipsOfMm(page.footerMm),
  typeWidth: typeWidthTwips,
  /** One character of body text: indents of 空二字, 右空四字. */
  char: sizes.body * 20,
} as const;

/** The page of a document section in docx's terms: A4 and the standard's margins. */
export const a4Page = {
  size: { width: twips.width, height: twips.height },
  margin: { top: twips.top, bottom: twips.bottom, left: twips.left, right: twips.right, footer: twips.footer },
} as const;

/** The rule under the organ mark, in eighths of a point (Word's border width). */
export const ruleEighths = 18;
