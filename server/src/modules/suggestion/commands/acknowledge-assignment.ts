import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { invalidInput } from '../../../platform/errors.js';
import { chinaToday } from '../../deadline/deadline.workflow.js';
import { ensureAssignmentState, lockOwnAssignment, setAssignmentState } from '../assignment.repository.js';
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
  ensureAssignmentState(a, ['pending_ack'], '签收');
  if (input.plannedReplyOn < chinaToday(clock.now())) throw invalidInput('计划答复日期不能早于今天');
  const due = a.opinion_due ?? a.reply_due_latest;
  if (input.plannedReplyOn > due) throw invalidInput(`计划答复日期不能晚于${a.role === 'co' ? '会办意见期限' : '最迟答复期限'}${due}`);
  const updated = await setAssignmentState(tx, a, {
    state: 'handling',
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
