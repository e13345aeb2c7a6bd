import { describe, expect, it } from 'vitest';
import { percentOneDecimal } from './percent.js';

describe('percentOneDecimal (四舍五入 to one decimal)', () => {
  it.each([
    [201, 400, 50.3],
    [1, 8, 12.5],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [1, 16, 6.3],
    [1037, 1438, 72.1],
    [979, 1037, 94.4],
    [0, 5, 0],
    [5, 5, 100],
  ])('%i of %i is %s %%', (part, whole, expected) => {
    expect(percentOneDecimal(part, whole)).toBe(expected);
  });

  it('rounds a half exactly up where floating point would round it down', () => {
    // 0.5025 * 100 = 50.24999… in floating point; the integer rule gives 50.3.
    expect(Math.round((201 / 400) * 1000) / 10).toBe(50.2);
    expect(percentOneDecimal(201, 400)).toBe(50.3);
  });

  it('has no share of nothing, and refuses counts that are not counts', () => {
    expect(percentOneDecimal(0, 0)).toBeNull();
    expect(() => percentOneDecimal(1.5, 3)).toThrow(RangeError);
    expect(() => percentOneDecimal(-1, 3)).toThrow(RangeError);
  });
});
