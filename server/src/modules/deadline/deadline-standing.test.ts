import { describe, it, expect } from 'vitest';
import { computeDeadline, deadlineStanding, isOnTime, reminderOffsetsDue } from './deadline.workflow.js';
import { buildWorkCalendar, defaultCalendarEntries } from './work-calendar.js';

const calendar = buildWorkCalendar(defaultCalendarEntries(2019, 2021));

describe('deadlineStanding', () => {
  const base = { assignedOn: '2020-02-12', due: '2020-05-12' };

  it.each([
    ['2020-04-01', 'on_track', 41],
    ['2020-05-04', 'on_track', 8],
    ['2020-05-05', 'near', 7],
    ['2020-05-12', 'near', 0],
    ['2020-05-13', 'overdue_3_months', -1],
    ['2020-08-12', 'overdue_3_months', -92],
    ['2020-08-13', 'unlawful_6_months', -93],
  ] as const)('on %s an open item is %s (%i days left)', (today, standing, daysLeft) => {
    expect(deadlineStanding({ ...base, today })).toEqual({ standing, daysLeft });
  });

  it('is plainly overdue when a shorter deadline passes within three months', () => {
    // Co-handling opinion: 2 months, 12 April 2020 was a Sunday.
    const due = computeDeadline('2020-02-12', { amount: 2, unit: 'months' }, calendar).due;
    expect(due).toBe('2020-04-13');
    expect(deadlineStanding({ assignedOn: '2020-02-12', due, today: '2020-04-20' })).toEqual({
      standing: 'overdue',
      daysLeft: -7,
    });
  });

  it('is not late when the rest-day rule moves the due date past the 3-month mark', () => {
    // 3 months end 1 Oct 2019, moved to 8 Oct by the National Day holiday.
    const input = { assignedOn: '2019-07-01', due: '2019-10-08' };
    expect(deadlineStanding({ ...input, today: '2019-10-05' }).standing).toBe('near');
    expect(deadlineStanding({ ...input, today: '2019-10-09' }).standing).toBe('overdue_3_months');
  });

  it('uses nearDays when given', () => {
    expect(deadlineStanding({ ...base, today: '2020-04-27', nearDays: 15 }).standing).toBe('near');
  });

  it('records a done item as on time or late by the day it was done', () => {
    expect(deadlineStanding({ ...base, today: '2020-09-01', doneOn: '2020-05-12' })).toEqual({
      standing: 'done_on_time',
      daysLeft: 0,
    });
    expect(deadlineStanding({ ...base, today: '2020-09-01', doneOn: '2020-05-13' })).toEqual({
      standing: 'done_late',
      daysLeft: -1,
    });
    expect(deadlineStanding({ ...base, today: '2020-05-01', doneOn: null }).standing).toBe(
      'on_track',
    );
  });
});

describe('isOnTime', () => {
  it('counts the due day itself as on time', () => {
    expect(isOnTime('2020-05-11', '2020-05-12')).toBe(true);
    expect(isOnTime('2020-05-12', '2020-05-12')).toBe(true);
    expect(isOnTime('2020-05-13', '2020-05-12')).toBe(false);
  });
});

describe('reminderOffsetsDue', () => {
  const offsets = [15, 7, 3, 1];
  it.each([
    ['2020-04-27', 'before'],
    ['2020-04-28', null],
    ['2020-05-05', 'before'],
    ['2020-05-11', 'before'],
    ['2020-05-12', null],
    ['2020-05-13', 'overdue'],
    ['2020-06-30', 'overdue'],
  ] as const)('on %s gives %s for a 12 May deadline', (today, expected) => {
    expect(reminderOffsetsDue('2020-05-12', today, offsets)).toBe(expected);
  });
});
