import { sql } from 'kysely';
import type { Tx } from '../../../platform/db.js';
import { searchDocument } from '../../../text/segment.js';
import { insertReturningIds, insertRows } from './bulk.js';
import { dayOf } from './dates.js';
import { latest } from './events.js';
import type { PartPlan, ReplyPlan, SuggestionPlan } from './types.js';

// Writes the planned histories table by table, a few statements per table, parents first so
// that each child row knows its parent's id.

/** 湘交建议复〔2026〕12号: numbered per unit and year in the order the letters went out. */
function numberReplies(plans: readonly SuggestionPlan[]): void {
  const sent = plans.flatMap((s) =>
    s.parts.flatMap((p) => p.replies.filter((r) => r.sentAt).map((r) => ({ r, unit: p.unit }))),
  );
  sent.sort((a, b) => a.r.sentAt!.getTime() - b.r.sentAt!.getTime());
  const counters = new Map<string, number>();
  for (const { r, unit } of sent) {
    const year = dayOf(r.sentAt!).slice(0, 4);
    const key = `${unit.id}/${year}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    r.docNumber = `${unit.docPrefix}建议复〔${year}〕${n}号`;
    if (r.sentPayload) r.sentPayload.docNumber = r.docNumber;
  }
}

export async function writePlans(tx: Tx, plans: readonly SuggestionPlan[]): Promise<void> {
  numberReplies(plans);
  const ids = await insertReturningIds(
    tx,
    'suggestion',
    plans.map((s) => ({
      congress_id: s.dir.congressId,
      session_id: s.dir.session.id,
      period: s.period,
      number: s.number,
      title: s.title,
      body: s.body,
      category_code: s.categoryCode,
      lead_deputy_id: s.lead.deputyId,
      delegation_id: s.lead.delegationId,
      deputy_group_id: s.lead.groupId,
      may_disclose: s.mayDisclose,
      disclosure: s.disclosure,
      published_at: s.publishedAt,
      status: s.status,
      mode: s.mode,
      is_key: s.isKey,
      review_comment: s.reviewComment,
      decline_reason: s.declineReason,
      close_kind: s.closeKind,
      close_reason: s.closeReason,
      rehandling_round: s.rehandlingRound,
      submitted_at: s.submittedAt,
      registered_at: s.registeredAt,
      assigned_on: s.assignedOn,
      closed_at: s.closedAt,
      // An SQL expression where the row type expects the column's text.
      search_tokens: sql<string>`to_tsvector('simple', ${searchDocument(s.title, s.body)})` as unknown as string,
      version: s.events.length + 1,
      created_at: s.createdAt,
      updated_at: latest(s.createdAt, ...s.events.map((e) => e.at)),
    })),
  );
  plans.forEach((s, i) => {
    s.id = ids[i]!;
  });
  const sid = (s: SuggestionPlan) => s.id!;

  await insertRows(
    tx,
    'suggestion_cosigner',
    plans.flatMap((s) =>
      s.cosigners.map((c) => ({
        suggestion_id: sid(s),
        deputy_id: c.deputy.deputyId,
        congress_id: s.dir.congressId,
        status: c.status,
        responded_at: c.at,
      })),
    ),
  );
  await insertRows(
    tx,
    'pre_assignment',
    plans.flatMap((s) =>
      s.preAssigned.map((p) => ({
        suggestion_id: sid(s),
        unit_id: p.unit.id,
        congress_id: s.dir.congressId,
        role: p.role,
        created_at: s.registeredAt ?? s.createdAt,
      })),
    ),
  );

  const parts = plans.flatMap((s) => s.parts.map((p) => ({ s, p })));
  const partIds = await insertReturningIds(
    tx,
    'assignment',
    parts.map(({ s, p }) => assignmentRow(s, p)),
  );
  parts.forEach(({ p }, i) => {
    p.id = partIds[i]!;
  });

  const requests = plans.flatMap((s) => s.reassignments.map((r) => ({ s, r })));
  const requestIds = await insertReturningIds(
    tx,
    'reassignment_request',
    requests.map(({ s, r }) => ({
      congress_id: s.dir.congressId,
      suggestion_id: sid(s),
      assignment_id: r.part?.id ?? null,
      requested_by: r.by.id,
      requester_kind: r.kind,
      reason: r.reason,
      proposed_unit_ids: r.proposed.map((u) => u.id),
      status: r.status,
      ruling_reason: r.ruling,
      ruled_by: r.ruledAt ? s.dir.office.id : null,
      ruled_at: r.ruledAt,
      created_at: r.at,
    })),
  );
  requests.forEach(({ r }, i) => {
    r.id = requestIds[i]!;
  });

  const extensions = parts.filter(({ p }) => p.extension);
  const extensionIds = await insertReturningIds(
    tx,
    'extension_request',
    extensions.map(({ s, p }) => {
      const e = p.extension!;
      return {
        congress_id: s.dir.congressId,
        suggestion_id: sid(s),
        assignment_id: p.id!,
        requested_due: e.requestedDue,
        reason: e.reason,
        status: e.status,
        ruling_reason: e.ruling,
        requested_by: p.unit.handler.id,
        ruled_by: e.ruledAt ? s.dir.office.id : null,
        ruled_at: e.ruledAt,
        created_at: e.at,
      };
    }),
  );
  extensions.forEach(({ p }, i) => {
    p.extension!.id = extensionIds[i]!;
  });

  await insertRows(
    tx,
    'contact_record',
    parts.flatMap(({ s, p }) =>
      p.contacts.map((c) => ({
        congress_id: s.dir.congressId,
        suggestion_id: sid(s),
        assignment_id: p.id!,
        phase: c.phase,
        kind: c.kind,
        contacted_on: c.on,
        summary: c.summary,
        recorded_by: p.unit.handler.id,
        recorded_at: c.at,
      })),
    ),
  );
  await insertRows(
    tx,
    'co_handling_opinion',
    parts
      .filter(({ p }) => p.opinion)
      .map(({ s, p }) => ({
        congress_id: s.dir.congressId,
        suggestion_id: sid(s),
        assignment_id: p.id!,
        body: p.opinion!.body,
        sent_by: p.unit.handler.id,
        sent_at: p.opinion!.at,
        on_time: p.opinion!.onTime,
      })),
  );
  await writeReplies(tx, parts);
  await writeAudit(tx, plans);
}

function assignmentRow(s: SuggestionPlan, p: PartPlan) {
  const acknowledged = p.acknowledgedAt !== null;
  return {
    congress_id: s.dir.congressId,
    suggestion_id: s.id!,
    unit_id: p.unit.id,
    role: p.role,
    state: p.state,
    assigned_on: p.assignedOn,
    reply_due: p.replyDue,
    reply_due_latest: p.replyDueLatest,
    reply_due_rule: p.replyDueRule,
    opinion_due: p.opinionDue,
    reassignment_window_until: p.windowUntil,
    reassignment_window_own: p.windowUntil,
    extended_due: p.extendedDue,
    rehandling_due: p.rehandlingDue,
    acknowledged_at: p.acknowledgedAt,
    handler_name: acknowledged ? p.unit.handler.name : null,
    handler_phone: acknowledged ? p.unit.handler.phone : null,
    handling_plan: p.plan,
    planned_reply_on: p.plannedReplyOn,
    replied_at: p.repliedAt,
    replied_on_time: p.repliedOnTime,
    opinion_sent_at: p.opinion?.at ?? null,
    opinion_on_time: p.opinion?.onTime ?? null,
    ended_at: p.endedAt,
    end_reason: p.endReason,
    version: 1 + p.contacts.length + p.replies.length + (acknowledged ? 1 : 0),
  };
}

async function writeReplies(tx: Tx, parts: readonly { s: SuggestionPlan; p: PartPlan }[]): Promise<void> {
  const replies = parts.flatMap(({ s, p }) => p.replies.map((r) => ({ s, p, r })));
  const ids = await insertReturningIds(
    tx,
    'reply',
    replies.map(({ s, p, r }) => ({
      congress_id: s.dir.congressId,
      suggestion_id: s.id!,
      assignment_id: p.id!,
      unit_id: p.unit.id,
      round: r.round,
      state: r.state,
      class_code: r.classCode,
      doc_number: r.docNumber,
      body: r.body,
      handler_name: p.unit.handler.name,
      handler_phone: p.unit.handler.phone,
      consulted_units: r.consulted,
      promise_done_text: r.promise?.done ?? '',
      promise_planned_text: r.promise?.planned ?? '',
      promise_not_done_reason: r.promise?.notDone ?? '',
      review_step: r.reviewStep,
      signed_by: r.sentAt ? p.unit.signer.id : null,
      signed_at: r.sentAt,
      sent_at: r.sentAt,
      on_time: r.onTime,
      drafted_by: p.unit.handler.id,
      created_at: r.draftedAt,
      version: 1 + r.reviews.length,
    })),
  );
  replies.forEach(({ r }, i) => {
    r.id = ids[i]!;
  });
  await insertRows(
    tx,
    'reply_review',
    replies.flatMap(({ r }) =>
      r.reviews.map((v) => ({
        reply_id: r.id!,
        step: v.step,
        role: v.role,
        decision: v.decision,
        comment: v.comment,
        reviewer_id: v.by.id,
        reviewed_at: v.at,
      })),
    ),
  );
  await insertRows(
    tx,
    'rating',
    replies.flatMap(({ s, r }) =>
      r.ratings.map((x) => ({
        congress_id: s.dir.congressId,
        suggestion_id: s.id!,
        reply_id: r.id!,
        deputy_id: x.deputy.deputyId,
        is_lead_deputy: x.isLead,
        attitude: x.attitude,
        result: x.result,
        comment: x.comment,
        rated_at: x.at,
      })),
    ),
  );
  const ledger = replies.filter(({ r }) => r.ledger);
  const promiseIds = await insertReturningIds(
    tx,
    'promise',
    ledger.map(({ s, p, r }) => promiseRow(s, p, r)),
  );
  ledger.forEach(({ r }, i) => {
    r.ledger!.id = promiseIds[i]!;
  });
  await insertRows(
    tx,
    'promise_progress',
    ledger.flatMap(({ p, r }) =>
      r.ledger!.progress.map((g) => ({
        promise_id: r.ledger!.id!,
        reported_by: p.unit.handler.id,
        reported_at: g.at,
        progress: g.text,
      })),
    ),
  );
}

function promiseRow(s: SuggestionPlan, p: PartPlan, r: ReplyPlan) {
  const l = r.ledger!;
  return {
    congress_id: s.dir.congressId,
    suggestion_id: s.id!,
    unit_id: p.unit.id,
    reply_id: r.id!,
    class_code: r.classCode,
    done_text: r.promise?.done ?? '',
    planned_text: r.promise?.planned ?? '',
    target_on: l.targetOn,
    not_done_reason: r.promise?.notDone ?? '',
    status: l.fulfilledAt ? ('fulfilled' as const) : ('open' as const),
    fulfilled_at: l.fulfilledAt,
    fulfilled_by: l.fulfilledAt ? s.dir.office.id : null,
    fulfil_note: l.fulfilledAt ? '经代表和联工委确认，承诺事项已落实。' : null,
    version: 1 + l.progress.length + (l.fulfilledAt ? 1 : 0),
    created_at: r.sentAt!,
  };
}

/** The audit trail, oldest first, so that ids follow time in every suggestion's timeline. */
async function writeAudit(tx: Tx, plans: readonly SuggestionPlan[]): Promise<void> {
  const events = plans.flatMap((s) => s.events.map((e) => ({ s, e })));
  events.sort((a, b) => a.e.at.getTime() - b.e.at.getTime());
  await insertRows(
    tx,
    'audit_event',
    events.map(({ s, e }) => ({
      congress_id: s.dir.congressId,
      actor_user_id: e.actor?.id ?? null,
      actor_role: e.role,
      at: e.at,
      action: e.action,
      entity_type: e.entity,
      entity_id: e.ref?.id ?? null,
      suggestion_id: s.id!,
      before_state: e.before === undefined ? null : JSON.stringify(e.before),
      after_state: e.after === undefined ? null : JSON.stringify(e.after),
    })),
  );
}
