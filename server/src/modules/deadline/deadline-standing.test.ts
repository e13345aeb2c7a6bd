import { describe, it, expect } from 'vitest';
import { computeDeadline, deadlineStanding, isOnTime, reminderDue } from './deadline.workflow.js';
import { buildWorkCalendar, defaultCalendarEntries } from './work-calendar.js';

const calendar = buildWorkCalendar(defaultCalendarEntries(2019, 2021));

describe('deadlineStanding', () => {
  // Assigned 2020-02-12: reply by 12 May (3 months), at the latest 12 August (6 months).
  const base = { due: '2020-05-12', replyDue: '2020-05-12', replyDueLatest: '2020-08-12', nearDays: 7 };

  it.each([
    ['2020-04-01', 'on_track', 41],
    ['2020-05-04', 'on_track', 8],
    ['2020-05-05', 'near', 7],
    ['2020-05-12', 'near', 0],
    ['2020-05-13', 'past_reply_due', -1],
    ['2020-08-12', 'past_reply_due', -92],
    ['2020-08-13', 'past_latest_due', -93],
  ] as const)('on %s an open item is %s (%i days left)', (today, standing, daysLeft) => {
    expect(deadlineStanding({ ...base, today })).toEqual({ standing, daysLeft });
  });

  it('is plainly overdue when a shorter deadline passes within three months', () => {
    // Co-handling opinion: 2 months, 12 April 2020 was a Sunday.
    const due = computeDeadline('2020-02-12', { amount: 2, unit: 'months' }, calendar).due;
    expect(due).toBe('2020-04-13');
    expect(deadlineStanding({ ...base, due, today: '2020-04-20' })).toEqual({
      standing: 'overdue',
      daysLeft: -7,
    });
  });

  it('is not late when the rest-day rule moves the due date past the 3-month mark', () => {
    // 3 months end 1 Oct 2019, moved to 8 Oct by the National Day holiday.
    const input = { due: '2019-10-08', replyDue: '2019-10-08', replyDueLatest: '2020-01-02', nearDays: 7 };
    expect(deadlineStanding({ ...input, today: '2019-10-05' }).standing).toBe('near');
    expect(deadlineStanding({ ...input, today: '2019-10-09' }).standing).toBe('past_reply_due');
  });

  it('takes the near-due days and both marks from the policy, never a literal', () => {
    expect(deadlineStanding({ ...base, today: '2020-04-27', nearDays: 15 }).standing).toBe('near');
    // A congress whose rules say 2 and 4 months: the marks move with them.
    const short = { due: '2020-04-13', replyDue: '2020-04-13', replyDueLatest: '2020-06-12', nearDays: 3 };
    expect(deadlineStanding({ ...short, today: '2020-04-10' }).standing).toBe('near');
    expect(deadlineStanding({ ...short, today: '2020-04-14' }).standing).toBe('past_reply_due');
    expect(deadlineStanding({ ...short, today: '2020-06-13' }).standing).toBe('past_latest_due');
  });

  it('is plainly overdue past an approved extension that is still within the first mark', () => {
    expect(deadlineStanding({ ...base, due: '2020-05-01', today: '2020-05-05' }).standing).toBe('overdue');
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
    expect(deadlineStanding({ ...base, today: '2020-05-01', doneOn: null }).standing).toBe('on_track');
  });
});

describe('isOnTime', () => {
  it('counts the due day itself as on time', () => {
    expect(isOnTime('2020-05-11', '2020-05-12')).toBe(true);
    expect(isOnTime('2020-05-12', '2020-05-12')).toBe(true);
    expect(isOnTime('2020-05-13', '2020-05-12')).toBe(false);
  });
});

describe('reminderDue', () => {
  const offsets = [15, 7, 3, 1];
  it.each([
    ['2020-04-26', null],
    ['2020-04-27', { kind: 'before', mark: 15 }],
    ['2020-04-28', { kind: 'before', mark: 15 }],
    ['2020-05-05', { kind: 'before', mark: 7 }],
    ['2020-05-06', { kind: 'before', mark: 7 }],
    ['2020-05-11', { kind: 'before', mark: 1 }],
    ['2020-05-12', { kind: 'before', mark: 1 }],
    ['2020-05-13', { kind: 'overdue' }],
    ['2020-06-30', { kind: 'overdue' }],
  ] as const)('on %s names %j for a 12 May deadline (each mark is sent once per due date)', (today, expected) => {
    expect(reminderDue('2020-05-12', today, offsets)).toEqual(expected);
  });

  it('after days with the scanner down names only the latest mark reached', () => {
    // Down from 26 April to 8 May: the 15- and 7-day marks both passed; one catch-up for 7.
    expect(reminderDue('2020-05-12', '2020-05-08', offsets)).toEqual({ kind: 'before', mark: 7 });
  });
});
