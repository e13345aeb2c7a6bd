import type { ReplyRow } from '../../../db/schema.js';
import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Tx } from '../../../platform/db.js';
import { invalidInput, invalidState } from '../../../platform/errors.js';
import { loadRules } from '../../handling-rules/handling-rules.repository.js';
import { goesOnLedger, replyClassOf } from '../../handling-rules/handling-rules.workflow.js';
import { ensurePartMay, lockOwnAssignment } from '../assignment.repository.js';
import { lockVisibleSuggestion, updateSuggestion } from '../suggestion.repository.js';

export interface ReplyDraftInput {
  classCode: string;
  body: string;
  handlerName: string;
  handlerPhone: string;
  consultedUnits: string;
  promise?: { doneText: string; plannedText: string; notDoneReason: string } | undefined;
}

/** The reply the handler is writing for this round, if any (one at a time). */
export async function openReplyOf(tx: Tx, assignmentId: number): Promise<ReplyRow | undefined> {
  return tx
    .selectFrom('reply')
    .selectAll()
    .where('assignment_id', '=', assignmentId)
    .where('state', '!=', 'sent')
    .forUpdate()
    .executeTakeFirst();
}

/** The handler drafts (or revises) the reply letter; it stays inside the unit until signed. */
export async function draftReply(tx: Tx, viewer: Viewer, id: number, input: ReplyDraftInput) {
  const s = await lockVisibleSuggestion(tx, viewer, id);
  const a = await lockOwnAssignment(tx, viewer, s.id);
  ensurePartMay(viewer, a, 'draftReply');
  const { rules } = await loadRules(tx, s.congress_id);
  const cls = replyClassOf(rules, input.classCode);
  if (!cls) throw invalidInput('答复分类不在本级人大的分类表中');
  if (goesOnLedger(cls) && !input.promise?.plannedText) {
    throw invalidInput(`${input.classCode}类答复须填写承诺事项的工作计划，列入台账跟踪`);
  }
  const existing = await openReplyOf(tx, a.id);
  if (existing && existing.state !== 'draft') throw invalidState('答复正在审核中，退回后才能修改');
  const values = {
    class_code: input.classCode,
    body: input.body,
    handler_name: input.handlerName,
    handler_phone: input.handlerPhone,
    consulted_units: input.consultedUnits,
    // The promise goes on the ledger only when the reply is sent.
    promise_done_text: input.promise?.doneText ?? '',
    promise_planned_text: input.promise?.plannedText ?? '',
    promise_not_done_reason: input.promise?.notDoneReason ?? '',
  };
  const reply = existing
    ? await tx
        .updateTable('reply')
        .set({ ...values, version: existing.version + 1 })
        .where('id', '=', existing.id)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await tx
        .insertInto('reply')
        .values({
          ...values,
          congress_id: s.congress_id,
          suggestion_id: s.id,
          assignment_id: a.id,
          unit_id: a.unit_id,
          round: a.rehandling_round,
          state: 'draft',
          drafted_by: viewer.userId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
  await updateSuggestion(tx, s, {});
  await recordAudit(tx, viewer, {
    action: 'suggestion.reply_drafted',
    entityType: 'reply',
    entityId: reply.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    before: existing ? { classCode: existing.class_code } : undefined,
    after: { classCode: reply.class_code },
  });
  return reply;
}
