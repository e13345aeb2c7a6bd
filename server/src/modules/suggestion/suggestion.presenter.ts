import type { SuggestionRow } from '../../db/schema.js';
import { auditActions, type AuditAction } from '../../platform/audit.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor } from '../../platform/db.js';
import {
  assignmentRoleLabels,
  assignmentStateLabels,
  closeKindLabels,
  contactKindLabels,
  contactPhaseLabels,
  modeLabels,
  periodLabels,
  ratingLabels,
  replyStateLabels,
  requestStatusLabels,
  sessionLabel,
  statusLabels,
  suggestionNumberLabel,
} from '../../shared/labels.js';
import { deadlineStanding } from '../deadline/deadline.workflow.js';
import { loadRules } from '../handling-rules/handling-rules.repository.js';
import { abilitiesOf } from './suggestion.abilities.js';
import type { SuggestionRelation } from './suggestion.policy.js';
import type { AssignmentState, SuggestionStatus } from './suggestion.workflow.js';
import { dueInForce } from './assignment.deadlines.js';

const isUnitViewer = (v: Viewer) => v.grant.unitId !== null;

/** Everything about one suggestion that this viewer may see, with what they may do next. */
export async function presentSuggestion(db: Executor, viewer: Viewer, s: SuggestionRow, rel: SuggestionRelation, today: string) {
  const g = viewer.grant;
  const [meta, cosigners, assignments, preAssignments, replies, ratings, contacts, opinions, extensions, reassignments, attachments, events, policy] = await Promise.all([
    db
      .selectFrom('congress_session as cs')
      .innerJoin('term as t', 't.id', 'cs.term_id')
      .innerJoin('congress as c', 'c.id', 'cs.congress_id')
      .leftJoin('deputy as d', (j) => j.on('d.id', '=', s.lead_deputy_id))
      .leftJoin('delegation as dl', (j) => j.on('dl.id', '=', s.delegation_id ?? -1))
      .leftJoin('suggestion_category as sc', (j) => j.onRef('sc.congress_id', '=', 'c.id').on('sc.code', '=', s.category_code))
      .leftJoin('suggestion_class as cl', (j) => j.on('cl.id', '=', s.class_id ?? -1))
      .select(['cs.ordinal as session_ordinal', 't.ordinal as term_ordinal', 'c.short_name', 'd.name as lead_name', 'dl.name as delegation_name', 'sc.name as category_name', 'cl.name as class_name'])
      .where('cs.id', '=', s.session_id)
      .executeTakeFirstOrThrow(),
    db.selectFrom('suggestion_cosigner as c').innerJoin('deputy as d', 'd.id', 'c.deputy_id').select(['c.deputy_id', 'd.name', 'c.status']).where('c.suggestion_id', '=', s.id).orderBy('d.name_pinyin').execute(),
    db.selectFrom('assignment as a').innerJoin('handling_unit as u', 'u.id', 'a.unit_id').selectAll('a').select(['u.name as unit_name']).where('a.suggestion_id', '=', s.id).orderBy('a.id').execute(),
    db.selectFrom('pre_assignment as p').innerJoin('handling_unit as u', 'u.id', 'p.unit_id').select(['p.unit_id', 'p.role', 'u.name as unit_name']).where('p.suggestion_id', '=', s.id).execute(),
    db.selectFrom('reply as r').innerJoin('handling_unit as u', 'u.id', 'r.unit_id').selectAll('r').select(['u.name as unit_name']).where('r.suggestion_id', '=', s.id).orderBy('r.id').execute(),
    db.selectFrom('rating as r').innerJoin('deputy as d', 'd.id', 'r.deputy_id').selectAll('r').select(['d.name as deputy_name']).where('r.suggestion_id', '=', s.id).orderBy('r.id').execute(),
    db.selectFrom('contact_record as c').innerJoin('assignment as a', 'a.id', 'c.assignment_id').innerJoin('handling_unit as u', 'u.id', 'a.unit_id').selectAll('c').select(['u.name as unit_name']).where('c.suggestion_id', '=', s.id).orderBy('c.contacted_on').execute(),
    db.selectFrom('co_handling_opinion as o').innerJoin('assignment as a', 'a.id', 'o.assignment_id').innerJoin('handling_unit as u', 'u.id', 'a.unit_id').selectAll('o').select(['u.name as unit_name', 'a.unit_id']).where('o.suggestion_id', '=', s.id).orderBy('o.id').execute(),
    db.selectFrom('extension_request as e').innerJoin('assignment as a', 'a.id', 'e.assignment_id').innerJoin('handling_unit as u', 'u.id', 'a.unit_id').selectAll('e').select(['u.name as unit_name', 'a.unit_id']).where('e.suggestion_id', '=', s.id).orderBy('e.id').execute(),
    db.selectFrom('reassignment_request as r').innerJoin('app_user as p', 'p.id', 'r.requested_by').selectAll('r').select(['p.display_name as requester_name']).where('r.suggestion_id', '=', s.id).orderBy('r.id').execute(),
    db.selectFrom('attachment').select(['id', 'file_name', 'mime_type', 'size_bytes', 'uploaded_at']).where('suggestion_id', '=', s.id).orderBy('id').execute(),
    db.selectFrom('audit_event as e').leftJoin('app_user as p', 'p.id', 'e.actor_user_id').select(['e.id', 'e.at', 'e.action', 'e.actor_role', 'p.display_name', 'e.after_state']).where('e.suggestion_id', '=', s.id).orderBy('e.id').execute(),
    loadRules(db, s.congress_id),
  ]);
  const nearDays = policy.rules.nearDueDays;
  const ownUnit = g.unitId;
  const isOffice = g.role === 'liaison_office' || g.role === 'leader';
  const deputyView = g.role === 'deputy';

  const presentedAssignments = assignments.map((a) => {
    const open = a.state === 'pending_ack' || a.state === 'handling' || a.state === 'rehandling';
    const due = dueInForce(a);
    const standing = deadlineStanding({
      due,
      today,
      nearDays,
      replyDue: a.reply_due,
      replyDueLatest: a.reply_due_latest,
      doneOn: open ? null : (a.role === 'co' ? a.opinion_sent_at : a.replied_at)?.toISOString().slice(0, 10) ?? null,
    });
    return {
      id: a.id,
      unitId: a.unit_id,
      unitName: a.unit_name,
      role: a.role,
      roleLabel: assignmentRoleLabels[a.role],
      state: a.state,
      stateLabel: assignmentStateLabels[a.state as AssignmentState],
      assignedOn: a.assigned_on,
      replyDue: a.reply_due,
      replyDueLatest: a.reply_due_latest,
      dueRule: a.reply_due_rule,
      opinionDue: a.opinion_due,
      extendedDue: a.extended_due,
      rehandlingDue: a.rehandling_due,
      rehandlingRound: a.rehandling_round,
      effectiveDue: due,
      standing: a.state === 'ended' ? null : standing.standing,
      daysLeft: open ? standing.daysLeft : null,
      reassignmentWindowUntil: a.reassignment_window_until,
      acknowledgedAt: a.acknowledged_at,
      handlerName: a.handler_name,
      handlerPhone: a.handler_phone,
      plan: deputyView ? null : a.handling_plan,
      plannedReplyOn: a.planned_reply_on,
      repliedAt: a.replied_at,
      repliedOnTime: a.replied_on_time,
      opinionSentAt: a.opinion_sent_at,
      opinionOnTime: a.opinion_on_time,
      endedAt: a.ended_at,
      endReason: a.end_reason,
    };
  });

  // A draft reply stays inside its unit until it is signed and sent.
  const visibleReplies = replies.filter((r) => r.state === 'sent' || r.unit_id === ownUnit);
  const ownDeputy = g.deputyId;
  const visibleRatings = ratings.filter((r) => isOffice || isUnitViewer(viewer) || g.role === 'government_office' || g.role === 'committee' || r.deputy_id === ownDeputy);
  // Back to back: units and supervisors see the outcome, never who said what.
  const showRater = isOffice || deputyView;

  return {
    id: s.id,
    version: s.version,
    number: s.number,
    numberLabel: suggestionNumberLabel(s.period, s.number),
    period: s.period,
    periodLabel: periodLabels[s.period],
    sessionId: s.session_id,
    sessionLabel: sessionLabel(meta.short_name, meta.term_ordinal, meta.session_ordinal),
    title: s.title,
    body: s.body,
    categoryCode: s.category_code,
    categoryName: meta.category_name,
    status: s.status as SuggestionStatus,
    statusLabel: statusLabels[s.status as SuggestionStatus],
    mode: s.mode,
    modeLabel: s.mode ? modeLabels[s.mode] : null,
    leadDeputy: { id: s.lead_deputy_id, name: meta.lead_name },
    delegationName: meta.delegation_name,
    cosigners: cosigners.map((c) => ({ deputyId: c.deputy_id, name: c.name, status: c.status })),
    mayDisclose: s.may_disclose,
    disclosure: s.disclosure,
    publishedAt: s.published_at,
    isKey: s.is_key,
    class: s.class_id ? { id: s.class_id, name: meta.class_name } : null,
    reviewComment: s.review_comment,
    declineReason: s.decline_reason,
    closeKind: s.close_kind,
    closeKindLabel: s.close_kind ? closeKindLabels[s.close_kind] : null,
    closeReason: s.close_reason,
    rehandlingRound: s.rehandling_round,
    /** 回头看: the earlier suggestion this one re-assigns with this session, if any. */
    continuesSuggestionId: s.continues_suggestion_id,
    submittedAt: s.submitted_at,
    registeredAt: s.registered_at,
    assignedOn: s.assigned_on,
    closedAt: s.closed_at,
    updatedAt: s.updated_at,
    preAssignments: deputyView ? [] : preAssignments.map((p) => ({ unitId: p.unit_id, unitName: p.unit_name, role: p.role, roleLabel: assignmentRoleLabels[p.role] })),
    assignments: presentedAssignments,
    replies: visibleReplies.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      assignmentId: r.assignment_id,
      round: r.round,
      state: r.state,
      stateLabel: replyStateLabels[r.state],
      classCode: r.class_code,
      docNumber: r.doc_number,
      body: r.body,
      handlerName: r.handler_name,
      handlerPhone: r.handler_phone,
      consultedUnits: r.consulted_units,
      promise: { doneText: r.promise_done_text, plannedText: r.promise_planned_text, notDoneReason: r.promise_not_done_reason },
      reviewStep: r.review_step,
      sentAt: r.sent_at,
      onTime: r.on_time,
      /** The last day the deputies may rate this letter (反馈期限), fixed when it was sent. */
      feedbackDue: r.feedback_due,
      classTableVersion: r.class_table_version,
      version: r.version,
    })),
    ratings: visibleRatings.map((r) => ({
      id: r.id,
      replyId: r.reply_id,
      deputyName: showRater ? r.deputy_name : null,
      isLeadDeputy: showRater ? r.is_lead_deputy : null,
      mine: r.deputy_id === ownDeputy,
      attitude: r.attitude,
      attitudeLabel: ratingLabels[r.attitude],
      result: r.result,
      resultLabel: ratingLabels[r.result],
      comment: r.comment,
      ratedAt: r.rated_at,
    })),
    contacts: contacts.map((c) => ({
      id: c.id,
      unitName: c.unit_name,
      phase: c.phase,
      phaseLabel: contactPhaseLabels[c.phase],
      kind: c.kind,
      kindLabel: contactKindLabels[c.kind],
      contactedOn: c.contacted_on,
      summary: c.summary,
    })),
    opinions: deputyView ? [] : opinions.map((o) => ({ id: o.id, unitName: o.unit_name, body: o.body, sentAt: o.sent_at, onTime: o.on_time })),
    extensionRequests: extensions
      .filter((e) => !isUnitViewer(viewer) || e.unit_id === ownUnit)
      .filter(() => !deputyView)
      .map((e) => ({ id: e.id, unitName: e.unit_name, requestedDue: e.requested_due, reason: e.reason, status: e.status, statusLabel: requestStatusLabels[e.status], rulingReason: e.ruling_reason, createdAt: e.created_at })),
    reassignmentRequests: reassignments
      .filter((r) => isOffice || g.role === 'government_office' || r.requested_by === viewer.userId)
      .map((r) => ({
        id: r.id,
        requesterKind: r.requester_kind,
        requesterName: r.requester_name,
        reason: r.reason,
        proposedUnitIds: r.proposed_unit_ids,
        status: r.status,
        statusLabel: requestStatusLabels[r.status],
        rulingReason: r.ruling_reason,
        createdAt: r.created_at,
        ruledAt: r.ruled_at,
      })),
    attachments: attachments.map((a) => ({ id: a.id, fileName: a.file_name, mimeType: a.mime_type, sizeBytes: a.size_bytes, uploadedAt: a.uploaded_at })),
    timeline: events
      .filter((e) => showRater || e.action !== 'suggestion.rated')
      .filter((e) => !deputyView || !e.action.startsWith('suggestion.reply_') || e.action === 'suggestion.reply_sent')
      .map((e) => ({
        id: e.id,
        at: e.at,
        action: e.action,
        label: auditActions[e.action as AuditAction] ?? e.action,
        // Re-handling and closing follow from a rating: naming their actor would say who rated.
        actorName: e.actor_role === 'system' ? '系统' : !showRater && (e.action === 'suggestion.rehandling_opened' || e.action === 'suggestion.closed') ? '代表' : e.display_name,
      })),
    abilities: await abilitiesOf(db, viewer, s, rel, presentedAssignments, visibleReplies, ratings, reassignments, extensions.some((e) => e.status === 'pending'), today),
  };
}
