import { describe, it, expect } from 'vitest';
import { buildWorkCalendar, defaultCalendarEntries } from './work-calendar.js';

describe('buildWorkCalendar', () => {
  const calendar = buildWorkCalendar([
    { day: '2030-05-08', kind: 'holiday', name: '本地纪念日' },
    { day: '2030-05-11', kind: 'workday', name: '本地纪念日' },
  ]);

  it('treats plain Saturdays and Sundays as rest days and weekdays as working days', () => {
    expect(calendar.isRestDay('2030-05-04')).toBe(true); // Saturday
    expect(calendar.isRestDay('2030-05-05')).toBe(true); // Sunday
    expect(calendar.isRestDay('2030-05-06')).toBe(false); // Monday
  });

  it('makes a holiday on a weekday a rest day', () => {
    expect(calendar.isRestDay('2030-05-08')).toBe(true);
    expect(calendar.entryFor('2030-05-08')).toEqual({
      day: '2030-05-08',
      kind: 'holiday',
      name: '本地纪念日',
    });
  });

  it('makes a weekend day worked in lieu a working day', () => {
    expect(calendar.isRestDay('2030-05-11')).toBe(false); // Saturday
    expect(calendar.entryFor('2030-05-11')?.kind).toBe('workday');
  });

  it('has no entry for an ordinary day', () => {
    expect(calendar.entryFor('2030-05-07')).toBeUndefined();
  });

  it('lets a later entry for the same day override an earlier one', () => {
    const edited = buildWorkCalendar([
      { day: '2030-05-08', kind: 'holiday', name: '本地纪念日' },
      { day: '2030-05-08', kind: 'workday', name: '取消' },
    ]);
    expect(edited.isRestDay('2030-05-08')).toBe(false);
  });

  it('rejects malformed or impossible dates', () => {
    expect(() => buildWorkCalendar([{ day: '2021-02-29', kind: 'holiday', name: 'x' }])).toThrow(RangeError);
    expect(() => calendar.isRestDay('2030-5-6')).toThrow(RangeError);
  });
});

describe('defaultCalendarEntries', () => {
  const entries = defaultCalendarEntries(2019, 2020);
  const calendar = buildWorkCalendar(entries);

  it('holds the 2019 National Day holiday and its in-lieu working days', () => {
    for (const day of ['2019-10-01', '2019-10-04', '2019-10-07']) {
      expect(calendar.entryFor(day)).toEqual({ day, kind: 'holiday', name: '国庆节' });
      expect(calendar.isRestDay(day)).toBe(true);
    }
    expect(calendar.entryFor('2019-09-29')).toEqual({
      day: '2019-09-29',
      kind: 'workday',
      name: '国庆节',
    });
    expect(calendar.isRestDay('2019-09-29')).toBe(false); // Sunday worked in lieu
    expect(calendar.isRestDay('2019-09-28')).toBe(true); // Saturday, not worked
    expect(calendar.isRestDay('2019-10-08')).toBe(false);
  });

  it('names holidays in full Chinese', () => {
    const names = new Set(entries.map((e) => e.name));
    expect(names).toEqual(new Set(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']));
  });

  it('keeps only the requested years, sorted by day', () => {
    const years = new Set(entries.map((e) => e.day.slice(0, 4)));
    expect(years).toEqual(new Set(['2019', '2020']));
    const days = entries.map((e) => e.day);
    expect(days).toEqual([...days].sort());
  });

  it('yields nothing for years the package does not cover', () => {
    expect(defaultCalendarEntries(1990, 1991)).toEqual([]);
  });

  it('rejects a reversed year range', () => {
    expect(() => defaultCalendarEntries(2021, 2020)).toThrow(RangeError);
  });
});
