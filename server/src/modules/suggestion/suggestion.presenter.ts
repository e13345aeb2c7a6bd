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
import { chinaToday, deadlineStanding } from '../deadline/deadline.workflow.js';
import { rulesFromSettings } from '../handling-rules/handling-rules.repository.js';
import { abilitiesOf } from './suggestion.abilities.js';
import type { SuggestionDetailRows } from './suggestion.detail.js';
import { detailPrivacyOf } from './suggestion.privacy.js';
import type { AssignmentState, SuggestionStatus } from './suggestion.workflow.js';
import { dueInForce } from './assignment.deadlines.js';

/**
 * Everything about one suggestion that this viewer may see, with what they may do next, from
 * its rows as `readSuggestionDetail` read them. What of each part the viewer sees is
 * suggestion.privacy.ts's to say.
 */
export async function presentSuggestion(db: Executor, viewer: Viewer, d: SuggestionDetailRows, today: string) {
  const { s, rel, assignments, replies, ratings, extensions, reassignments } = d;
  const may = detailPrivacyOf(viewer);
  const nearDays = rulesFromSettings(d.policySettings).nearDueDays;

  const presentedAssignments = assignments.map((a) => {
    const open = a.state === 'pending_ack' || a.state === 'handling' || a.state === 'rehandling';
    const due = dueInForce(a);
    const doneAt = a.role === 'co' ? a.opinion_sent_at : a.replied_at;
    const standing = deadlineStanding({
      due,
      today,
      nearDays,
      replyDue: a.reply_due,
      replyDueLatest: a.reply_due_latest,
      // The day in China it was done; the figures' on-time flag, stored when it was done, wins.
      doneOn: open || !doneAt ? null : chinaToday(doneAt),
    });
    const storedOnTime = a.role === 'co' ? a.opinion_on_time : a.replied_on_time;
    if (!open && doneAt && storedOnTime !== null) standing.standing = storedOnTime ? 'done_on_time' : 'done_late';
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
      plan: may.seesHandlingPlans ? a.handling_plan : null,
      plannedReplyOn: a.planned_reply_on,
      repliedAt: a.replied_at,
      repliedOnTime: a.replied_on_time,
      opinionSentAt: a.opinion_sent_at,
      opinionOnTime: a.opinion_on_time,
      endedAt: a.ended_at,
      endReason: a.end_reason,
    };
  });

  const visibleReplies = replies.filter(may.seesReply);
  const ownDeputy = viewer.grant.deputyId;

  return {
    id: s.id,
    version: s.version,
    number: s.number,
    numberLabel: suggestionNumberLabel(s.period, s.number),
    period: s.period,
    periodLabel: periodLabels[s.period],
    sessionId: s.session_id,
    sessionLabel: sessionLabel(d.session.short_name, d.session.term_ordinal, d.session.session_ordinal),
    title: s.title,
    body: s.body,
    categoryCode: s.category_code,
    categoryName: d.categoryName,
    status: s.status as SuggestionStatus,
    statusLabel: statusLabels[s.status as SuggestionStatus],
    mode: s.mode,
    modeLabel: s.mode ? modeLabels[s.mode] : null,
    leadDeputy: { id: s.lead_deputy_id, name: d.leadName },
    delegationName: d.delegationName,
    cosigners: d.cosigners.map((c) => ({ deputyId: c.deputy_id, name: c.name, status: c.status })),
    mayDisclose: s.may_disclose,
    disclosure: s.disclosure,
    publishedAt: s.published_at,
    isKey: s.is_key,
    class: s.class_id ? { id: s.class_id, name: d.className } : null,
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
    preAssignments: !may.seesPreAssignments
      ? []
      : d.preAssignments.map((p) => ({
          unitId: p.unit_id,
          unitName: p.unit_name,
          role: p.role,
          roleLabel: assignmentRoleLabels[p.role],
        })),
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
      promise: {
        doneText: r.promise_done_text,
        plannedText: r.promise_planned_text,
        notDoneReason: r.promise_not_done_reason,
      },
      reviewStep: r.review_step,
      sentAt: r.sent_at,
      onTime: r.on_time,
      /** The last day the deputies may rate this letter (反馈期限), fixed when it was sent. */
      feedbackDue: r.feedback_due,
      classTableVersion: r.class_table_version,
      version: r.version,
    })),
    ratings: ratings.filter(may.seesRating).map((r) => ({
      id: r.id,
      replyId: r.reply_id,
      deputyName: may.seesRaterNames ? r.deputy_name : null,
      isLeadDeputy: may.seesRaterNames ? r.is_lead_deputy : null,
      mine: r.deputy_id === ownDeputy,
      attitude: r.attitude,
      attitudeLabel: ratingLabels[r.attitude],
      result: r.result,
      resultLabel: ratingLabels[r.result],
      comment: r.comment,
      ratedAt: r.rated_at,
    })),
    contacts: d.contacts.map((c) => ({
      id: c.id,
      unitName: c.unit_name,
      phase: c.phase,
      phaseLabel: contactPhaseLabels[c.phase],
      kind: c.kind,
      kindLabel: contactKindLabels[c.kind],
      contactedOn: c.contacted_on,
      summary: c.summary,
    })),
    opinions: !may.seesOpinions
      ? []
      : d.opinions.map((o) => ({
          id: o.id,
          unitName: o.unit_name,
          body: o.body,
          sentAt: o.sent_at,
          onTime: o.on_time,
        })),
    extensionRequests: extensions.filter(may.seesExtensionRequest).map((e) => ({
      id: e.id,
      unitName: e.unit_name,
      requestedDue: e.requested_due,
      reason: e.reason,
      status: e.status,
      statusLabel: requestStatusLabels[e.status],
      rulingReason: e.ruling_reason,
      createdAt: e.created_at,
    })),
    reassignmentRequests: reassignments.filter(may.seesReassignmentRequest).map((r) => ({
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
    attachments: d.attachments.map((a) => ({
      id: a.id,
      fileName: a.file_name,
      mimeType: a.mime_type,
      sizeBytes: a.size_bytes,
      uploadedAt: a.uploaded_at,
    })),
    timeline: d.events.filter(may.seesEvent).map((e) => ({
      id: e.id,
      at: e.at,
      action: e.action,
      label: auditActions[e.action as AuditAction] ?? e.action,
      actorName: may.eventActorName(e),
    })),
    abilities: await abilitiesOf(
      db,
      viewer,
      s,
      rel,
      presentedAssignments,
      visibleReplies,
      ratings,
      reassignments,
      extensions.some((e) => e.status === 'pending'),
      today,
    ),
  };
}
