import { isOnTime } from '../../../modules/deadline/deadline.workflow.js';
import {
  goesOnLedger,
  promiseTargetOf,
  replyClassOf,
} from '../../../modules/handling-rules/handling-rules.workflow.js';
import type { RatingLevel } from '../../schema.js';
import type { PlanContext } from './context.js';
import { dayOf } from './dates.js';
import { addEvent } from './events.js';
import { progressReports, promiseTexts, ratingComment, replyLetter, reviewReturnComments } from './letters.js';
import type { DeputyRef, PartPlan, ReplyPlan, SuggestionPlan } from './types.js';

// A unit's reply letter through its review chain (drafted → reviewed → signed and sent),
// the deputies' ratings of it, and the promise it puts on the ledger.

const classTable = [
  ['A1', 44],
  ['A2', 15],
  ['A3', 14],
  ['B1', 10],
  ['B2', 6],
  ['C1', 8],
  ['C2', 3],
] as const;
// Replies that end in 不满意 are more often the ones that promise little.
const disappointingTable = [
  ['A3', 15],
  ['B2', 25],
  ['C1', 35],
  ['C2', 25],
] as const;

export type ReplyStage = 'draft' | 'in_review' | 'in_review_signer' | 'sent';

const hours = (h: number) => h * 3_600_000;

/**
 * Writes one reply of `part` up to `stage`. A sent reply is signed at `sentAt`; its drafting and
 * review happen in the hours before, never before `from`.
 */
export function writeReply(
  ctx: PlanContext,
  s: SuggestionPlan,
  part: PartPlan,
  round: number,
  stage: ReplyStage,
  from: Date,
  sentAt: Date | null,
  options: { disappointing?: boolean } = {},
): ReplyPlan {
  const { rng, t } = ctx;
  const unit = part.unit;
  const classCode = rng.weighted(options.disappointing ? disappointingTable : classTable);
  const drafted = sentAt
    ? new Date(
        Math.min(
          sentAt.getTime() - 20 * 60_000,
          Math.max(from.getTime() + 60_000, sentAt.getTime() - hours(rng.int(20, 96))),
        ),
      )
    : t.after(from, 2, 30);
  const end = sentAt ?? new Date(drafted.getTime() + hours(rng.int(1, 6)));
  const span = end.getTime() - drafted.getTime();
  const consulted = s.parts.filter((p) => p.role === 'co' && p.state !== 'ended').map((p) => p.unit.name);
  const promise = goesOnLedger(replyClassOf(ctx.deadlines.rules, classCode)) ? promiseTexts(rng, s.categoryCode) : null;
  const reply: ReplyPlan = {
    round,
    state: stage === 'sent' ? 'sent' : stage === 'draft' ? 'draft' : 'in_review',
    classCode,
    body: replyLetter(rng, {
      title: s.title,
      categoryCode: s.categoryCode,
      classCode,
      unitName: unit.name,
      consulted: part.role === 'lead' ? consulted : [],
      handlerName: unit.handler.name,
      handlerPhone: unit.handler.phone,
      sentOn: dayOf(end),
      round,
    }),
    consulted: part.role === 'lead' ? consulted.join('、') : '',
    promise,
    reviewStep: 0,
    draftedAt: drafted,
    sentAt: null,
    onTime: null,
    docNumber: '',
    reviews: [],
    ratings: [],
    ledger: null,
    sentPayload: null,
  };
  part.replies.push(reply);
  addEvent(s, drafted, 'suggestion.reply_drafted', unit.handler, 'unit_handler', 'reply', reply, { classCode });
  if (stage === 'draft') return reply;

  const at = (f: number) => new Date(drafted.getTime() + span * f);
  const submit = (when: Date) => {
    reply.reviews.push({ step: -1, role: 'unit_handler', decision: 'submit', comment: '', by: unit.handler, at: when });
    addEvent(
      s,
      when,
      'suggestion.reply_submitted',
      unit.handler,
      'unit_handler',
      'reply',
      reply,
      { state: 'in_review', step: 0 },
      { state: 'draft', step: 0 },
    );
  };
  submit(at(0.1));
  const full = unit.chain.length > 1;
  if (full && sentAt && rng.chance(0.06)) {
    // The division head sends it back once before it goes on.
    const comment = rng.pick(reviewReturnComments);
    reply.reviews.push({
      step: 0,
      role: 'unit_reviewer',
      decision: 'return',
      comment,
      by: unit.reviewer,
      at: at(0.25),
    });
    addEvent(s, at(0.25), 'suggestion.reply_returned', unit.reviewer, 'unit_reviewer', 'reply', reply, {
      state: 'draft',
      comment,
    });
    submit(at(0.4));
  }
  if (full && stage !== 'in_review') {
    reply.reviews.push({
      step: 0,
      role: 'unit_reviewer',
      decision: 'approve',
      comment: '',
      by: unit.reviewer,
      at: at(0.6),
    });
    addEvent(s, at(0.6), 'suggestion.reply_approved', unit.reviewer, 'unit_reviewer', 'reply', reply, { step: 1 });
    reply.reviewStep = 1;
  }
  if (stage !== 'sent' || !sentAt) return reply;

  // 签发: measured against the re-handling date, the extended date or the reply date.
  const due = round > 0 && part.rehandlingDue ? part.rehandlingDue : (part.extendedDue ?? part.replyDue);
  reply.state = 'sent';
  reply.sentAt = sentAt;
  reply.onTime = isOnTime(dayOf(sentAt), due);
  reply.reviews.push({
    step: unit.chain.length - 1,
    role: 'unit_signer',
    decision: 'sign',
    comment: '',
    by: unit.signer,
    at: sentAt,
  });
  reply.sentPayload = { classCode, onTime: reply.onTime, round };
  addEvent(s, sentAt, 'suggestion.reply_sent', unit.signer, 'unit_signer', 'reply', reply, reply.sentPayload, {
    state: part.state,
  });
  part.state = 'replied';
  part.repliedAt = sentAt;
  part.repliedOnTime = reply.onTime;
  putOnLedger(ctx, s, part, reply);
  return reply;
}

function putOnLedger(ctx: PlanContext, s: SuggestionPlan, part: PartPlan, reply: ReplyPlan): void {
  const cls = replyClassOf(ctx.deadlines.rules, reply.classCode);
  if (!cls || !reply.sentAt) return;
  const targetOn = promiseTargetOf(cls, part.assignedOn, dayOf(reply.sentAt), ctx.deadlines.calendar);
  if (!targetOn) return;
  const { rng, t } = ctx;
  const ledger: NonNullable<ReplyPlan['ledger']> = {
    targetOn,
    fulfilledAt: null,
    progress: [],
  };
  reply.ledger = ledger;
  const progressAt = rng.chance(0.45) ? t.maybeAfter(reply.sentAt, 10, 50) : null;
  if (progressAt) {
    const text = rng.pick(progressReports);
    ledger.progress.push({ at: progressAt, text });
    addEvent(s, progressAt, 'promise.progress_reported', part.unit.handler, 'unit_handler', 'promise', ledger, {
      progress: text,
    });
  }
  const at = reply.classCode === 'A2' && rng.chance(0.2) ? t.maybeAfter(progressAt ?? reply.sentAt, 5, 40) : null;
  if (at) {
    ledger.fulfilledAt = at;
    addEvent(
      s,
      at,
      'promise.fulfilled',
      s.dir.office,
      'liaison_office',
      'promise',
      ledger,
      { status: 'fulfilled', note: '经代表和联工委确认，承诺事项已落实。' },
      { status: 'open' },
    );
  }
}

const satisfiedAttitude = [
  ['very_satisfied', 60],
  ['satisfied', 32],
  ['basically_satisfied', 8],
] as const;
const satisfiedResult = [
  ['very_satisfied', 52],
  ['satisfied', 40],
  ['basically_satisfied', 8],
] as const;

/** One deputy's two ratings of a sent reply; 不满意 carries its reason. */
export function rateReply(
  ctx: PlanContext,
  s: SuggestionPlan,
  reply: ReplyPlan,
  deputy: DeputyRef,
  at: Date,
  unsatisfied = false,
): void {
  const { rng } = ctx;
  const attitude: RatingLevel = unsatisfied
    ? rng.weighted([
        ['satisfied', 30],
        ['basically_satisfied', 40],
        ['unsatisfied', 30],
      ] as const)
    : rng.weighted(satisfiedAttitude);
  const result: RatingLevel = unsatisfied ? 'unsatisfied' : rng.weighted(satisfiedResult);
  const isLead = deputy.deputyId === s.lead.deputyId;
  reply.ratings.push({ deputy, isLead, attitude, result, comment: ratingComment(rng, result, attitude), at });
  addEvent(s, at, 'suggestion.rated', deputy, 'deputy', 'reply', reply, { attitude, result, isLead });
}

/** Confirmed co-signers who rate before the lead deputy does (some of them, satisfied). */
export function cosignerRatings(ctx: PlanContext, s: SuggestionPlan, reply: ReplyPlan, before: Date): void {
  if (!reply.sentAt) return;
  for (const c of s.cosigners) {
    if (c.status !== 'confirmed' || !ctx.rng.chance(0.3)) continue;
    const at = ctx.t.maybeAfter(reply.sentAt, 1, 20);
    if (at && at < before) rateReply(ctx, s, reply, c.deputy, at);
  }
}
