import { computeDeadline } from '../../../modules/deadline/deadline.workflow.js';
import { assignmentDeadlines } from '../../../modules/suggestion/assignment.deadlines.js';
import type { AssignmentRole } from '../../schema.js';
import type { PlanContext } from './context.js';
import { addDays, atChina, dayOf, daysBetween, type IsoDate } from './dates.js';
import { addEvent, latest } from './events.js';
import { contactSummaries, coOpinion, handlingPlan } from './letters.js';
import { cosignerRatings, rateReply, writeReply } from './replies.js';
import type { PartPlan, SuggestionPlan, UnitRef } from './types.js';

// One unit's part of a suggestion, from 交办 to where the demo leaves it: signed for, contacts
// with the deputy, the co-handling opinion, replies, ratings and re-handling.

export type PartTarget =
  | { kind: 'pending_ack' }
  | { kind: 'handling'; reply?: 'draft' | 'in_review' | 'in_review_signer' | undefined }
  /** The co-handling opinion went to the lead unit, by `toDay` when the lead unit replies soon after. */
  | { kind: 'opinion_sent'; toDay?: IsoDate }
  /** Replied, not (yet) rated by the lead deputy: sent within [fromDay, toDay]; co-signers may have rated. */
  | { kind: 'sent'; toDay: IsoDate; fromDay?: IsoDate; cosignersRate?: boolean }
  /** Replied and rated by the lead deputy without 不满意: the part is done. */
  | { kind: 'rated' }
  /** Rated 不满意: back to the unit; maybe a new reply is already being written. */
  | { kind: 'rehandling'; redraft?: 'draft' | 'in_review' | undefined }
  /** Rated 不满意 once, replied again, then rated well. */
  | { kind: 'rehandled' };

export function openPart(ctx: PlanContext, unit: UnitRef, role: AssignmentRole, openedAt: Date): PartPlan {
  const assignedOn = dayOf(openedAt);
  const d = assignmentDeadlines(role, assignedOn, null, ctx.deadlines);
  return {
    unit,
    role,
    state: 'pending_ack',
    assignedOn,
    openedAt,
    replyDue: d.reply_due,
    replyDueLatest: d.reply_due_latest,
    replyDueRule: d.reply_due_rule,
    opinionDue: d.opinion_due ?? null,
    windowUntil: d.reassignment_window_until,
    extendedDue: null,
    rehandlingDue: null,
    acknowledgedAt: null,
    plan: null,
    plannedReplyOn: null,
    repliedAt: null,
    repliedOnTime: null,
    opinion: null,
    endedAt: null,
    endReason: null,
    contacts: [],
    replies: [],
    extension: null,
  };
}

const contactKinds = {
  before: [
    ['phone', 5],
    ['visit', 3],
    ['message', 2],
  ],
  during: [
    ['meeting', 4],
    ['visit', 4],
    ['video', 2],
  ],
  after: [
    ['phone', 5],
    ['visit', 4],
    ['message', 1],
  ],
} as const;

function contact(
  ctx: PlanContext,
  s: SuggestionPlan,
  part: PartPlan,
  phase: 'before' | 'during' | 'after',
  at: Date | null,
): void {
  if (!at || dayOf(at) < part.assignedOn) return;
  const kind = ctx.rng.weighted(contactKinds[phase]);
  const summaries: Partial<Record<string, string>> = contactSummaries[phase];
  part.contacts.push({ phase, kind, on: dayOf(at), summary: summaries[kind] ?? '', at });
  addEvent(s, at, 'suggestion.contact_recorded', part.unit.handler, 'unit_handler', 'assignment', part, {
    phase,
    kind,
    contactedOn: dayOf(at),
  });
}

function acknowledge(ctx: PlanContext, s: SuggestionPlan, part: PartPlan): Date {
  const { rng, t } = ctx;
  const at = t.after(part.openedAt, 1, 6);
  const due = part.opinionDue ?? part.replyDue;
  const planned = addDays(due, -rng.int(3, 20));
  part.state = 'handling';
  part.acknowledgedAt = at;
  part.plan = handlingPlan(rng, s.categoryCode);
  part.plannedReplyOn = planned < dayOf(at) ? due : planned;
  addEvent(
    s,
    at,
    'suggestion.acknowledged',
    part.unit.handler,
    'unit_handler',
    'assignment',
    part,
    { state: 'handling', handlerName: part.unit.handler.name, plannedReplyOn: part.plannedReplyOn },
    { state: 'pending_ack' },
  );
  return at;
}

/** A moment in [from + minDays, toDay], not before `from`. */
function within(ctx: PlanContext, from: Date, minDays: number, toDay: IsoDate): Date {
  return ctx.t.after(from, minDays, Math.max(minDays, daysBetween(dayOf(from), toDay)));
}

/** Plays the part up to `target`; returns the moment of its last step. `notBefore`: the co-units' opinions. */
export function runPart(
  ctx: PlanContext,
  s: SuggestionPlan,
  part: PartPlan,
  target: PartTarget,
  notBefore?: Date,
): Date {
  const { rng, t } = ctx;
  if (target.kind === 'pending_ack') return part.openedAt;
  const ack = acknowledge(ctx, s, part);
  if (part.role !== 'co' || rng.chance(0.2))
    contact(ctx, s, part, 'before', rng.chance(0.85) ? t.maybeAfter(ack, 0, 5) : null);

  if (target.kind === 'handling') {
    if (rng.chance(0.3)) contact(ctx, s, part, 'during', t.maybeAfter(ack, 10, 40));
    if (target.reply) writeReply(ctx, s, part, 0, target.reply, ack, null);
    return latest(ack, ...part.contacts.map((c) => c.at), ...part.replies.map((r) => r.draftedAt));
  }
  if (target.kind === 'opinion_sent') {
    const due = addDays(part.opinionDue ?? part.replyDue, rng.chance(0.92) ? 0 : 10);
    const at = within(ctx, ack, 3, target.toDay && target.toDay < due ? target.toDay : due);
    const onTime = dayOf(at) <= (part.opinionDue ?? part.replyDue);
    part.state = 'opinion_sent';
    part.opinion = { at, onTime, body: coOpinion(rng, part.unit.name, s.categoryCode) };
    addEvent(
      s,
      at,
      'suggestion.opinion_sent',
      part.unit.handler,
      'unit_handler',
      'assignment',
      part,
      { state: 'opinion_sent', onTime },
      { state: 'handling' },
    );
    return at;
  }

  // Every other target starts with a sent reply.
  const due = part.extendedDue ?? part.replyDue;
  const lastSendDay =
    target.kind === 'sent'
      ? target.toDay
      : target.kind === 'rated'
        ? t.day(-8)
        : target.kind === 'rehandling'
          ? t.day(-6)
          : t.day(-50);
  // A few units reply after their date, when the demo's today lets them.
  const late = lastSendDay > due && rng.chance(0.25);
  const wanted = latest(
    new Date(ack.getTime() + 10 * 86_400_000),
    notBefore,
    target.kind === 'sent' && target.fromDay ? atChina(target.fromDay, 8) : null,
    late ? atChina(addDays(due, 1), 8) : null,
  );
  // Recent assignments: the reply went out quickly, but never after yesterday.
  const soonest = latest(new Date(ack.getTime() + 2 * 3_600_000), notBefore, atChina(t.lastDay, 9));
  const firstSend = wanted < soonest ? wanted : soonest;
  const lastDay = !late && due < lastSendDay ? due : lastSendDay;
  const sentAt = within(ctx, firstSend, 0, lastDay < dayOf(firstSend) ? lastSendDay : lastDay);
  if (rng.chance(0.5)) {
    const during = t.maybeAfter(ack, 3, Math.max(3, daysBetween(dayOf(ack), dayOf(sentAt)) - 1));
    if (during && during < sentAt) contact(ctx, s, part, 'during', during);
  }
  const first = writeReply(ctx, s, part, 0, 'sent', latest(ack, ...part.contacts.map((c) => c.at)), sentAt, {
    disappointing: target.kind === 'rehandling' || target.kind === 'rehandled',
  });
  if (rng.chance(0.6)) contact(ctx, s, part, 'after', t.maybeAfter(sentAt, 1, 10));

  if (target.kind === 'sent') {
    if (target.cosignersRate) cosignerRatings(ctx, s, first, new Date(8.64e15));
    return latest(sentAt, ...part.contacts.map((c) => c.at), ...first.ratings.map((r) => r.at));
  }
  if (target.kind === 'rated') {
    const ratedAt = t.after(sentAt, 1, 25);
    cosignerRatings(ctx, s, first, ratedAt);
    rateReply(ctx, s, first, s.lead, ratedAt);
    part.state = 'closed';
    return ratedAt;
  }

  // 不满意: re-handling by a new date, a month from the rating.
  const rater = s.cosigners.find((c) => c.status === 'confirmed' && rng.chance(0.2))?.deputy ?? s.lead;
  const ratedAt = t.after(sentAt, target.kind === 'rehandled' ? 2 : 1, target.kind === 'rehandled' ? 8 : 15);
  rateReply(ctx, s, first, rater, ratedAt, true);
  part.state = 'rehandling';
  part.rehandlingDue = computeDeadline(
    dayOf(ratedAt),
    ctx.deadlines.rules.rehandlingWithin,
    ctx.deadlines.calendar,
  ).due;
  s.rehandlingRound = 1;
  addEvent(
    s,
    ratedAt,
    'suggestion.rehandling_opened',
    rater,
    'deputy',
    'assignment',
    part,
    { state: 'rehandling', rehandlingDue: part.rehandlingDue, round: 1 },
    { state: 'replied' },
  );
  const again = rng.chance(0.75) ? t.maybeAfter(ratedAt, 1, 7) : null;
  contact(ctx, s, part, 'during', again);
  if (target.kind === 'rehandling') {
    if (target.redraft) writeReply(ctx, s, part, 1, target.redraft, latest(ratedAt, again), null);
    return latest(ratedAt, again, ...part.replies.map((r) => r.draftedAt));
  }
  const resentAt = within(ctx, latest(ratedAt, again), 5, part.rehandlingDue);
  const second = writeReply(ctx, s, part, 1, 'sent', latest(ratedAt, again), resentAt);
  const finalAt = t.after(resentAt, 1, 10);
  rateReply(ctx, s, second, s.lead, finalAt);
  part.state = 'closed';
  return finalAt;
}
