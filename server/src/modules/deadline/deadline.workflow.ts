import { chineseWeekday, formatChineseDate, formatChineseMonthDay } from './chinese-date.js';
import {
  addCalendarDays,
  addCalendarMonths,
  daysBetween,
  parseIsoDate,
  weekdayOf,
  type IsoDate,
} from './iso-date.js';
import type { WorkCalendar } from './work-calendar.js';

export { addCalendarDays, chinaToday, daysBetween } from './iso-date.js';
export type { IsoDate } from './iso-date.js';

export type Period = { amount: number; unit: 'months' | 'days' | 'working_days' };

export interface Deadline {
  due: IsoDate;
  /** How the date was reached, in the wording an office would put on the page. */
  explanation: string;
}

// A calendar with this many rest days in a row is broken; stop rather than loop forever.
const MAX_REST_RUN = 3660;

function nextWorkingDay(day: IsoDate, calendar: WorkCalendar): IsoDate {
  let current = day;
  for (let i = 0; i < MAX_REST_RUN; i += 1) {
    current = addCalendarDays(current, 1);
    if (!calendar.isRestDay(current)) return current;
  }
  throw new Error(`No working day within ${MAX_REST_RUN} days after ${day}`);
}

function restReason(day: IsoDate, calendar: WorkCalendar): string {
  const entry = calendar.entryFor(day);
  const reason = entry?.kind === 'holiday' ? `${entry.name}假期` : '休息日';
  return `${chineseWeekday(day)}，${reason}`;
}

function isWeekend(day: IsoDate): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

function countWorkingDays(start: IsoDate, amount: number, calendar: WorkCalendar): Deadline {
  const inLieu: IsoDate[] = [];
  let current = start;
  for (let counted = 0; counted < amount; counted += 1) {
    current = nextWorkingDay(current, calendar);
    if (isWeekend(current) && calendar.entryFor(current)?.kind === 'workday') inLieu.push(current);
  }
  const startYear = parseIsoDate(start).year;
  const shortDate = (day: IsoDate) =>
    parseIsoDate(day).year === startYear ? formatChineseMonthDay(day) : formatChineseDate(day);
  const note = inLieu.length > 0 ? `（${inLieu.map(shortDate).join('、')}调休上班）` : '';
  return {
    due: current,
    explanation: `自${formatChineseDate(start)}起算${amount}个工作日${note}，至${formatChineseDate(current)}`,
  };
}

/**
 * Civil Code arts. 201–203: the start day is not counted; months end on the same day number
 * (or the month's last day); a last day that is a rest day moves to the next working day.
 * Working days are counted one by one, so the N-th working day is already a working day.
 */
export function computeDeadline(start: IsoDate, period: Period, calendar: WorkCalendar): Deadline {
  const { amount, unit } = period;
  if (!Number.isInteger(amount) || amount < 1) {
    throw new RangeError(`Period amount must be a positive integer: ${amount}`);
  }
  const startDay = parseIsoDate(start).day;
  if (unit === 'working_days') return countWorkingDays(start, amount, calendar);

  const end = unit === 'months' ? addCalendarMonths(start, amount) : addCalendarDays(start, amount);
  const notes: string[] = [];
  const endParts = parseIsoDate(end);
  if (unit === 'months' && endParts.day !== startDay) {
    notes.push(`${endParts.month}月无${startDay}日，取月末日`);
  }
  let due = end;
  if (calendar.isRestDay(end)) {
    notes.push(restReason(end, calendar));
    due = nextWorkingDay(end, calendar);
  }
  const length = unit === 'months' ? `${amount}个月` : `${amount}日`;
  const note = notes.length > 0 ? `（${notes.join('；')}）` : '';
  const shift = due === end ? '' : `，顺延至${formatChineseDate(due)}`;
  return {
    due,
    explanation: `自${formatChineseDate(start)}起算，${length}期满为${formatChineseDate(end)}${note}${shift}`,
  };
}

/** The last day counts in full (it ends at 24:00 China time). */
export function isOnTime(doneOn: IsoDate, due: IsoDate): boolean {
  return daysBetween(doneOn, due) >= 0;
}

export type DeadlineStanding =
  | 'done_on_time'
  | 'done_late'
  | 'on_track'
  | 'near'
  | 'overdue'
  | 'overdue_3_months'
  | 'unlawful_6_months';

export interface DeadlineStandingInput {
  due: IsoDate;
  assignedOn: IsoDate;
  today: IsoDate;
  doneOn?: IsoDate | null;
  nearDays?: number;
}

/**
 * daysLeft is due − today; once done it is due − doneOn (negative = days late).
 * The 3- and 6-month marks escalate an overdue item only: a due date moved past a mark by the
 * rest-day rule or an approved extension is not yet late, and the law's 3/6-month limits are
 * about late replies. The marks use the month rule without the rest-day shift.
 */
export function deadlineStanding(input: DeadlineStandingInput): {
  standing: DeadlineStanding;
  daysLeft: number;
} {
  const { due, assignedOn, today, doneOn, nearDays = 7 } = input;
  if (!Number.isInteger(nearDays) || nearDays < 0) {
    throw new RangeError(`nearDays must be a non-negative integer: ${nearDays}`);
  }
  parseIsoDate(assignedOn);
  if (doneOn) {
    const daysLeft = daysBetween(doneOn, due);
    return { standing: daysLeft >= 0 ? 'done_on_time' : 'done_late', daysLeft };
  }
  const daysLeft = daysBetween(today, due);
  if (daysLeft >= 0) return { standing: daysLeft <= nearDays ? 'near' : 'on_track', daysLeft };
  if (daysBetween(addCalendarMonths(assignedOn, 6), today) > 0) {
    return { standing: 'unlawful_6_months', daysLeft };
  }
  if (daysBetween(addCalendarMonths(assignedOn, 3), today) > 0) {
    return { standing: 'overdue_3_months', daysLeft };
  }
  return { standing: 'overdue', daysLeft };
}

/**
 * Whether today is a reminder day: one of the offsets (days before due), or any day past due
 * (reminders go out daily while overdue). On the due day itself only an offset 0 reminds.
 */
export function reminderOffsetsDue(
  due: IsoDate,
  today: IsoDate,
  offsets: readonly number[],
): 'before' | 'overdue' | null {
  const daysLeft = daysBetween(today, due);
  if (daysLeft < 0) return 'overdue';
  return offsets.includes(daysLeft) ? 'before' : null;
}
