import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import type { AssignmentRow } from '../../../db/schema.js';
import { invalidInput } from '../../../platform/errors.js';
import { formatChineseDate } from '../../deadline/chinese-date.js';
import { chinaToday } from '../../deadline/deadline.workflow.js';
import { ensurePartMay, lockOwnAssignment, setAssignmentState } from '../assignment.repository.js';
import { lockVisibleSuggestion, updateSuggestion } from '../suggestion.repository.js';

/** 签收 and 三定: the unit signs for the suggestion and fixes its handler, plan and reply date. */
export async function acknowledgeAssignment(
  tx: Tx,
  viewer: Viewer,
  id: number,
  input: { handlerName: string; handlerPhone: string; plan: string; plannedReplyOn: string },
  clock: Clock,
) {
  const s = await lockVisibleSuggestion(tx, viewer, id);
  const a = await lockOwnAssignment(tx, viewer, s.id);
  const next = ensurePartMay(viewer, a, 'acknowledge');
  if (input.plannedReplyOn < chinaToday(clock.now())) throw invalidInput('计划答复日期不能早于今天');
  const problem = plannedReplyProblem(a, input.plannedReplyOn);
  if (problem) throw invalidInput(problem);
  const updated = await setAssignmentState(tx, a, {
    state: next,
    acknowledged_at: clock.now(),
    handler_name: input.handlerName,
    handler_phone: input.handlerPhone,
    handling_plan: input.plan,
    planned_reply_on: input.plannedReplyOn,
  });
  await updateSuggestion(tx, s, {});
  await recordAudit(tx, viewer, {
    action: 'suggestion.acknowledged',
    entityType: 'assignment',
    entityId: a.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    before: { state: a.state },
    after: { state: updated.state, handlerName: input.handlerName, plannedReplyOn: input.plannedReplyOn },
  });
  return updated;
}

/**
 * 三定's reply date must fall within the due date in force: a co-handling unit's opinion date,
 * or the lead unit's reply date — past it only with an approved extension (延期), and never
 * past the latest lawful date.
 */
export function plannedReplyProblem(a: AssignmentRow, plannedOn: string): string | null {
  if (a.role === 'co') {
    const due = a.opinion_due ?? a.reply_due;
    return plannedOn > due ? `计划日期不能晚于会办意见期限${formatChineseDate(due)}` : null;
  }
  if (plannedOn > a.reply_due_latest) return `计划答复日期不能晚于最迟答复期限${formatChineseDate(a.reply_due_latest)}`;
  const due = a.extended_due ?? a.reply_due;
  if (plannedOn > due) return `计划答复日期晚于答复期限${formatChineseDate(due)}，须先申请延期并经同意`;
  return null;
}
