import { percentOneDecimal } from '../../shared/percent.js';

// The counts behind the topic analysis (topic-analysis.ts): suggestions by category, by the
// lead deputy's delegation and by the special committee their category is mapped to. No I/O.

export interface TopicSuggestion {
  number: number;
  title: string;
  body: string;
  categoryCode: string;
  leadDeputyName: string;
  /** The lead deputy's delegation when the suggestion was made; null for a deputy without one. */
  delegationName: string | null;
  /** The delegation's place in the roster (its id): equal counts keep the office's own order. */
  delegationId: number | null;
}

export interface TopicCategory {
  code: string;
  name: string;
  committeeId: number | null;
}

export interface TopicCommittee {
  id: number;
  name: string;
}

export interface Tallied {
  name: string;
  count: number;
  /** Per cent of all the session's suggestions, one decimal (四舍五入). */
  share: number;
}

export interface CategoryTally extends Tallied {
  code: string;
  suggestions: TopicSuggestion[];
}

export interface CommitteeTally {
  name: string;
  /** Its categories' names in catalogue order, those without suggestions too. */
  categoryNames: string[];
  suggestions: TopicSuggestion[];
}

const shareOf = (count: number, total: number) => percentOneDecimal(count, total) ?? 0;
const byNumber = (a: TopicSuggestion, b: TopicSuggestion) => a.number - b.number;

/** By count, most first; equal counts in the catalogue's order. */
export function tallyCategories(
  suggestions: readonly TopicSuggestion[],
  categories: readonly TopicCategory[],
): CategoryTally[] {
  const order = new Map(categories.map((c, i) => [c.code, i]));
  const names = new Map(categories.map((c) => [c.code, c.name]));
  const groups = new Map<string, TopicSuggestion[]>();
  for (const s of suggestions) groups.set(s.categoryCode, [...(groups.get(s.categoryCode) ?? []), s]);
  return [...groups.entries()]
    .map(([code, own]) => ({
      code,
      name: names.get(code) ?? code,
      count: own.length,
      share: shareOf(own.length, suggestions.length),
      suggestions: [...own].sort(byNumber),
    }))
    .sort((a, b) => b.count - a.count || (order.get(a.code) ?? Infinity) - (order.get(b.code) ?? Infinity));
}

export const withoutDelegation = '未归属代表团';

/** By count, most first; equal counts in roster order; deputies without a delegation last. */
export function tallyDelegations(suggestions: readonly TopicSuggestion[]): Tallied[] {
  const counts = new Map<number, { name: string; count: number }>();
  let none = 0;
  for (const s of suggestions) {
    if (s.delegationId === null || s.delegationName === null) none += 1;
    else {
      const seen = counts.get(s.delegationId) ?? { name: s.delegationName, count: 0 };
      counts.set(s.delegationId, { ...seen, count: seen.count + 1 });
    }
  }
  const named = [...counts.entries()]
    .sort(([a, x], [b, y]) => y.count - x.count || a - b)
    .map(([, d]) => ({ name: d.name, count: d.count, share: shareOf(d.count, suggestions.length) }));
  return none === 0
    ? named
    : [...named, { name: withoutDelegation, count: none, share: shareOf(none, suggestions.length) }];
}

/**
 * Each committee that supervises (对口) at least one category, in the order given, with the
 * suggestions of its categories by number; and the suggestions whose category has none (or
 * one not given), so that every suggestion is in exactly one of the two.
 */
export function tallyCommittees(
  suggestions: readonly TopicSuggestion[],
  categories: readonly TopicCategory[],
  committees: readonly TopicCommittee[],
): { committees: CommitteeTally[]; unmapped: CategoryTally[] } {
  const committeeOf = new Map(categories.map((c) => [c.code, c.committeeId]));
  const listed = new Set(committees.map((m) => m.id));
  const tallies = committees
    .map((m) => {
      const own = categories.filter((c) => c.committeeId === m.id);
      const codes = new Set(own.map((c) => c.code));
      return {
        name: m.name,
        categoryNames: own.map((c) => c.name),
        suggestions: suggestions.filter((s) => codes.has(s.categoryCode)).sort(byNumber),
      };
    })
    .filter((m) => m.categoryNames.length > 0);
  const unmapped = tallyCategories(
    suggestions.filter((s) => !listed.has(committeeOf.get(s.categoryCode) ?? -1)),
    categories,
  ).map((c) => ({ ...c, share: shareOf(c.count, suggestions.length) }));
  return { committees: tallies, unmapped };
}
