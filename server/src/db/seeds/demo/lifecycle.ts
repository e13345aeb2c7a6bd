import { computeDeadline } from '../../../modules/deadline/deadline.workflow.js';
import type { PlanContext } from './context.js';
import { addDays, atChina, dayOf, type IsoDate } from './dates.js';
import { addEvent, itself, latest } from './events.js';
import { runPart, type PartTarget } from './handling.js';
import { declineReasons, officeCloseReasons, returnComments } from './letters.js';
import { assignUnits, type UnitPick } from './routing.js';
import type { PartPlan, SuggestionPlan } from './types.js';
import { askForExtensions } from './life-extensions.js';
import { openParts, reassign } from './life-reassignment.js';

// The life of one suggestion up to its planned status, in the order the commands allow:
// draft → submit → review → assign → handle → reply → rate → close, and disclosure.

export interface LifeOptions {
  /** When it is assigned (in-session suggestions go in batches). */
  assignOn?: IsoDate;
  /** Force units (the demo accounts' showcase). */
  units?: UnitPick[];
  /** Force the targets of the parts, by index of `units`. */
  targets?: PartTarget[];
  closeKind?: 'rated' | 'no_feedback' | 'office';
  reassigned?: boolean;
  /** An extension request of the first answering unit, whatever its due date. */
  extension?: 'pending' | 'granted' | 'refused';
}

export function liveThrough(ctx: PlanContext, s: SuggestionPlan, options: LifeOptions = {}): void {
  const { rng, t } = ctx;
  const lead = s.lead;
  addEvent(s, s.createdAt, 'suggestion.created', lead, 'deputy', 'suggestion', itself(s), {
    title: s.title,
    categoryCode: s.categoryCode,
  });
  if (s.cosigners.length > 0) {
    addEvent(s, t.soon(s.createdAt, 30), 'suggestion.cosigner_invited', lead, 'deputy', 'suggestion', itself(s), {
      deputyIds: s.cosigners.map((c) => c.deputy.deputyId),
    });
  }
  for (const c of s.cosigners) {
    if (c.status === 'confirmed' && c.at)
      addEvent(
        s,
        c.at,
        'suggestion.cosign_confirmed',
        c.deputy,
        'deputy',
        'suggestion',
        itself(s),
        { status: 'confirmed' },
        { status: 'invited' },
      );
  }
  if (s.status === 'draft' || !s.submittedAt) return;
  addEvent(
    s,
    s.submittedAt,
    'suggestion.submitted',
    lead,
    'deputy',
    'suggestion',
    itself(s),
    { status: 'submitted', period: s.period },
    { status: 'draft' },
  );
  if (s.status === 'submitted') return;

  const office = s.dir.office;
  const reviewedAt = s.registeredAt ?? t.after(s.submittedAt, 0, 3);
  if (s.status === 'returned' || s.status === 'declined') s.registeredAt = null;
  if (s.status === 'returned') {
    s.reviewComment = rng.pick(returnComments);
    addEvent(
      s,
      reviewedAt,
      'suggestion.returned',
      office,
      'liaison_office',
      'suggestion',
      itself(s),
      { status: 'returned', comment: s.reviewComment },
      { status: 'submitted' },
    );
    return;
  }
  if (s.status === 'declined') {
    s.declineReason = rng.pick(declineReasons);
    addEvent(
      s,
      reviewedAt,
      'suggestion.declined',
      office,
      'liaison_office',
      'suggestion',
      itself(s),
      { status: 'declined', reason: s.declineReason },
      { status: 'submitted' },
    );
    return;
  }
  s.registeredAt = reviewedAt;
  addEvent(
    s,
    reviewedAt,
    'suggestion.registered',
    office,
    'liaison_office',
    'suggestion',
    itself(s),
    { status: 'registered', number: s.number },
    { status: 'submitted' },
  );
  s.isKey = rng.chance(0.015);

  const picks = options.units ?? assignUnits(rng, s);
  let assignedOn = options.assignOn ?? t.workday(addDays(dayOf(reviewedAt), rng.int(2, 6)));
  if (assignedOn > t.lastDay) assignedOn = t.lastDay;
  const assignAt = latest(atChina(assignedOn, 9, rng.int(0, 59)), t.soon(reviewedAt, 60));
  if (s.status === 'registered' || rng.chance(0.25)) {
    if (s.status !== 'registered' || rng.chance(0.6)) {
      // 预交办: units see what is coming before the assignment is made.
      const preAt = t.after(reviewedAt, 0, 2);
      s.preAssigned = picks.map((p) => ({ unit: p.unit, role: p.role }));
      addEvent(
        s,
        s.status === 'registered' || preAt < assignAt ? preAt : t.soon(reviewedAt, 20),
        'suggestion.pre_assigned',
        office,
        'liaison_office',
        'suggestion',
        itself(s),
        {
          units: picks.map((p) => ({ unitId: p.unit.id, role: p.role })),
        },
      );
    }
  }
  if (s.status === 'registered') return;

  s.mode = picks.length === 1 ? 'sole' : picks.some((p) => p.role === 'lead') ? 'lead_co' : 'separate';
  let parts = openParts(ctx, s, picks, assignAt);
  addEvent(
    s,
    assignAt,
    'suggestion.assigned',
    office,
    'liaison_office',
    'suggestion',
    itself(s),
    {
      status: 'assigned',
      mode: s.mode,
      assignments: parts.map((p) => ({ unitId: p.unit.id, role: p.role, replyDue: p.replyDue })),
    },
    { status: 'registered' },
  );
  if (options.reassigned) parts = reassign(ctx, s, parts);
  s.assignedOn = parts[0]!.assignedOn;

  const closeKind = options.closeKind ?? 'rated';
  const targets = options.targets ?? targetsFor(ctx, s, parts, closeKind);
  // Co-handling units first: the lead unit replies after their opinions arrive.
  let opinionsIn: Date | undefined;
  parts.forEach((p, i) => {
    if (p.role !== 'co') return;
    runPart(ctx, s, p, targets[i]!);
    if (p.opinion) opinionsIn = latest(opinionsIn, p.opinion.at);
  });
  const lastSteps = parts.map((p, i) => (p.role === 'co' ? null : runPart(ctx, s, p, targets[i]!, opinionsIn)));
  if (s.status === 'assigned') askForExtensions(ctx, s, parts, options.extension);
  if (s.status === 'closed') close(ctx, s, parts, closeKind, lastSteps);
}

/** Where each unit's part stands, given where the suggestion stands. */
function targetsFor(
  ctx: PlanContext,
  s: SuggestionPlan,
  parts: readonly PartPlan[],
  closeKind: 'rated' | 'no_feedback' | 'office',
): PartTarget[] {
  const { rng, t } = ctx;
  const answering = parts.filter((p) => p.role !== 'co');
  const recent = s.period === 'between_sessions';
  const replied: PartTarget = { kind: 'sent', fromDay: t.day(-27), toDay: t.lastDay, cosignersRate: true };
  // The lead unit replies after the co-units' opinions: they come in a little before its last day.
  const leadLastDay =
    s.status === 'replied'
      ? t.day(-3)
      : s.status === 'rehandling'
        ? t.day(-6)
        : closeKind === 'no_feedback'
          ? t.day(-46)
          : closeKind === 'office'
            ? t.day(-12)
            : t.day(-50);
  const rehandledOnce = s.status === 'closed' && rng.chance(0.015);
  const leadPending = s.status === 'assigned' && rng.chance(recent ? 0.3 : 0.06);
  return parts.map((p): PartTarget => {
    const first = p === answering[0];
    if (p.role === 'co') {
      if (leadPending) return rng.chance(0.5) ? { kind: 'pending_ack' } : { kind: 'handling' };
      if (s.status === 'assigned') {
        // Co-units owe their opinion two months after 交办; most have sent it by then.
        const late = (p.opinionDue ?? p.replyDue) < t.today;
        return rng.weighted([
          [{ kind: 'pending_ack' }, late ? 0 : 1],
          [{ kind: 'handling' }, late ? 1 : 4],
          [{ kind: 'opinion_sent' }, late ? 12 : 5],
        ] as const);
      }
      return { kind: 'opinion_sent', toDay: addDays(leadLastDay, -5) };
    }
    switch (s.status) {
      case 'assigned':
        if (leadPending) return { kind: 'pending_ack' };
        if (!first && rng.chance(0.3)) return replied;
        return {
          kind: 'handling',
          reply: rng.weighted([
            [undefined, 84],
            ['draft', 7],
            ['in_review', 5],
            ['in_review_signer', 4],
          ] as const),
        };
      case 'replied':
        return !first && rng.chance(0.5) ? { kind: 'rated' } : replied;
      case 'rehandling':
        if (first)
          return {
            kind: 'rehandling',
            redraft: rng.weighted([
              [undefined, 6],
              ['draft', 3],
              ['in_review', 1],
            ] as const),
          };
        return rng.chance(0.5) ? { kind: 'rated' } : replied;
      default:
        // Closed: rated by the deputy, closed for want of feedback a month after the reply, or by the office.
        if (closeKind === 'no_feedback') return { kind: 'sent', toDay: t.day(-46) };
        if (closeKind === 'office') return { kind: 'sent', toDay: t.day(-12) };
        return rehandledOnce && first ? { kind: 'rehandled' } : { kind: 'rated' };
    }
  });
}

function close(
  ctx: PlanContext,
  s: SuggestionPlan,
  parts: readonly PartPlan[],
  kind: 'rated' | 'no_feedback' | 'office',
  lastSteps: readonly (Date | null)[],
): void {
  const { rng, t, deadlines } = ctx;
  const lastSent = latest(...parts.flatMap((p) => p.replies.map((r) => r.sentAt)));
  let closedAt: Date;
  if (kind === 'rated') {
    closedAt = latest(...lastSteps);
    addEvent(
      s,
      closedAt,
      'suggestion.closed',
      s.lead,
      'deputy',
      'suggestion',
      itself(s),
      { status: 'closed', closeKind: 'rated' },
      { status: 'replied' },
    );
  } else if (kind === 'no_feedback') {
    const due = computeDeadline(dayOf(lastSent), deadlines.rules.feedbackWindow, deadlines.calendar).due;
    closedAt = atChina(addDays(due, 1), 0, rng.int(5, 15));
    s.closeReason = '代表在反馈期限内未测评';
    addEvent(
      s,
      closedAt,
      'suggestion.closed',
      null,
      'system',
      'suggestion',
      itself(s),
      { status: 'closed', closeKind: 'no_feedback', reason: s.closeReason },
      { status: 'replied' },
    );
  } else {
    closedAt = t.after(lastSent, 3, 10);
    s.closeReason = rng.pick(officeCloseReasons);
    addEvent(
      s,
      closedAt,
      'suggestion.closed',
      s.dir.office,
      'liaison_office',
      'suggestion',
      itself(s),
      { status: 'closed', closeKind: 'office', reason: s.closeReason },
      { status: 'replied' },
    );
  }
  s.closeKind = kind;
  s.closedAt = closedAt;
  for (const p of parts) if (p.state !== 'ended') p.state = 'closed';
  const publish = s.mayDisclose ? rng.chance(0.4) : rng.chance(0.5);
  const at = publish ? t.maybeAfter(closedAt, 1, 10) : null;
  if (!at) return;
  s.disclosure = s.mayDisclose ? 'published' : 'withheld';
  s.publishedAt = s.mayDisclose ? at : null;
  addEvent(
    s,
    at,
    'suggestion.disclosure_set',
    s.dir.office,
    'liaison_office',
    'suggestion',
    itself(s),
    { disclosure: s.disclosure },
    { disclosure: 'undecided' },
  );
}
