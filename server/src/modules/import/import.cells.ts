import { ratingLabels } from '../../shared/labels.js';
import type { RatingLevel } from '../suggestion/suggestion.workflow.js';

// How the text of one cell becomes a value, or the Chinese sentence that says why it cannot.
// Pure: the checks of every kind (deputies, units, suggestions) read their cells through these.

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });

const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1949 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** An Excel serial day number (1900 system) as a calendar day. */
export function serialToIso(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 18000 || serial > 80000) return null;
  const d = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A calendar day as offices type it: 2020-02-12, 2020/2/12, 2020.2.12, 2020年2月12日, a day
 * that Excel stores as a date (read as 2020-02-12), or Excel's serial number of a day.
 */
export function parseDay(text: string): Parsed<string> {
  const t = text.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(t);
  if (m) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok(iso) : bad(`「${t}」不是有效的日期`);
  }
  if (/^\d+$/.test(t)) {
    const iso = serialToIso(Number(t));
    if (iso) return ok(iso);
  }
  return bad(`「${t}」不是日期，请填写如 2020-02-12 或 2020年2月12日`);
}

/** A positive whole number (a suggestion's number, a term's ordinal …); 第12号 and 12号 are read as 12. */
export function parseCount(text: string, what: string): Parsed<number> {
  const t = text
    .trim()
    .replace(/^第/, '')
    .replace(/[号届次]$/, '');
  const n = /^\d+$/.test(t) ? Number(t) : chineseNumeral(t);
  return n !== null && n > 0 && n < 1_000_000 ? ok(n) : bad(`${what}「${text.trim()}」应为正整数`);
}

/** 十三 → 13, 二十一 → 21: terms and sessions are written in Chinese numerals. */
export function chineseNumeral(text: string): number | null {
  const digits: Record<string, number> = {
    零: 0,
    一: 1,
    二: 2,
    两: 2,
    三: 3,
    四: 4,
    五: 5,
    六: 6,
    七: 7,
    八: 8,
    九: 9,
  };
  if (!/^[零一二两三四五六七八九十]+$/.test(text)) return null;
  const ten = text.indexOf('十');
  if (ten === -1) return text.length === 1 ? (digits[text] ?? null) : null;
  if (text.indexOf('十', ten + 1) !== -1) return null;
  const tens = ten === 0 ? 1 : text.length > 0 && ten === 1 ? (digits[text[0]!] ?? null) : null;
  const rest = text.slice(ten + 1);
  const units = rest === '' ? 0 : rest.length === 1 ? (digits[rest] ?? null) : null;
  return tens === null || units === null ? null : tens * 10 + units;
}

/** 是/否 (also Y/N, √/×, 1/0). */
export function parseYesNo(text: string): Parsed<boolean> {
  const t = text.trim().toUpperCase();
  if (['是', 'Y', 'YES', '√', '1', 'TRUE', '按时'].includes(t)) return ok(true);
  if (['否', 'N', 'NO', '×', '0', 'FALSE', '超期', '逾期'].includes(t)) return ok(false);
  return bad(`「${text.trim()}」应填写“是”或“否”`);
}

const levelByLabel = new Map<string, RatingLevel>(
  Object.entries(ratingLabels).map(([level, label]) => [label, level as RatingLevel]),
);

/** 很满意 / 满意 / 基本满意 / 不满意. */
export function parseRating(text: string): Parsed<RatingLevel> {
  const level = levelByLabel.get(text.trim());
  return level ? ok(level) : bad(`「${text.trim()}」不是测评结果，应为很满意、满意、基本满意或不满意`);
}

export const periodByLabel = { 大会期间: 'in_session', 闭会期间: 'between_sessions' } as const;

export function parsePeriod(text: string): Parsed<'in_session' | 'between_sessions'> {
  const t = text.trim().replace(/^(大会|闭会)$/, '$1期间');
  return t in periodByLabel
    ? ok(periodByLabel[t as keyof typeof periodByLabel])
    : bad(`「${text.trim()}」应为大会期间或闭会期间`);
}

/** The roles of an answering unit as the office writes them; 会办 and 协办 are the same. */
export const roleByLabel = { 单独办理: 'sole', 主办: 'lead', 协办: 'co', 会办: 'co', 分别办理: 'separate' } as const;
export type ImportedRole = (typeof roleByLabel)[keyof typeof roleByLabel];

export function parseRole(text: string): Parsed<ImportedRole> {
  const t = text.trim();
  return t in roleByLabel
    ? ok(roleByLabel[t as keyof typeof roleByLabel])
    : bad(`「${t}」应为单独办理、主办、协办或分别办理`);
}

/** Names separated by 、，, ; or spaces (the co-signers of a joint suggestion). */
export function splitNames(text: string): string[] {
  return text
    .split(/[、,，;；\s]+/)
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}
