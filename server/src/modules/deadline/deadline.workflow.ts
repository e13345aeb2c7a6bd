import { chineseWeekday, formatChineseDate, formatChineseMonthDay } from './chinese-date.js';
import { addCalendarDays, addCalendarMonths, daysBetween, parseIsoDate, weekdayOf, type IsoDate } from './iso-date.js';
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
  'done_on_time' | 'done_late' | 'on_track' | 'near' | 'overdue' | 'past_reply_due' | 'past_latest_due';

export interface DeadlineStandingInput {
  due: IsoDate;
  today: IsoDate;
  doneOn?: IsoDate | null;
  /** The congress's near-due days (policy `nearDays`). */
  nearDays: number;
  /** The reply date the policy gave at assignment (3 months by default) and the latest lawful one (6 months). */
  replyDue: IsoDate;
  replyDueLatest: IsoDate;
}

/**
 * daysLeft is due − today; once done it is due − doneOn (negative = days late).
 * The two marks escalate an overdue item only, and come from the congress's policy as stored
 * on the assignment: past the reply date it got when assigned (默认三个月), and past the latest
 * lawful date (默认六个月). A due date moved later by an approved extension is not yet late.
 */
export function deadlineStanding(input: DeadlineStandingInput): {
  standing: DeadlineStanding;
  daysLeft: number;
} {
  const { due, today, doneOn, nearDays, replyDue, replyDueLatest } = input;
  if (!Number.isInteger(nearDays) || nearDays < 0) {
    throw new RangeError(`nearDays must be a non-negative integer: ${nearDays}`);
  }
  if (doneOn) {
    const daysLeft = daysBetween(doneOn, due);
    return { standing: daysLeft >= 0 ? 'done_on_time' : 'done_late', daysLeft };
  }
  const daysLeft = daysBetween(today, due);
  if (daysLeft >= 0) return { standing: daysLeft <= nearDays ? 'near' : 'on_track', daysLeft };
  if (today > replyDueLatest) return { standing: 'past_latest_due', daysLeft };
  if (today > replyDue) return { standing: 'past_reply_due', daysLeft };
  return { standing: 'overdue', daysLeft };
}

/**
 * Which reminder today calls for: the latest mark (days before due, from the policy) that has
 * been reached, or 'overdue' on any day past due (reminders go out daily while overdue). The
 * caller sends a mark once per due date, so a scanner that was down on a mark's day sends one
 * catch-up notice for the mark it finds reached, never one per missed day.
 */
export function reminderDue(
  due: IsoDate,
  today: IsoDate,
  offsets: readonly number[],
): { kind: 'before'; mark: number } | { kind: 'overdue' } | null {
  const daysLeft = daysBetween(today, due);
  if (daysLeft < 0) return { kind: 'overdue' };
  const reached = offsets.filter((o) => o >= daysLeft);
  return reached.length === 0 ? null : { kind: 'before', mark: Math.min(...reached) };
}
