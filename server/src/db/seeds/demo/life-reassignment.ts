import type { PlanContext } from './context.js';
import { addEvent } from './events.js';
import { openPart } from './handling.js';
import type { UnitPick } from './routing.js';
import type { PartPlan, ReassignmentPlan, SuggestionPlan } from './types.js';

// 调整 in the demo's lives: units' records opened, and a first unit's request to move a
// suggestion accepted by the office.

export function openParts(ctx: PlanContext, s: SuggestionPlan, picks: readonly UnitPick[], openedAt: Date): PartPlan[] {
  const parts = picks.map((p) => openPart(ctx, p.unit, p.role, openedAt));
  s.parts.push(...parts);
  return parts;
}

/** 调整: the first unit asks to move it, the office agrees, new records open; the old ones end. */
export function reassign(ctx: PlanContext, s: SuggestionPlan, old: PartPlan[]): PartPlan[] {
  const { rng, t } = ctx;
  const from = old.find((p) => p.role !== 'co')!;
  const requestedAt = t.after(from.openedAt, 1, 4);
  const ruledAt = t.after(requestedAt, 1, 3);
  const alternatives = s.dir.categories
    .find((c) => c.code === s.categoryCode)!
    .leads.filter((u) => !old.some((p) => p.unit.id === u.id));
  const to =
    alternatives.length > 0
      ? rng.pick(alternatives)
      : [...s.dir.units.values()].find((u) => !old.some((p) => p.unit.id === u.id))!;
  const reason = '该建议所提事项主要属于其他部门职责范围，建议调整承办单位。';
  const request: ReassignmentPlan = {
    part: from,
    by: from.unit.handler,
    kind: 'unit',
    reason,
    proposed: [to],
    status: 'accepted',
    at: requestedAt,
    ruledAt,
    ruling: '经研究，同意调整。',
  };
  s.reassignments.push(request);
  addEvent(
    s,
    requestedAt,
    'suggestion.reassignment_requested',
    from.unit.handler,
    'unit_handler',
    'reassignment_request',
    request,
    { reason, proposedUnitIds: [to.id] },
  );
  for (const p of old) {
    p.state = 'ended';
    p.endedAt = ruledAt;
    p.endReason = `调整：${reason}`;
  }
  const fresh = openParts(
    ctx,
    s,
    old.map((p) => ({ unit: p === from ? to : p.unit, role: p.role })),
    ruledAt,
  );
  addEvent(
    s,
    ruledAt,
    'suggestion.reassignment_accepted',
    s.dir.office,
    'liaison_office',
    'reassignment_request',
    request,
    { mode: s.mode, units: fresh.map((p) => ({ unitId: p.unit.id, role: p.role })), reason: request.ruling },
  );
  return fresh;
}
