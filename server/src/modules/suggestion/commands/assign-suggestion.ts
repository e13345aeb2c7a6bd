import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { forbidden, invalidInput, invalidState } from '../../../platform/errors.js';
import { notify } from '../../../platform/outbox.js';
import { assignmentRoleLabels } from '../../../shared/labels.js';
import { chinaToday } from '../../deadline/deadline.workflow.js';
import { loadDeadlineContext } from '../../handling-rules/handling-rules.repository.js';
import { assignmentDeadlines } from '../assignment.deadlines.js';
import {
  ensureMayFire,
  ensureVersion,
  lockForAction,
  unitUserIds,
  updateSuggestion,
} from '../suggestion.repository.js';
import { checkAssignmentShape, modeOfPicks, type HandlingMode, type UnitPick } from '../suggestion.workflow.js';

/** The picked units exist in this congress, are not retired and, when a government office assigns, belong to its system. */
export async function checkUnits(
  tx: Tx,
  viewer: Viewer,
  unitIds: readonly number[],
  options: { anySystem?: boolean } = {},
) {
  const units = await tx
    .selectFrom('handling_unit')
    .select(['id', 'name', 'unit_system_id', 'retired_at'])
    .where('congress_id', '=', viewer.grant.congressId)
    .where('id', 'in', unitIds)
    .execute();
  if (units.length !== new Set(unitIds).size) throw invalidInput('承办单位不存在');
  // A unit merged or abolished in a reform keeps its records but takes no new work.
  const retired = units.find((u) => u.retired_at !== null);
  if (retired) throw invalidState(`承办单位「${retired.name}」已撤销，不能交办`);
  if (
    !options.anySystem &&
    viewer.grant.role === 'government_office' &&
    units.some((u) => u.unit_system_id !== viewer.grant.unitSystemId)
  ) {
    throw forbidden('政府办公厅只能交办本系统的承办单位');
  }
  return units;
}

export async function preAssignSuggestion(
  tx: Tx,
  viewer: Viewer,
  id: number,
  version: number | undefined,
  picks: readonly UnitPick[],
) {
  const { s, rel } = await lockForAction(tx, viewer, id);
  ensureVersion(s, version);
  ensureMayFire(viewer, 'preAssign', rel);
  // A pre-assignment announces the assignment to come, so it takes the same shape.
  const shapeProblem = checkAssignmentShape(modeOfPicks(picks), picks);
  if (shapeProblem) throw invalidInput(shapeProblem);
  const units = await checkUnits(
    tx,
    viewer,
    picks.map((p) => p.unitId),
  );
  await tx.deleteFrom('pre_assignment').where('suggestion_id', '=', s.id).execute();
  await tx
    .insertInto('pre_assignment')
    .values(picks.map((p) => ({ suggestion_id: s.id, unit_id: p.unitId, role: p.role, congress_id: s.congress_id })))
    .execute();
  const updated = await updateSuggestion(tx, s, {});
  await recordAudit(tx, viewer, {
    action: 'suggestion.pre_assigned',
    entityType: 'suggestion',
    entityId: s.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    after: { units: picks },
  });
  await notify(
    tx,
    await unitUserIds(
      tx,
      units.map((u) => u.id),
    ),
    {
      congressId: s.congress_id,
      kind: 'pre_assigned',
      title: `预交办：${s.title}`,
      suggestionId: s.id,
    },
  );
  return updated;
}

/** 交办: opens one assignment record per unit with its due dates, and moves the suggestion into handling. */
export async function assignSuggestion(
  tx: Tx,
  viewer: Viewer,
  input: { suggestionId: number; version?: number | undefined; mode: HandlingMode; units: UnitPick[] },
  clock: Clock,
) {
  const { s, rel } = await lockForAction(tx, viewer, input.suggestionId);
  ensureVersion(s, input.version);
  ensureMayFire(viewer, 'assign', rel);
  const shapeProblem = checkAssignmentShape(input.mode, input.units);
  if (shapeProblem) throw invalidInput(shapeProblem);
  const units = await checkUnits(
    tx,
    viewer,
    input.units.map((u) => u.unitId),
  );
  const assignedOn = chinaToday(clock.now());
  const deadlines = await loadDeadlineContext(tx, s.congress_id);
  const session = await tx
    .selectFrom('congress_session')
    .select('reassignment_window_until')
    .where('id', '=', s.session_id)
    .executeTakeFirstOrThrow();
  const rows = await openAssignments(
    tx,
    s.congress_id,
    s.id,
    input.units,
    assignedOn,
    session.reassignment_window_until,
    deadlines,
  );
  const updated = await updateSuggestion(tx, s, { status: 'assigned', mode: input.mode, assigned_on: assignedOn });
  await recordAudit(tx, viewer, {
    action: 'suggestion.assigned',
    entityType: 'suggestion',
    entityId: s.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    before: { status: s.status },
    after: {
      status: 'assigned',
      mode: input.mode,
      assignments: rows.map((r) => ({ unitId: r.unit_id, role: r.role, replyDue: r.reply_due })),
    },
  });
  for (const row of rows) {
    const unit = units.find((u) => u.id === row.unit_id);
    await notify(tx, await unitUserIds(tx, [row.unit_id]), {
      congressId: s.congress_id,
      kind: 'assigned',
      title: `新交办建议（${assignmentRoleLabels[row.role]}）：${s.title}`,
      body: `${unit?.name ?? ''}：${row.reply_due_rule}`,
      suggestionId: s.id,
    });
  }
  return updated;
}

export async function openAssignments(
  tx: Tx,
  congressId: number,
  suggestionId: number,
  picks: readonly UnitPick[],
  assignedOn: string,
  sessionWindowUntil: string | null,
  deadlines: Awaited<ReturnType<typeof loadDeadlineContext>>,
) {
  return tx
    .insertInto('assignment')
    .values(
      picks.map((p) => ({
        congress_id: congressId,
        suggestion_id: suggestionId,
        unit_id: p.unitId,
        role: p.role,
        state: 'pending_ack',
        assigned_on: assignedOn,
        ...assignmentDeadlines(p.role, assignedOn, sessionWindowUntil, deadlines),
      })),
    )
    .returningAll()
    .execute();
}
