import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { invalidInput, invalidState, notFound } from '../../../platform/errors.js';
import { notify } from '../../../platform/outbox.js';
import { formatChineseDate } from '../../deadline/chinese-date.js';
import { chinaToday } from '../../deadline/deadline.workflow.js';
import { ensurePartMay, lockOwnAssignment, setAssignmentState } from '../assignment.repository.js';
import { lockVisibleSuggestion, officeUserIds, unitUserIds, updateSuggestion } from '../suggestion.repository.js';

/** 延期申请: a complex case may ask for a later reply date, never past the latest lawful date. */
export async function requestExtension(
  tx: Tx,
  viewer: Viewer,
  id: number,
  input: { requestedDue: string; reason: string },
  clock: Clock,
) {
  const s = await lockVisibleSuggestion(tx, viewer, id);
  const a = await lockOwnAssignment(tx, viewer, s.id);
  ensurePartMay(viewer, a, 'requestExtension');
  const current = a.extended_due ?? a.reply_due;
  if (input.requestedDue <= current) throw invalidInput(`申请的答复日期须晚于现期限${formatChineseDate(current)}`);
  if (input.requestedDue > a.reply_due_latest)
    throw invalidInput(`答复期限最迟不得超过${formatChineseDate(a.reply_due_latest)}（最迟答复期限）`);
  if (input.requestedDue < chinaToday(clock.now())) throw invalidInput('申请的答复日期已过');
  const pending = await tx
    .selectFrom('extension_request')
    .select('id')
    .where('assignment_id', '=', a.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (pending) throw invalidState('已有待处理的延期申请');
  const request = await tx
    .insertInto('extension_request')
    .values({
      congress_id: s.congress_id,
      suggestion_id: s.id,
      assignment_id: a.id,
      requested_due: input.requestedDue,
      reason: input.reason,
      requested_by: viewer.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await updateSuggestion(tx, s, {});
  await recordAudit(tx, viewer, {
    action: 'suggestion.extension_requested',
    entityType: 'extension_request',
    entityId: request.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    after: { requestedDue: input.requestedDue, reason: input.reason },
  });
  await notify(tx, await officeUserIds(tx, s.congress_id), {
    congressId: s.congress_id,
    kind: 'extension_requested',
    title: `收到延期申请：${s.title}`,
    body: input.reason,
    suggestionId: s.id,
  });
  return request;
}

export async function ruleExtension(
  tx: Tx,
  viewer: Viewer,
  requestId: number,
  input: { grant: boolean; reason: string },
  clock: Clock,
) {
  const request = await tx
    .selectFrom('extension_request')
    .selectAll()
    .where('id', '=', requestId)
    .where('congress_id', '=', viewer.grant.congressId)
    .forUpdate()
    .executeTakeFirst();
  if (!request) throw notFound('延期申请');
  if (request.status !== 'pending') throw invalidState('该延期申请已处理');
  if (!input.grant && input.reason === '') throw invalidInput('不同意延期时须说明理由');
  const s = await lockVisibleSuggestion(tx, viewer, request.suggestion_id);
  const a = await tx
    .selectFrom('assignment')
    .selectAll()
    .where('id', '=', request.assignment_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (input.grant) {
    if (a.state === 'ended') throw invalidState('该单位已不再承办此建议');
    await setAssignmentState(tx, a, { extended_due: request.requested_due });
  }
  const ruled = await tx
    .updateTable('extension_request')
    .set({
      status: input.grant ? 'granted' : 'refused',
      ruling_reason: input.reason,
      ruled_by: viewer.userId,
      ruled_at: clock.now(),
    })
    .where('id', '=', request.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await updateSuggestion(tx, s, {});
  await recordAudit(tx, viewer, {
    action: input.grant ? 'suggestion.extension_granted' : 'suggestion.extension_refused',
    entityType: 'extension_request',
    entityId: request.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    before: { due: a.extended_due ?? a.reply_due },
    after: input.grant ? { due: request.requested_due } : { reason: input.reason },
  });
  await notify(tx, await unitUserIds(tx, [a.unit_id]), {
    congressId: s.congress_id,
    kind: 'extension_ruled',
    title: input.grant
      ? `延期申请已同意，答复期限延至${formatChineseDate(request.requested_due)}：${s.title}`
      : `延期申请未获同意：${s.title}`,
    body: input.reason,
    suggestionId: s.id,
  });
  return ruled;
}
