// Numbers as a Chinese office writes them: 第12号, 十三届, 三次会议.
import { sessionLabel, suggestionNumberLabel } from '../../../../server/src/shared/labels';

const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 13 → 十三, 20 → 二十, 105 → 一百零五 (for ordinals of terms and sessions). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
  const units: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let out = '';
  let rest = n;
  let pendingZero = false;
  for (const [size, name] of units) {
    const d = Math.floor(rest / size);
    rest %= size;
    if (d) {
      if (pendingZero) out += '零';
      out += digits[d] + name;
      pendingZero = false;
    } else if (out) pendingZero = true;
  }
  if (rest) out += (pendingZero ? '零' : '') + digits[rest];
  return out;
}

/** 第12号; between sessions the office keeps a separate series: 闭会第3号. */
export function formatSuggestionNumber(number: number | null | undefined, period?: string | null): string {
  return suggestionNumberLabel(period === 'between_sessions' ? 'between_sessions' : 'in_session', number ?? null);
}

/** 1,523 → 1523件 style counts keep digits; thousands are not separated in Chinese office text. */
export function formatCount(n: number | null | undefined, unit = '件'): string {
  return n === null || n === undefined ? '—' : `${n}${unit}`;
}

/** 省十三届人大三次会议 */
export const formatSessionName = sessionLabel;
