import { describe, it, expect } from 'vitest';
// The public helpers are imported from the module that exposes them.
import { addCalendarDays, chinaToday, daysBetween } from './deadline.workflow.js';
import { addCalendarMonths, parseIsoDate } from './iso-date.js';

describe('calendar-date arithmetic', () => {
  it('takes the date in China, across UTC midnight', () => {
    expect(chinaToday(new Date('2020-09-13T17:00:00Z'))).toBe('2020-09-14');
    expect(chinaToday(new Date('2020-09-13T15:59:59.999Z'))).toBe('2020-09-13');
    expect(chinaToday(new Date('2020-12-31T16:00:00Z'))).toBe('2021-01-01');
  });

  it('adds calendar days across months, leap days and years', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(addCalendarDays('2020-01-01', -1)).toBe('2019-12-31');
  });

  it('counts days between dates, negative backwards', () => {
    expect(daysBetween('2020-03-01', '2020-03-31')).toBe(30);
    expect(daysBetween('2020-01-01', '2021-01-01')).toBe(366);
    expect(daysBetween('2020-05-13', '2020-05-12')).toBe(-1);
  });
});

describe('addCalendarMonths (month rule, no rest-day shift)', () => {
  it.each([
    ['2020-02-12', 3, '2020-05-12'],
    ['2021-11-30', 3, '2022-02-28'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2020-08-31', 6, '2021-02-28'],
    ['2020-11-15', 14, '2022-01-15'],
  ])('%s + %i months = %s', (start, n, end) => {
    expect(addCalendarMonths(start, n)).toBe(end);
  });
});

describe('parseIsoDate', () => {
  it.each(['2021-02-29', '2020-13-01', '2020-1-1', '20200101', ''])('rejects %j', (bad) => {
    expect(() => parseIsoDate(bad)).toThrow(RangeError);
  });
});
