import type { SuggestionRow } from '../../../db/schema.js';
import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { notify } from '../../../platform/outbox.js';
import { chinaToday } from '../../deadline/deadline.workflow.js';
import { nextState } from '../../../platform/workflow.js';
import { derivedStatus, setAssignmentState } from '../assignment.repository.js';
import { assignmentWorkflow, mayFirePart } from '../assignment.workflow.js';
import type { AssignmentState } from '../suggestion.workflow.js';
import {
  deputyUserIds,
  ensureMayFire,
  ensureVersion,
  lockForAction,
  updateSuggestion,
} from '../suggestion.repository.js';

/** Co-handling parts end with the suggestion. */
export async function closeCoHandling(tx: Tx, suggestionId: number): Promise<void> {
  await tx
    .updateTable('assignment')
    .set((eb) => ({ state: 'closed', version: eb('version', '+', 1) }))
    .where('suggestion_id', '=', suggestionId)
    .where('state', 'not in', ['ended', 'closed'])
    .execute();
}

async function close(
  tx: Tx,
  actor: Viewer | null,
  s: SuggestionRow,
  kind: 'office' | 'no_feedback',
  reason: string,
  clock: Clock,
) {
  await closeCoHandling(tx, s.id);
  const updated = await updateSuggestion(tx, s, {
    status: 'closed',
    close_kind: kind,
    close_reason: reason,
    closed_at: clock.now(),
  });
  await recordAudit(tx, actor, {
    action: 'suggestion.closed',
    entityType: 'suggestion',
    entityId: s.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    before: { status: s.status },
    after: { status: 'closed', closeKind: kind, reason },
  });
  await notify(tx, await deputyUserIds(tx, s.id, s.lead_deputy_id), {
    congressId: s.congress_id,
    kind: 'closed',
    title: `建议已办结：${s.title}`,
    body: reason,
    suggestionId: s.id,
  });
  return updated;
}

/** The office closes a suggestion with its reason. */
export async function closeByOffice(
  tx: Tx,
  viewer: Viewer,
  id: number,
  input: { reason: string; version?: number | undefined },
  clock: Clock,
) {
  const { s, rel } = await lockForAction(tx, viewer, id);
  ensureVersion(s, input.version);
  ensureMayFire(viewer, 'closeByOffice', rel);
  return close(tx, viewer, s, 'office', input.reason, clock);
}

/**
 * The scheduled job, for one unit's replied part whose latest reply's feedback window has
 * ended (未反馈 for every deputy who did not rate): the part closes, and the suggestion with
 * it once all its answering parts are closed. It counts as rated if the lead deputy rated
 * every answering unit's latest reply, otherwise as 未反馈.
 */
export async function closePartForNoFeedback(tx: Tx, assignmentId: number, clock: Clock) {
  const part = await tx
    .selectFrom('assignment')
    .select(['suggestion_id'])
    .where('id', '=', assignmentId)
    .executeTakeFirst();
  if (!part) return null;
  const s = await tx
    .selectFrom('suggestion')
    .selectAll()
    .where('id', '=', part.suggestion_id)
    .forUpdate()
    .executeTakeFirst();
  const a = await tx
    .selectFrom('assignment')
    .selectAll()
    .where('id', '=', assignmentId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const today = chinaToday(clock.now());
  const latest = await tx
    .selectFrom('reply')
    .select(['id', 'feedback_due'])
    .where('assignment_id', '=', a.id)
    .where('state', '=', 'sent')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (
    !s ||
    !mayFirePart('closeForNoFeedback', a.state as AssignmentState, ['system']) ||
    !latest?.feedback_due ||
    today <= latest.feedback_due
  )
    return null;
  await setAssignmentState(tx, a, {
    state: nextState(assignmentWorkflow, 'closeForNoFeedback', a.state as AssignmentState),
  });
  await recordAudit(tx, null, {
    action: 'suggestion.feedback_window_ended',
    entityType: 'assignment',
    entityId: a.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    before: { state: a.state },
    after: { state: 'closed', feedbackDue: latest.feedback_due, unitId: a.unit_id },
  });
  const status = await derivedStatus(tx, s.id);
  if (status !== 'closed') return updateSuggestion(tx, s, { status });
  const leadRatedAll = await leadRatedEveryLatestReply(tx, s.id, s.lead_deputy_id);
  if (leadRatedAll) {
    await closeCoHandling(tx, s.id);
    const updated = await updateSuggestion(tx, s, { status: 'closed', close_kind: 'rated', closed_at: clock.now() });
    await recordAudit(tx, null, {
      action: 'suggestion.closed',
      entityType: 'suggestion',
      entityId: s.id,
      suggestionId: s.id,
      congressId: s.congress_id,
      before: { status: s.status },
      after: { status: 'closed', closeKind: 'rated' },
    });
    return updated;
  }
  return close(tx, null, s, 'no_feedback', '代表在反馈期限内未测评', clock);
}

/** Whether the lead deputy rated every answering unit's latest reply: a suggestion closes as rated then. */
export async function leadRatedEveryLatestReply(tx: Tx, suggestionId: number, leadDeputyId: number): Promise<boolean> {
  const missing = await tx
    .selectFrom('assignment as a')
    .select('a.id')
    .where('a.suggestion_id', '=', suggestionId)
    .where('a.role', '!=', 'co')
    .where('a.state', '!=', 'ended')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('rating as r')
            .select('r.id')
            .where('r.deputy_id', '=', leadDeputyId)
            .where(
              'r.reply_id',
              '=',
              selectFrom('reply as l')
                .select('l.id')
                .whereRef('l.assignment_id', '=', 'a.id')
                .where('l.state', '=', 'sent')
                .orderBy('l.id', 'desc')
                .limit(1),
            ),
        ),
      ),
    )
    .executeTakeFirst();
  return missing === undefined;
}
