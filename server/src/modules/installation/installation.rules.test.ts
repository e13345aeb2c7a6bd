import { describe, expect, it } from 'vitest';
import { adminCodeProblem, congressLevels, placementProblem } from './installation.rules.js';

describe('the congress tree', () => {
  it('puts a lower level under a higher one, never the same or a higher one', () => {
    expect(placementProblem('county', 'city')).toBeNull();
    expect(placementProblem('county', 'province')).toBeNull();
    expect(placementProblem('township', 'county')).toBeNull();
    expect(placementProblem('city', 'city')).toBe('设区的市级人大不能设在设区的市级人大之下');
    expect(placementProblem('province', 'county')).toBe('省级人大不能设在县级人大之下');
  });

  it('lets any level be a root', () => {
    for (const level of congressLevels) expect(placementProblem(level, null)).toBeNull();
  });

  it('reads six-digit codes down to counties, nine or twelve for townships', () => {
    expect(adminCodeProblem('county', '430121')).toBeNull();
    expect(adminCodeProblem('county', '43012')).toBe('行政区划代码应为6位数字');
    expect(adminCodeProblem('province', '43000a')).toBe('行政区划代码应为6位数字');
    expect(adminCodeProblem('township', '430121100')).toBeNull();
    expect(adminCodeProblem('township', '430121100000')).toBeNull();
    expect(adminCodeProblem('township', '430121')).toBe('乡镇的行政区划代码应为9位或12位数字');
  });
});
