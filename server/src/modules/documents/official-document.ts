import { sizes, twips } from './gbt9704.js';

// One official document as its parts, in the order GB/T 9704 puts them (no I/O). The Word
// and the HTML renderings read this; the reply letter and the urging notice build it.

export interface OfficialDocument {
  /** The file's name without extension, and the page's title. */
  name: string;
  /** The reply class shown top-left of the first page (答复分类), e.g. 'A类'. */
  classMark: string | null;
  /** 发文机关标志: the issuing organ's name and the kind of document after it. */
  organ: { name: string; suffix: '文件' | '函' | '' };
  docNumber: string;
  title: string;
  /** 主送机关 or the salutation, with its colon. */
  addressee: string;
  /** The text, one entry per paragraph (each indented two characters). */
  paragraphs: string[];
  /** 发文机关署名 and 成文日期 ('2026年9月14日'); the seal covers both. */
  signature: { organ: string; date: string };
  /** 附注, shown in parentheses under the date: the handler and phone. */
  note: string | null;
  /** 抄送 organs, in order. */
  copiesTo: string[];
}

/** The header's text: 湖南省交通运输厅函. */
export const organMarkText = (d: Pick<OfficialDocument, 'organ'>): string => d.organ.name + d.organ.suffix;

/** 抄送：甲，乙。 */
export const copiesLine = (copiesTo: readonly string[]): string => `抄送：${copiesTo.join('，')}。`;

/**
 * The width of a line of text in characters of the body size: Chinese characters and
 * full-width punctuation take one, Latin letters and digits half (半角).
 */
export function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) < 0x2e80 ? 0.5 : 1;
  return w;
}

/** The organ mark's size: 30 pt, smaller when a long name would not fit on one line. */
export function organMarkSize(d: Pick<OfficialDocument, 'organ'>): number {
  return Math.min(sizes.organMark, Math.floor(twips.typeWidth / 20 / widthInChars(organMarkText(d))));
}

/**
 * 成文日期右空四字, and the organ's name centred over the date (GB/T 9704 7.3.5.1): the
 * right indents, in characters, of the two lines of the signature.
 */
export function signatureIndents(signature: OfficialDocument['signature']): { organ: number; date: number } {
  const date = 4;
  const organ = Math.max(0, date + (widthInChars(signature.date) - widthInChars(signature.organ)) / 2);
  return { organ, date };
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 13 → 十三, 3 → 三, 20 → 二十: how a term or a session is named (十三届人大三次会议). */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${DIGITS[tens]}十`;
  return head + (ones === 0 ? '' : DIGITS[ones]);
}
