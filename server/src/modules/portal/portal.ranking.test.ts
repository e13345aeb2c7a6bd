import { describe, expect, it } from 'vitest';
import { rankUnits } from './portal.ranking.js';

const unit = (
  unitName: string,
  feedback: number,
  result: number | null,
  attitude: number | null,
  onTime: number | null,
) => ({
  unitName,
  feedback,
  resultGoodShare: result,
  attitudeGoodShare: attitude,
  repliedOnTimeShare: onTime,
});

describe('the portal’s unit ranking', () => {
  it('ranks by the result share, then the attitude share, then replies on time', () => {
    const ranked = rankUnits([
      unit('乙', 4, 75, 100, 100),
      unit('甲', 4, 100, 50, 50),
      unit('丙', 4, 75, 100, 80),
      unit('丁', 4, 75, 90, 100),
    ]);
    expect(ranked.map((u) => [u.rank, u.unitName])).toEqual([
      [1, '甲'],
      [2, '乙'],
      [3, '丙'],
      [4, '丁'],
    ]);
  });

  it('equal figures share a rank, and the next rank skips (1, 2, 2, 4)', () => {
    const ranked = rankUnits([
      unit('甲', 2, 100, 100, 100),
      unit('乙', 3, 50, 50, 50),
      unit('丙', 1, 50, 50, 50),
      unit('丁', 1, 0, 0, 0),
    ]);
    expect(ranked.map((u) => u.rank)).toEqual([1, 2, 2, 4]);
  });

  it('a unit no deputy has rated yet is listed after the ranked ones, unranked', () => {
    const ranked = rankUnits([unit('甲', 0, null, null, 100), unit('乙', 1, 0, 0, 0)]);
    expect(ranked.map((u) => [u.rank, u.unitName])).toEqual([
      [1, '乙'],
      [null, '甲'],
    ]);
  });
});
