import type { AssignmentRole } from '../../schema.js';
import type { Rng } from './random.js';
import type { SuggestionPlan, UnitRef } from './types.js';

// 交办: which units handle a suggestion — mostly one unit alone, a quarter with a lead unit
// and co-handling units, a few answered separately by several units.

export interface UnitPick {
  unit: UnitRef;
  role: AssignmentRole;
}

export function assignUnits(rng: Rng, s: SuggestionPlan): UnitPick[] {
  const category = s.dir.categories.find((c) => c.code === s.categoryCode);
  if (!category || category.leads.length === 0) throw new Error(`no units for category ${s.categoryCode}`);
  // The category's main department leads most of its suggestions.
  const lead = rng.chance(0.55) ? category.leads[0]! : rng.pick(category.leads);
  const others = (pool: readonly UnitRef[], n: number) =>
    rng.sample([...new Map(pool.filter((u) => u.id !== lead.id).map((u) => [u.id, u])).values()], n);
  const mode = rng.weighted([
    ['sole', 70],
    ['lead_co', 25],
    ['separate', 5],
  ] as const);
  if (mode === 'lead_co') {
    const cos = others(
      category.cos,
      rng.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ] as const),
    );
    if (cos.length > 0) return [{ unit: lead, role: 'lead' }, ...cos.map((unit) => ({ unit, role: 'co' as const }))];
  }
  if (mode === 'separate') {
    const more = others(category.leads, rng.chance(0.8) ? 1 : 2);
    if (more.length > 0) return [lead, ...more].map((unit) => ({ unit, role: 'separate' as const }));
  }
  return [{ unit: lead, role: 'sole' }];
}
