import { describe, it, expect } from 'vitest';
import { addCalendarDays, computeDeadline, type Period } from './deadline.workflow.js';
import { buildWorkCalendar, defaultCalendarEntries } from './work-calendar.js';

const calendar = buildWorkCalendar(defaultCalendarEntries(2019, 2026));
const months = (amount: number): Period => ({ amount, unit: 'months' });
const days = (amount: number): Period => ({ amount, unit: 'days' });
const workingDays = (amount: number): Period => ({ amount, unit: 'working_days' });

describe('computeDeadline — the worked examples of the domain (real State Council calendar)', () => {
  it.each([
    ['2020-02-12', months(3), '2020-05-12'],
    ['2020-02-12', months(6), '2020-08-12'],
    ['2021-11-30', months(3), '2022-02-28'],
    ['2020-03-14', months(3), '2020-06-15'],
    ['2019-07-01', months(3), '2019-10-08'],
    ['2019-09-27', workingDays(3), '2019-10-08'],
  ])('%s + %o is due %s', (start, period, due) => {
    expect(computeDeadline(start, period, calendar).due).toBe(due);
  });
});

describe('computeDeadline — months', () => {
  it('ends on the same day number and says so plainly', () => {
    expect(computeDeadline('2020-02-12', months(3), calendar).explanation).toBe(
      '自2020年2月12日起算，3个月期满为2020年5月12日',
    );
  });

  it('ends on the last day of a month that has no such day', () => {
    expect(computeDeadline('2021-11-30', months(3), calendar)).toEqual({
      due: '2022-02-28',
      explanation: '自2021年11月30日起算，3个月期满为2022年2月28日（2月无30日，取月末日）',
    });
  });

  it('ends on 29 February in a leap year', () => {
    expect(computeDeadline('2023-11-30', months(3), calendar).due).toBe('2024-02-29');
  });

  it('moves a last day on a weekend to the next working day', () => {
    expect(computeDeadline('2020-03-14', months(3), calendar).explanation).toBe(
      '自2020年3月14日起算，3个月期满为2020年6月14日（星期日，休息日），顺延至2020年6月15日',
    );
  });

  it('moves a last day in a public holiday past the whole holiday', () => {
    expect(computeDeadline('2019-07-01', months(3), calendar).explanation).toBe(
      '自2019年7月1日起算，3个月期满为2019年10月1日（星期二，国庆节假期），顺延至2019年10月8日',
    );
  });

  it('crosses the year end', () => {
    expect(computeDeadline('2020-11-10', months(2), calendar).due).toBe('2021-01-11'); // 10 Jan was a Sunday
  });
});

describe('computeDeadline — calendar days', () => {
  it('counts from the day after the start', () => {
    expect(computeDeadline('2020-03-02', days(10), calendar)).toEqual({
      due: '2020-03-12',
      explanation: '自2020年3月2日起算，10日期满为2020年3月12日',
    });
  });

  it('moves a last day on a rest day to the next working day', () => {
    expect(computeDeadline('2019-09-25', days(10), calendar).due).toBe('2019-10-08');
  });
});

describe('computeDeadline — working days', () => {
  it('skips weekends and holidays and counts in-lieu working days', () => {
    expect(computeDeadline('2019-09-27', workingDays(3), calendar).explanation).toBe(
      '自2019年9月27日起算3个工作日（9月29日调休上班），至2019年10月8日',
    );
  });

  it('says nothing extra across a plain weekend', () => {
    expect(computeDeadline('2020-06-12', workingDays(1), calendar)).toEqual({
      due: '2020-06-15',
      explanation: '自2020年6月12日起算1个工作日，至2020年6月15日',
    });
  });
});

describe('computeDeadline — a congress’s own calendar', () => {
  // 2030: Wed 8 May made a local holiday, Sat 11 May worked in lieu.
  const local = buildWorkCalendar([
    { day: '2030-05-08', kind: 'holiday', name: '本地纪念日' },
    { day: '2030-05-11', kind: 'workday', name: '本地纪念日' },
  ]);

  it('moves a period ending on a custom holiday', () => {
    expect(computeDeadline('2030-04-08', months(1), local)).toEqual({
      due: '2030-05-09',
      explanation: '自2030年4月8日起算，1个月期满为2030年5月8日（星期三，本地纪念日假期），顺延至2030年5月9日',
    });
  });

  it('skips a custom holiday and counts a custom in-lieu Saturday', () => {
    // Tue 7 May; Wed 8 holiday; Thu 9 = 1, Fri 10 = 2, Sat 11 = 3.
    expect(computeDeadline('2030-05-07', workingDays(3), local)).toEqual({
      due: '2030-05-11',
      explanation: '自2030年5月7日起算3个工作日（5月11日调休上班），至2030年5月11日',
    });
  });

  it('keeps a period ending on an in-lieu Saturday where it is', () => {
    expect(computeDeadline('2030-05-01', days(10), local).due).toBe('2030-05-11');
  });
});

describe('computeDeadline — bad input', () => {
  it.each([0, -1, 1.5, Number.NaN])('rejects amount %s', (amount) => {
    expect(() => computeDeadline('2020-01-01', months(amount), calendar)).toThrow(RangeError);
  });

  it('rejects a malformed start', () => {
    expect(() => computeDeadline('2020/01/01', days(1), calendar)).toThrow(RangeError);
  });

  it('fails instead of looping on a calendar with no working days', () => {
    const never = buildWorkCalendar(
      Array.from({ length: 7 }, (_, i) => ({
        day: addCalendarDays('2030-01-01', i),
        kind: 'holiday' as const,
        name: 'x',
      })),
    );
    // Only the first week is holidays; afterwards weekdays work again.
    expect(computeDeadline('2029-12-31', workingDays(1), never).due).toBe('2030-01-08');
    const allRest = { isRestDay: () => true, entryFor: () => undefined };
    expect(() => computeDeadline('2030-01-01', workingDays(1), allRest)).toThrow(/No working day/);
  });
});
