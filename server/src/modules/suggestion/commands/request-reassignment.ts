import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { invalidState } from '../../../platform/errors.js';
import { notify } from '../../../platform/outbox.js';
import { formatChineseDate } from '../../deadline/chinese-date.js';
import { chinaToday } from '../../deadline/deadline.workflow.js';
import { activeAssignments, lockOwnAssignment } from '../assignment.repository.js';
import { ensureMayFire, ensureVersion, lockForAction, officeUserIds } from '../suggestion.repository.js';
import { checkUnits } from './assign-suggestion.js';

/** 调整申请: within the window, a unit (or the lead deputy) asks to move the suggestion elsewhere. */
export async function requestReassignment(
  tx: Tx,
  viewer: Viewer,
  id: number,
  input: { reason: string; proposedUnitIds: number[]; version?: number | undefined },
  clock: Clock,
) {
  const { s, rel } = await lockForAction(tx, viewer, id);
  ensureVersion(s, input.version);
  ensureMayFire(viewer, 'requestReassignment', rel);
  const today = chinaToday(clock.now());
  const isUnit = viewer.grant.unitId !== null;
  const own = isUnit ? await lockOwnAssignment(tx, viewer, s.id) : null;
  const windows = own ? [own] : await activeAssignments(tx, s.id);
  const windowUntil = windows
    .map((a) => a.reassignment_window_until)
    .sort()
    .at(-1);
  if (!windowUntil || today > windowUntil) {
    throw invalidState(`调整申请期限已于${windowUntil ? formatChineseDate(windowUntil) : ''}届满，交办已锁定`);
  }
  if (own && own.state !== 'pending_ack' && own.state !== 'handling')
    throw invalidState('本单位已答复，不能再申请调整');
  if (input.proposedUnitIds.length > 0) await checkUnits(tx, viewer, input.proposedUnitIds, { anySystem: true });
  const pending = await tx
    .selectFrom('reassignment_request')
    .select('id')
    .where('suggestion_id', '=', s.id)
    .where('requested_by', '=', viewer.userId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (pending) throw invalidState('您已提交调整申请，请等待联工委处理');
  const request = await tx
    .insertInto('reassignment_request')
    .values({
      congress_id: s.congress_id,
      suggestion_id: s.id,
      assignment_id: own?.id ?? null,
      requested_by: viewer.userId,
      requester_kind: isUnit ? 'unit' : 'deputy',
      reason: input.reason,
      proposed_unit_ids: input.proposedUnitIds,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, viewer, {
    action: 'suggestion.reassignment_requested',
    entityType: 'reassignment_request',
    entityId: request.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    after: { reason: input.reason, proposedUnitIds: input.proposedUnitIds },
  });
  await notify(tx, await officeUserIds(tx, s.congress_id), {
    congressId: s.congress_id,
    kind: 'reassignment_requested',
    title: `收到调整申请：${s.title}`,
    body: input.reason,
    suggestionId: s.id,
  });
  return request;
}
