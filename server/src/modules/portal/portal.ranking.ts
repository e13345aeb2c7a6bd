// How the portal ranks handling units (单位排名), from the figures of disclosed suggestions:
// first the share of 很满意+满意 for the result, then for the attitude, then replies on time.
// A unit the deputies have not rated yet is listed unranked, after the ranked ones. Equal
// figures share a rank (1, 2, 2, 4). No I/O.

export interface RankedFigures {
  unitName: string;
  feedback: number;
  resultGoodShare: number | null;
  attitudeGoodShare: number | null;
  repliedOnTimeShare: number | null;
}

const keyOf = (u: RankedFigures) => [u.resultGoodShare ?? -1, u.attitudeGoodShare ?? -1, u.repliedOnTimeShare ?? -1];

function compare(a: RankedFigures, b: RankedFigures): number {
  const ka = keyOf(a);
  const kb = keyOf(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
  return 0;
}

export function rankUnits<T extends RankedFigures>(units: readonly T[]): (T & { rank: number | null })[] {
  const rated = units.filter((u) => u.feedback > 0);
  const unrated = units.filter((u) => u.feedback === 0);
  const sorted = [...rated].sort((a, b) => compare(a, b) || a.unitName.localeCompare(b.unitName, 'zh-CN'));
  const ranked = sorted.map((u, i) => ({ ...u, rank: i + 1 }));
  for (let i = 1; i < ranked.length; i++)
    if (compare(ranked[i - 1]!, ranked[i]!) === 0) ranked[i]!.rank = ranked[i - 1]!.rank;
  const rest = [...unrated]
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'zh-CN'))
    .map((u) => ({ ...u, rank: null }));
  return [...ranked, ...rest];
}
