import { chinaParts, parseIsoDate, weekdayOf, type IsoDate } from './iso-date.js';

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

/** '2020年9月14日'; an instant is shown as its date in China, not the server's zone. */
export function formatChineseDate(day: IsoDate | Date): string {
  const { year, month, day: d } = typeof day === 'string' ? parseIsoDate(day) : chinaParts(day);
  return `${year}年${month}月${d}日`;
}

/** '9月14日' — for dates inside a sentence whose year is already clear. */
export function formatChineseMonthDay(day: IsoDate): string {
  const { month, day: d } = parseIsoDate(day);
  return `${month}月${d}日`;
}

export function chineseWeekday(day: IsoDate): string {
  return WEEKDAYS[weekdayOf(day)] ?? '';
}

/** '2020年9月14日 14:05' in China time. */
export function formatChineseDateTime(d: Date): string {
  const { year, month, day, hour, minute } = chinaParts(d);
  const hh = String(hour).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return `${year}年${month}月${day}日 ${hh}:${mm}`;
}
