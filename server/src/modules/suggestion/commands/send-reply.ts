import type { AssignmentRow, ReplyRow, SuggestionRow } from '../../../db/schema.js';
import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { emit } from '../../../platform/events.js';
import { invalidState } from '../../../platform/errors.js';
import { notify } from '../../../platform/outbox.js';
import { chinaToday, computeDeadline, isOnTime } from '../../deadline/deadline.workflow.js';
import { loadDeadlineContext } from '../../handling-rules/handling-rules.repository.js';
import { goesOnLedger, promiseTargetOf, replyClassOf } from '../../handling-rules/handling-rules.workflow.js';
import type { ReplyClassRule } from '../../handling-rules/handling-rules.schemas.js';
import type { WorkCalendar } from '../../deadline/work-calendar.js';
import { nextState } from '../../../platform/workflow.js';
import { formatDocNumber, nextDocNumber, seriesWord } from '../../documents/doc-number.js';
import { derivedStatus, setAssignmentState } from '../assignment.repository.js';
import { assignmentWorkflow } from '../assignment.workflow.js';
import { dueInForce } from '../assignment.deadlines.js';
import type { AssignmentState } from '../suggestion.workflow.js';
import { deputyUserIds, officeUserIds, updateSuggestion } from '../suggestion.repository.js';

/** The due date this reply is measured against: the part's due date in force (re-handling, extension). */
export function replyDueOf(a: AssignmentRow): string {
  return dueInForce(a);
}

/** 签发: the letter gets its document number, goes to the deputy, and B-class promises go on the ledger. */
export async function sendReply(
  tx: Tx,
  viewer: Viewer,
  s: SuggestionRow,
  a: AssignmentRow,
  reply: ReplyRow,
  clock: Clock,
) {
  const now = clock.now();
  const today = chinaToday(now);
  const year = today.slice(0, 4);
  const unit = await tx
    .selectFrom('handling_unit')
    .selectAll()
    .where('id', '=', a.unit_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const n = await nextDocNumber(tx, { issuerKind: 'unit', issuerId: unit.id, series: 'reply', year: Number(year) });
  const docNumber = formatDocNumber(`${unit.doc_prefix || unit.short_name}${seriesWord.reply}`, Number(year), n);
  const onTime = isOnTime(today, replyDueOf(a));
  const { rules, calendar } = await loadDeadlineContext(tx, s.congress_id);
  // The office may have changed its class table since the draft: the letter is classed anew.
  if (!replyClassOf(rules, reply.class_code)) throw invalidState('答复分类表已更新，请经办人重新选择答复分类后再送审');
  // The deputy's feedback window is fixed now, stored, and shown with the letter.
  const feedbackDue = computeDeadline(today, rules.feedbackWindow, calendar).due;
  const sent = await tx
    .updateTable('reply')
    .set({
      state: 'sent',
      doc_number: docNumber,
      signed_by: viewer.userId,
      signed_at: now,
      sent_at: now,
      on_time: onTime,
      feedback_due: feedbackDue,
      class_table_version: rules.replyClassVersion,
      version: reply.version + 1,
    })
    .where('id', '=', reply.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await setAssignmentState(tx, a, {
    state: nextState(assignmentWorkflow, 'sendReply', a.state as AssignmentState),
    replied_at: now,
    replied_on_time: onTime,
  });
  await followPromiseOfReply(tx, s, a, sent, replyClassOf(rules, reply.class_code), today, calendar);
  const status = await derivedStatus(tx, s.id);
  const updated = await updateSuggestion(tx, s, { status });
  await recordAudit(tx, viewer, {
    action: 'suggestion.reply_sent',
    entityType: 'reply',
    entityId: reply.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    before: { status: s.status },
    after: { status, docNumber, classCode: reply.class_code, onTime, round: reply.round, feedbackDue },
  });
  await emit(tx, [
    {
      type: 'reply.sent',
      congressId: s.congress_id,
      payload: { suggestionId: s.id, replyId: reply.id, unitId: a.unit_id },
    },
  ]);
  await notify(
    tx,
    [...(await deputyUserIds(tx, s.id, s.lead_deputy_id)), ...(await officeUserIds(tx, s.congress_id))],
    {
      congressId: s.congress_id,
      kind: 'reply_sent',
      title: `${unit.name}已答复：${s.title}（${docNumber}）`,
      suggestionId: s.id,
    },
  );
  return { reply: sent, suggestion: updated };
}

/**
 * A reply of a ledger class puts its promise on the unit's ledger; a reply sent again after
 * re-handling updates the unit's open promise on this suggestion instead of opening a second
 * one, and a re-handled reply of a class off the ledger supersedes it.
 */
async function followPromiseOfReply(
  tx: Tx,
  s: SuggestionRow,
  a: AssignmentRow,
  reply: ReplyRow,
  cls: ReplyClassRule | null,
  sentOn: string,
  calendar: WorkCalendar,
) {
  const open = await tx
    .selectFrom('promise')
    .select(['id', 'version'])
    .where('suggestion_id', '=', s.id)
    .where('unit_id', '=', a.unit_id)
    .where('status', '=', 'open')
    .forUpdate()
    .executeTakeFirst();
  const targetOn = cls && goesOnLedger(cls) ? promiseTargetOf(cls, a.assigned_on, sentOn, calendar) : null;
  if (!targetOn) {
    if (open)
      await tx
        .updateTable('promise')
        .set({ status: 'superseded', version: open.version + 1 })
        .where('id', '=', open.id)
        .execute();
    return;
  }
  const values = {
    reply_id: reply.id,
    class_code: reply.class_code,
    done_text: reply.promise_done_text,
    planned_text: reply.promise_planned_text,
    not_done_reason: reply.promise_not_done_reason,
    target_on: targetOn,
  };
  if (open) {
    // The deputy is asked anew about the new text: an earlier 销号 request and answer lapse.
    const fresh = {
      fulfilment_requested_at: null,
      verdict_due: null,
      deputy_verdict: null,
      deputy_verdict_at: null,
      deputy_verdict_by: null,
      deputy_verdict_comment: '',
    };
    await tx
      .updateTable('promise')
      .set({ ...values, ...fresh, version: open.version + 1 })
      .where('id', '=', open.id)
      .execute();
  } else {
    await tx
      .insertInto('promise')
      .values({ ...values, congress_id: s.congress_id, suggestion_id: s.id, unit_id: a.unit_id })
      .execute();
  }
}
