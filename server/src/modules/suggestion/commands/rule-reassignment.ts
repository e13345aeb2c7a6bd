import { sql } from 'kysely';
import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { invalidInput, invalidState, notFound } from '../../../platform/errors.js';
import { notify } from '../../../platform/outbox.js';
import { formatChineseDate } from '../../deadline/chinese-date.js';
import { chinaToday } from '../../deadline/deadline.workflow.js';
import { loadDeadlineContext } from '../../handling-rules/handling-rules.repository.js';
import type { AssignmentRow } from '../../../db/schema.js';
import { activeAssignments, derivedStatus } from '../assignment.repository.js';
import {
  deputyUserIds,
  ensureMayFire,
  lockForAction,
  unitUserIds,
  updateSuggestion,
} from '../suggestion.repository.js';
import { answersDeputy, checkAssignmentShape, type HandlingMode, type UnitPick } from '../suggestion.workflow.js';
import { checkUnits, openAssignments } from './assign-suggestion.js';

export interface ReassignmentRuling {
  accept: boolean;
  reason: string;
  mode?: HandlingMode | undefined;
  units?: UnitPick[] | undefined;
}

/**
 * The office rules on a request. Accepting ends the records of the units the ruling takes off
 * (or moves to another role) and opens records for the units it names anew, whose deadlines
 * start today; the other units' records go on untouched, and ended ones stay as history.
 */
export async function ruleReassignment(
  tx: Tx,
  viewer: Viewer,
  requestId: number,
  ruling: ReassignmentRuling,
  clock: Clock,
) {
  const request = await tx
    .selectFrom('reassignment_request')
    .selectAll()
    .where('id', '=', requestId)
    .where('congress_id', '=', viewer.grant.congressId)
    .forUpdate()
    .executeTakeFirst();
  if (!request) throw notFound('调整申请');
  const { s, rel } = await lockForAction(tx, viewer, request.suggestion_id);
  ensureMayFire(viewer, 'ruleReassignment', rel);
  if (request.status !== 'pending') throw invalidState('该调整申请已处理');
  if (!ruling.accept && ruling.reason === '') throw invalidInput('不同意调整时须说明理由');

  const now = clock.now();
  const old = await activeAssignments(tx, s.id);
  let newUnitIds: number[] = [];
  if (ruling.accept) {
    if (!ruling.mode || !ruling.units) throw invalidInput('同意调整时须指定新的办理方式和承办单位');
    const shapeProblem = checkAssignmentShape(ruling.mode, ruling.units);
    if (shapeProblem) throw invalidInput(shapeProblem);
    await checkUnits(
      tx,
      viewer,
      ruling.units.map((u) => u.unitId),
    );
    // Only the parts the ruling changes end; every other unit keeps its record, deadlines,
    // drafts and state, and a unit newly named opens its own record from today.
    const { ending, opening, retitled } = partsToChange(old, ruling.units);
    if (ending.length === 0 && opening.length === 0 && retitled.length === 0)
      throw invalidInput('同意调整时须改变承办单位或其办理方式');
    // A unit that goes on answering the deputy under another name (主办 → 单独办理 once its co-unit
    // leaves) keeps its record: its 签收, 三定, drafts and dates stay as they were.
    for (const { part, role } of retitled) {
      await tx
        .updateTable('assignment')
        .set({ role, version: part.version + 1 })
        .where('id', '=', part.id)
        .execute();
    }
    await lapsePendingRequests(
      tx,
      ending.map((a) => a.id),
      now,
    );
    if (ending.length > 0) {
      await tx
        .updateTable('assignment')
        .set((eb) => ({
          state: 'ended',
          ended_at: now,
          end_reason: `调整：${request.reason}`,
          version: eb('version', '+', 1),
        }))
        .where(
          'id',
          'in',
          ending.map((a) => a.id),
        )
        .execute();
    }
    const assignedOn = chinaToday(now);
    if (opening.length > 0) {
      const session = await tx
        .selectFrom('congress_session')
        .select('reassignment_window_until')
        .where('id', '=', s.session_id)
        .executeTakeFirstOrThrow();
      const opened = await openAssignments(
        tx,
        s.congress_id,
        s.id,
        opening,
        assignedOn,
        session.reassignment_window_until,
        await loadDeadlineContext(tx, s.congress_id),
      );
      newUnitIds = opened.map((a) => a.unit_id);
    }
    const everyPartNew = ending.length === old.length;
    await updateSuggestion(tx, s, {
      mode: ruling.mode,
      status: await derivedStatus(tx, s.id),
      ...(everyPartNew ? { assigned_on: assignedOn } : {}),
    });
  } else {
    await updateSuggestion(tx, s, {});
  }
  const ruled = await tx
    .updateTable('reassignment_request')
    .set({
      status: ruling.accept ? 'accepted' : 'rejected',
      ruling_reason: ruling.reason,
      ruled_by: viewer.userId,
      ruled_at: now,
    })
    .where('id', '=', request.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, viewer, {
    action: ruling.accept ? 'suggestion.reassignment_accepted' : 'suggestion.reassignment_rejected',
    entityType: 'reassignment_request',
    entityId: request.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    before: { assignments: old.map((a) => ({ unitId: a.unit_id, role: a.role })) },
    after: ruling.accept
      ? { mode: ruling.mode, units: ruling.units, reason: ruling.reason }
      : { reason: ruling.reason },
  });
  const title = ruling.accept ? `调整申请已同意，建议已重新交办：${s.title}` : `调整申请未获同意：${s.title}`;
  const recipients = [
    request.requested_by,
    // Every unit of the suggestion hears of the new arrangement: the ones that stay learn who now leads.
    ...(await unitUserIds(tx, [...old.map((a) => a.unit_id), ...newUnitIds])),
    ...(await deputyUserIds(tx, s.id, s.lead_deputy_id)),
  ];
  await notify(tx, recipients, {
    congressId: s.congress_id,
    kind: 'reassignment_ruled',
    title,
    body: ruling.reason,
    suggestionId: s.id,
  });
  return ruled;
}

/** The office extends the adjustment window of a whole session (as in the 2020 epidemic). */
export async function extendReassignmentWindow(tx: Tx, viewer: Viewer, sessionId: number, until: string, clock: Clock) {
  const session = await tx
    .selectFrom('congress_session')
    .selectAll()
    .where('id', '=', sessionId)
    .where('congress_id', '=', viewer.grant.congressId)
    .forUpdate()
    .executeTakeFirst();
  if (!session) throw notFound('会议');
  if (until < chinaToday(clock.now())) throw invalidInput('调整申请期限不能早于今天：已经开始的期限不能倒退');
  await tx
    .updateTable('congress_session')
    .set({ reassignment_window_until: until })
    .where('id', '=', sessionId)
    .execute();
  // Each live assignment ends on the later of its own window and the new date: a date earlier
  // than before shortens no assignment below the window it got on its own assignment day.
  const moved = await tx
    .updateTable('assignment')
    .set({ reassignment_window_until: sql<string>`greatest(reassignment_window_own, ${until}::date)` })
    .where('state', '!=', 'ended')
    .where(sql<boolean>`reassignment_window_until is distinct from greatest(reassignment_window_own, ${until}::date)`)
    .where('suggestion_id', 'in', (eb) => eb.selectFrom('suggestion').select('id').where('session_id', '=', sessionId))
    .executeTakeFirst();
  await recordAudit(tx, viewer, {
    action: 'session.reassignment_window_extended',
    entityType: 'session',
    entityId: sessionId,
    congressId: viewer.grant.congressId,
    before: { until: session.reassignment_window_until },
    after: { until, assignmentsExtended: Number(moved.numUpdatedRows) },
  });
  // The units of the session are told the new date, as the office's notice announces it.
  const units = await tx
    .selectFrom('assignment as a')
    .innerJoin('suggestion as s', 's.id', 'a.suggestion_id')
    .select('a.unit_id')
    .distinct()
    .where('s.session_id', '=', sessionId)
    .where('a.state', 'in', ['pending_ack', 'handling'])
    .execute();
  await notify(
    tx,
    await unitUserIds(
      tx,
      units.map((u) => u.unit_id),
    ),
    {
      congressId: viewer.grant.congressId,
      kind: 'reassignment_window',
      title: `调整申请期限统一调整至${formatChineseDate(until)}`,
    },
  );
  return { sessionId, until, assignmentsExtended: Number(moved.numUpdatedRows) };
}

/**
 * Which live parts a ruling ends, which it keeps under another role, and which units it newly
 * names. The same unit keeps its part when it answers the deputy before and after (sole, lead
 * or separate); a co-unit becoming the lead, or the lead becoming a co-unit, is a new part.
 */
export function partsToChange(live: readonly AssignmentRow[], units: readonly UnitPick[]) {
  const keeps = (a: AssignmentRow, u: UnitPick) =>
    u.unitId === a.unit_id && (u.role === a.role || (answersDeputy(u.role) && answersDeputy(a.role)));
  const ending = live.filter((a) => !units.some((u) => keeps(a, u)));
  const opening = units.filter((u) => !live.some((a) => keeps(a, u)));
  const retitled = live.flatMap((a) => {
    const u = units.find((x) => keeps(a, x));
    return u && u.role !== a.role ? [{ part: a, role: u.role }] : [];
  });
  return { ending, opening, retitled };
}

/** Requests of a part that ended lapse with it, so that nothing waits on a unit no longer there. */
async function lapsePendingRequests(tx: Tx, endedPartIds: readonly number[], now: Date) {
  if (endedPartIds.length === 0) return;
  await tx
    .updateTable('reassignment_request')
    .set({ status: 'rejected', ruling_reason: '承办单位已调整，申请失效', ruled_at: now })
    .where('assignment_id', 'in', endedPartIds)
    .where('status', '=', 'pending')
    .execute();
  await tx
    .updateTable('extension_request')
    .set({ status: 'refused', ruling_reason: '承办单位已调整，申请失效', ruled_at: now })
    .where('assignment_id', 'in', endedPartIds)
    .where('status', '=', 'pending')
    .execute();
}
