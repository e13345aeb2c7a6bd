// The shape of the congress tree, pure: which level may sit under which, and what an
// administrative code (行政区划代码) looks like at each level.

export const congressLevels = ['national', 'province', 'city', 'county', 'township'] as const;
export type CongressLevel = (typeof congressLevels)[number];

export const congressLevelLabels: Record<CongressLevel, string> = {
  national: '全国',
  province: '省级',
  city: '设区的市级',
  county: '县级',
  township: '乡镇',
};

const rank: Record<CongressLevel, number> = { national: 0, province: 1, city: 2, county: 3, township: 4 };

/**
 * Why a congress of this level may not sit under that parent; null when it may. A root may be
 * of any level (an installation may serve one county alone); under a parent, a lower level
 * (a province's counties directly, as 直辖市 and 省直辖县 have them).
 */
export function placementProblem(level: CongressLevel, parentLevel: CongressLevel | null): string | null {
  if (parentLevel === null) return null;
  if (rank[level] <= rank[parentLevel]) {
    return `${congressLevelLabels[level]}人大不能设在${congressLevelLabels[parentLevel]}人大之下`;
  }
  return null;
}

/**
 * Why an administrative code does not fit the level; null when it does. Six digits
 * (GB/T 2260) from the nation down to counties; a township's is nine digits (or twelve,
 * as the statistics office writes it).
 */
export function adminCodeProblem(level: CongressLevel, code: string): string | null {
  if (level === 'township') {
    return /^\d{9}(\d{3})?$/.test(code) ? null : '乡镇的行政区划代码应为9位或12位数字';
  }
  return /^\d{6}$/.test(code) ? null : '行政区划代码应为6位数字';
}
