import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { parseIsoDate, weekdayOf, type IsoDate } from './iso-date.js';

export type { IsoDate } from './iso-date.js';

/**
 * One day that differs from the plain Monday–Friday week:
 * 'holiday' = a public-holiday rest day, 'workday' = a weekend day worked in lieu (调休上班).
 */
export interface CalendarEntry {
  day: IsoDate;
  kind: 'holiday' | 'workday';
  name: string;
}

export interface WorkCalendar {
  isRestDay(day: IsoDate): boolean;
  entryFor(day: IsoDate): CalendarEntry | undefined;
}

/** Later entries for the same day win, so a congress's own edits can be appended to the defaults. */
export function buildWorkCalendar(entries: readonly CalendarEntry[]): WorkCalendar {
  const byDay = new Map<IsoDate, CalendarEntry>();
  for (const entry of entries) {
    parseIsoDate(entry.day);
    byDay.set(entry.day, { ...entry });
  }
  return {
    entryFor(day) {
      parseIsoDate(day);
      const entry = byDay.get(day);
      return entry ? { ...entry } : undefined;
    },
    isRestDay(day) {
      const entry = byDay.get(day);
      if (entry) return entry.kind === 'holiday';
      const weekday = weekdayOf(day);
      return weekday === 0 || weekday === 6;
    },
  };
}

// The package labels days "English,中文,count" with short Chinese names; offices write the full ones.
const FULL_NAMES: Readonly<Record<string, string>> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
};

function chineseName(label: string): string {
  const short = label.split(',')[1]?.trim() || label;
  return FULL_NAMES[short] ?? short;
}

/**
 * The State Council's published arrangements (as packaged by `chinese-days`) for the given
 * years inclusive. Years the package does not know yet simply yield no entries.
 */
export function defaultCalendarEntries(fromYear: number, toYear: number): CalendarEntry[] {
  if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
    throw new RangeError(`Bad year range: ${fromYear}–${toYear}`);
  }
  const inRange = (day: string): boolean => {
    const year = Number(day.slice(0, 4));
    return year >= fromYear && year <= toYear;
  };
  const pick = (labels: Readonly<Record<string, string>>, kind: CalendarEntry['kind']) =>
    Object.entries(labels)
      .filter(([day]) => inRange(day))
      .map(([day, label]): CalendarEntry => ({ day, kind, name: chineseName(label) }));
  return [...pick(chineseDays.holidays, 'holiday'), ...pick(chineseDays.workdays, 'workday')].sort((a, b) =>
    a.day < b.day ? -1 : a.day > b.day ? 1 : 0,
  );
}
