import { describe, it, expect } from 'vitest';
import { chineseWeekday, formatChineseDate, formatChineseDateTime } from './chinese-date.js';

describe('Chinese date formatting', () => {
  it('formats a calendar date without leading zeros', () => {
    expect(formatChineseDate('2020-09-04')).toBe('2020年9月4日');
    expect(formatChineseDate('2020-12-31')).toBe('2020年12月31日');
  });

  it('formats an instant as its date in China', () => {
    expect(formatChineseDate(new Date('2020-09-13T17:00:00Z'))).toBe('2020年9月14日');
    expect(formatChineseDate(new Date('2020-09-13T15:59:59Z'))).toBe('2020年9月13日');
  });

  it('names the weekday', () => {
    expect(chineseWeekday('2020-06-14')).toBe('星期日');
    expect(chineseWeekday('2020-06-15')).toBe('星期一');
    expect(chineseWeekday('2019-09-28')).toBe('星期六');
  });

  it('formats date and time in China time with zero-padded clock', () => {
    expect(formatChineseDateTime(new Date('2020-09-14T06:05:00Z'))).toBe('2020年9月14日 14:05');
    expect(formatChineseDateTime(new Date('2020-09-13T17:00:00Z'))).toBe('2020年9月14日 01:00');
  });

  it('rejects invalid input', () => {
    expect(() => formatChineseDate('2020-02-30')).toThrow(RangeError);
    expect(() => formatChineseDateTime(new Date('nope'))).toThrow(RangeError);
  });
});
