// Dates as a Chinese office writes them: 2020年9月14日. Calendar dates (YYYY-MM-DD) are
// shown as they are; instants are shown in China time whatever the browser's zone.

const CHINA = 'Asia/Shanghai';
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsOf(value: string | Date): Parts | null {
  if (typeof value === 'string') {
    const m = isoDate.exec(value);
    if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0 };
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  const get = (type: string) => Number(partsFormatter.formatToParts(date).find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** 2020年9月14日 */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const p = partsOf(value);
  return p ? `${p.year}年${p.month}月${p.day}日` : '—';
}

/** 2020年9月14日 14:05 */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  const p = partsOf(value);
  if (!p) return '—';
  return `${p.year}年${p.month}月${p.day}日 ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** Today's calendar date in China, as YYYY-MM-DD. */
export function chinaToday(now: Date = new Date()): string {
  const p = partsOf(now)!;
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

function dayNumber(iso: string): number {
  const m = isoDate.exec(iso.slice(0, 10));
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/** Whole days from today (China) to a due date: negative when overdue. */
export function daysUntil(due: string, today: string = chinaToday()): number {
  return dayNumber(due) - dayNumber(today);
}

export type DueTone = 'overdue' | 'near' | 'normal' | 'done';

export function dueTone(due: string | null | undefined, nearDays = 15, done = false): DueTone {
  if (done || !due) return 'done';
  const left = daysUntil(due);
  if (left < 0) return 'overdue';
  if (left <= nearDays) return 'near';
  return 'normal';
}

/** 剩余12天 / 今日到期 / 逾期3天 */
export function describeDue(due: string | null | undefined): string {
  if (!due) return '—';
  const left = daysUntil(due);
  if (Number.isNaN(left)) return '—';
  if (left > 0) return `剩余${left}天`;
  if (left === 0) return '今日到期';
  return `逾期${-left}天`;
}
