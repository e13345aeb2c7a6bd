import type { PlanContext } from './context.js';
import { addEvent, latest } from './events.js';
import { reassignmentReasons } from './letters.js';
import type { ReassignmentPlan, SuggestionPlan } from './types.js';

// 调整申请 waiting for the office (only where the window is still open) and a few the office
// refused, so that the office's queue and the history both have some.

export function addReassignmentRequests(
  ctx: PlanContext,
  plans: readonly SuggestionPlan[],
  forced: ReadonlyMap<SuggestionPlan, 'unit' | 'deputy'>,
): void {
  const { rng, t } = ctx;
  for (const s of plans) {
    if (s.status !== 'assigned' && s.status !== 'replied' && s.status !== 'closed') continue;
    const live = s.parts.filter((p) => p.state !== 'ended');
    const own = live.find((p) => p.role !== 'co' && (p.state === 'pending_ack' || p.state === 'handling'));
    const open = s.status === 'assigned' && own !== undefined && own.windowUntil >= t.today;
    const kind = forced.get(s) ?? (open && rng.chance(0.5) ? (rng.chance(0.75) ? 'unit' : 'deputy') : null);
    if (kind && own && open) {
      const from = latest(own.acknowledgedAt, own.openedAt);
      const at = t.after(from, 0, 3);
      request(ctx, s, kind === 'unit' ? own : null, at, 'pending');
    } else if (s.period === 'in_session' && s.reassignments.length === 0 && rng.chance(0.01)) {
      const first = live.find((p) => p.role !== 'co');
      if (first) request(ctx, s, first, t.after(first.openedAt, 1, 4), 'rejected');
    }
  }
}

function request(
  ctx: PlanContext,
  s: SuggestionPlan,
  part: SuggestionPlan['parts'][number] | null,
  at: Date,
  status: 'pending' | 'rejected',
): void {
  const { rng, t } = ctx;
  const category = s.dir.categories.find((c) => c.code === s.categoryCode)!;
  const proposed = [...category.leads, ...category.cos].find((u) => !s.parts.some((p) => p.unit.id === u.id));
  const reason = part
    ? rng.pick(reassignmentReasons)
    : '承办单位对建议所提问题的职责不对口，请求调整为更合适的单位办理。';
  const ruledAt = status === 'rejected' ? t.after(at, 1, 3) : null;
  const plan: ReassignmentPlan = {
    part,
    by: part ? part.unit.handler : s.lead,
    kind: part ? 'unit' : 'deputy',
    reason,
    proposed: proposed ? [proposed] : [],
    status,
    at,
    ruledAt,
    ruling: ruledAt ? '经研究，该建议所提事项属于原承办单位职责范围，请按原交办意见办理。' : null,
  };
  s.reassignments.push(plan);
  addEvent(
    s,
    at,
    'suggestion.reassignment_requested',
    plan.by,
    part ? 'unit_handler' : 'deputy',
    'reassignment_request',
    plan,
    { reason, proposedUnitIds: plan.proposed.map((u) => u.id) },
  );
  if (ruledAt) {
    addEvent(
      s,
      ruledAt,
      'suggestion.reassignment_rejected',
      s.dir.office,
      'liaison_office',
      'reassignment_request',
      plan,
      { reason: plan.ruling },
    );
  }
}
