import { addCalendarDays, chinaToday, daysBetween, type IsoDate } from '../../../modules/deadline/iso-date.js';
import type { WorkCalendar } from '../../../modules/deadline/work-calendar.js';
import type { Rng } from './random.js';

// Dates of the fabricated history. Every event falls on a working day in office hours, China
// time, and no later than yesterday, so the demo never shows something that has not happened.

export { addCalendarDays as addDays, chinaToday, daysBetween, type IsoDate };

/** The instant of hh:mm on `day` in China. */
export function atChina(day: IsoDate, hour: number, minute = 0): Date {
  const hh = String(hour).padStart(2, '0');
  const mm = String(minute).padStart(2, '0');
  return new Date(`${day}T${hh}:${mm}:00+08:00`);
}

export const dayOf = (at: Date): IsoDate => chinaToday(at);

export class Timeline {
  /** The last day on which fabricated events may happen. */
  readonly lastDay: IsoDate;

  constructor(
    readonly rng: Rng,
    readonly calendar: WorkCalendar,
    readonly today: IsoDate,
  ) {
    this.lastDay = addCalendarDays(today, -1);
  }

  /** today + offset days. */
  day(offset: number): IsoDate {
    return addCalendarDays(this.today, offset);
  }

  /** The first working day on or after `day`. */
  workday(day: IsoDate): IsoDate {
    let d = day;
    while (this.calendar.isRestDay(d)) d = addCalendarDays(d, 1);
    return d;
  }

  /** A working day in [from, to] (to is clamped to lastDay); `from` itself when the range is empty. */
  workdayBetween(from: IsoDate, to: IsoDate): IsoDate {
    const end = to > this.lastDay ? this.lastDay : to;
    const span = daysBetween(from, end);
    if (span <= 0) return from;
    for (let attempt = 0; attempt < 6; attempt++) {
      const d = addCalendarDays(from, this.rng.int(0, span));
      if (!this.calendar.isRestDay(d)) return d;
    }
    const d = this.workday(from);
    return d > end ? from : d;
  }

  /** A random moment of office hours on `day`. */
  timeOn(day: IsoDate, fromHour = 8, toHour = 17): Date {
    return atChina(day, this.rng.int(fromHour, toHour), this.rng.int(0, 59));
  }

  /** A moment of office hours on a working day between from+minDays and from+maxDays. */
  after(from: Date, minDays: number, maxDays: number, cap?: IsoDate): Date {
    const limit = cap && cap < this.lastDay ? cap : this.lastDay;
    const clamp = (d: IsoDate) => (d > limit ? limit : d);
    const start = clamp(addCalendarDays(dayOf(from), minDays));
    const day = this.workdayBetween(start, clamp(addCalendarDays(dayOf(from), maxDays)));
    const at = this.timeOn(day);
    // Same day as `from` (or the window is already over): keep the order of events.
    return at <= from ? new Date(from.getTime() + this.rng.int(10, 90) * 60_000) : at;
  }

  /** Like after(), or null when even the earliest day of the window is after lastDay. */
  maybeAfter(from: Date, minDays: number, maxDays: number): Date | null {
    if (addCalendarDays(dayOf(from), minDays) > this.lastDay) return null;
    return this.after(from, minDays, maxDays);
  }

  /** A few minutes later: steps done one after the other. */
  soon(from: Date, maxMinutes = 40): Date {
    return new Date(from.getTime() + this.rng.int(1, maxMinutes) * 60_000);
  }
}
