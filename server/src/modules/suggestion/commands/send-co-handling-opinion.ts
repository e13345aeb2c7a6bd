import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { notify } from '../../../platform/outbox.js';
import { chinaToday, isOnTime } from '../../deadline/deadline.workflow.js';
import { activeAssignments, ensurePartMay, lockOwnAssignment, setAssignmentState } from '../assignment.repository.js';
import { lockVisibleSuggestion, unitUserIds, updateSuggestion } from '../suggestion.repository.js';

/** 会办意见: a co-handling unit sends its written opinion to the lead unit, on time or late. */
export async function sendCoHandlingOpinion(tx: Tx, viewer: Viewer, id: number, body: string, clock: Clock) {
  const s = await lockVisibleSuggestion(tx, viewer, id);
  const a = await lockOwnAssignment(tx, viewer, s.id);
  const next = ensurePartMay(viewer, a, 'sendOpinion');
  const now = clock.now();
  const onTime = isOnTime(chinaToday(now), a.opinion_due ?? a.reply_due);
  const opinion = await tx
    .insertInto('co_handling_opinion')
    .values({
      congress_id: s.congress_id,
      suggestion_id: s.id,
      assignment_id: a.id,
      body,
      sent_by: viewer.userId,
      on_time: onTime,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await setAssignmentState(tx, a, { state: next, opinion_sent_at: now, opinion_on_time: onTime });
  await updateSuggestion(tx, s, {});
  await recordAudit(tx, viewer, {
    action: 'suggestion.opinion_sent',
    entityType: 'assignment',
    entityId: a.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    before: { state: a.state },
    after: { state: next, onTime },
  });
  const lead = (await activeAssignments(tx, s.id)).filter((x) => x.role === 'lead').map((x) => x.unit_id);
  await notify(tx, await unitUserIds(tx, lead), {
    congressId: s.congress_id,
    kind: 'opinion_received',
    title: `收到会办意见：${s.title}`,
    suggestionId: s.id,
  });
  return opinion;
}
