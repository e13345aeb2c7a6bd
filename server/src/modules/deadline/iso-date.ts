/** A calendar date 'YYYY-MM-DD' as seen in China; it carries no time and no zone. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** Rejects malformed and impossible dates (e.g. 2021-02-29) so that bad input fails loudly. */
export function parseIsoDate(day: IsoDate): DateParts {
  const match = ISO_DATE.exec(day);
  if (match) {
    const parts = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
    if (isoFromParts(parts) === day) return parts;
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(day)}`);
}

/** Normalises overflow (month 13, day 32) the way Date.UTC does. */
export function isoFromParts(parts: DateParts): IsoDate {
  return isoFromUtc(new Date(Date.UTC(parts.year, parts.month - 1, parts.day)));
}

function isoFromUtc(date: Date): IsoDate {
  // toISOString would misprint years outside 0000–9999; those never occur here.
  return date.toISOString().slice(0, 10);
}

// Calendar arithmetic on UTC midnights: UTC has no DST, so a day is always 86 400 000 ms.
function utcMs(day: IsoDate): number {
  const { year, month, day: d } = parseIsoDate(day);
  return Date.UTC(year, month - 1, d);
}

export function addCalendarDays(day: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Day count must be an integer: ${n}`);
  return isoFromUtc(new Date(utcMs(day) + n * MS_PER_DAY));
}

/** to − from in calendar days (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMs(to) - utcMs(from)) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: IsoDate): number {
  return new Date(utcMs(day)).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Civil Code art. 202: N months end on the same day number of the N-th following month,
 * or on that month's last day when it has no such day. No rest-day shift here.
 */
export function addCalendarMonths(day: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Month count must be an integer: ${n}`);
  const { year, month, day: d } = parseIsoDate(day);
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  return isoFromParts({
    year: targetYear,
    month: targetMonth,
    day: Math.min(d, daysInMonth(targetYear, targetMonth)),
  });
}

// China keeps UTC+8 all year and has not observed daylight saving time since 1991, so the
// wall clock is a fixed offset for every date this system handles: no time-zone database
// lookup on each request.
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The wall-clock date and time in China at the instant `now`, whatever the server's zone. */
export function chinaParts(now: Date): DateParts & { hour: number; minute: number } {
  if (Number.isNaN(now.getTime())) throw new RangeError('Invalid Date');
  const local = new Date(now.getTime() + CHINA_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

export function chinaToday(now: Date): IsoDate {
  return isoFromParts(chinaParts(now));
}
