import { sql } from 'kysely';
import type { AuditEntry } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import { writeEffects } from '../../../platform/commit.js';
import type { Tx } from '../../../platform/db.js';
import { invalidInput, invalidState } from '../../../platform/errors.js';
import { authorise } from '../administration.access.js';
import { reformProblem } from '../administration.rules.js';
import { lockUnit, openAssignmentStates, openWorkOf } from './manage-units.js';

// 机构改革: a unit merged into another or abolished passes its open parts (with their due
// dates and records), its draft replies and its open promises to the unit that succeeds it.
// Replies already sent stay under the old unit's name; the old unit is retired, and the
// reform is kept as a record and in the audit (one entry per suggestion moved, in its history).

export interface ReformInput {
  kind: 'merged' | 'abolished';
  successorUnitId: number | null;
  effectiveOn: string;
  note: string;
}

export async function reformUnit(tx: Tx, viewer: Viewer, unitId: number, input: ReformInput, now: Date) {
  const unit = await lockUnit(tx, viewer, unitId);
  await authorise(tx, viewer, 'unit.reform', unit.unit_system_id);
  if (unit.retired_at) throw invalidState('该承办单位已撤销');
  const congressId = viewer.grant.congressId;
  const successor =
    input.successorUnitId === null
      ? null
      : await tx
          .selectFrom('handling_unit')
          .select(['id', 'name', 'retired_at'])
          .where('id', '=', input.successorUnitId)
          .where('congress_id', '=', congressId)
          .forUpdate()
          .executeTakeFirst();
  if (input.successorUnitId !== null && !successor) throw invalidInput('承接单位不存在');
  const open = await openWorkOf(tx, unitId);
  const problem = reformProblem({
    unitId,
    successorUnitId: input.successorUnitId,
    successorRetired: Boolean(successor?.retired_at),
    openItems: open.assignments + open.promises,
  });
  if (problem) throw invalidInput(problem);

  if (successor) {
    // A suggestion both units handle would give the successor two parts: the office rules first.
    const shared = await tx
      .selectFrom('assignment as a')
      .innerJoin('assignment as b', 'b.suggestion_id', 'a.suggestion_id')
      .innerJoin('suggestion as s', 's.id', 'a.suggestion_id')
      .select(['s.number', 's.title'])
      .where('a.unit_id', '=', unitId)
      .where('a.state', 'in', openAssignmentStates)
      .where('b.unit_id', '=', successor.id)
      .where('b.state', 'in', openAssignmentStates)
      .limit(3)
      .execute();
    if (shared.length > 0) {
      const list = shared.map((s) => (s.number === null ? s.title : `第${s.number}号`)).join('、');
      throw invalidState(`承接单位也在办理${list}，请先调整这些建议的承办单位再进行机构改革`);
    }
  }

  const reform = await tx
    .insertInto('unit_reform')
    .values({
      congress_id: congressId,
      unit_id: unitId,
      successor_unit_id: successor?.id ?? null,
      kind: input.kind,
      effective_on: input.effectiveOn,
      note: input.note,
      created_by: viewer.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  let movedParts: { id: number; suggestion_id: number }[] = [];
  let movedPromises: { id: number; suggestion_id: number }[] = [];
  if (successor) {
    movedParts = await tx
      .updateTable('assignment')
      .set({ unit_id: successor.id })
      .where('unit_id', '=', unitId)
      .where('state', 'in', openAssignmentStates)
      .returning(['id', 'suggestion_id'])
      .execute();
    if (movedParts.length > 0) {
      await tx
        .updateTable('reply')
        .set({ unit_id: successor.id })
        .where(
          'assignment_id',
          'in',
          movedParts.map((p) => p.id),
        )
        .where('state', '<>', 'sent')
        .execute();
    }
    movedPromises = await tx
      .updateTable('promise')
      .set({ unit_id: successor.id })
      .where('unit_id', '=', unitId)
      .where('status', '=', 'open')
      .returning(['id', 'suggestion_id'])
      .execute();
    await tx
      .updateTable('pre_assignment')
      .set({ unit_id: successor.id })
      .where('unit_id', '=', unitId)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('pre_assignment as p2')
              .select('p2.unit_id')
              .whereRef('p2.suggestion_id', '=', 'pre_assignment.suggestion_id')
              .where('p2.unit_id', '=', successor.id),
          ),
        ),
      )
      .execute();
  }
  await tx
    .updateTable('unit_reform')
    .set({ assignments_moved: movedParts.length, promises_moved: movedPromises.length })
    .where('id', '=', reform.id)
    .execute();
  await tx
    .updateTable('handling_unit')
    .set({ retired_at: now, retired_kind: input.kind, successor_unit_id: successor?.id ?? null })
    .where('id', '=', unitId)
    .execute();
  // Both units' kept list pages change (the triggers see only the units a part now names).
  await sql`select bump_unit_list_stamps(${[unitId, successor?.id ?? unitId]}::integer[])`.execute(tx);

  const passed = (entityType: 'assignment' | 'promise', row: { id: number; suggestion_id: number }): AuditEntry => ({
    action: 'unit.work_passed',
    entityType,
    entityId: row.id,
    suggestionId: row.suggestion_id,
    congressId,
    before: { unitId },
    after: { unitId: successor?.id ?? unitId, reformId: reform.id },
  });
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'unit.reformed',
        entityType: 'unit_reform',
        entityId: reform.id,
        congressId,
        before: { unitId, name: unit.name },
        after: {
          kind: input.kind,
          successorUnitId: successor?.id ?? null,
          effectiveOn: input.effectiveOn,
          assignmentsMoved: movedParts.length,
          promisesMoved: movedPromises.length,
        },
      },
      ...movedParts.map((p) => passed('assignment', p)),
      ...movedPromises.map((p) => passed('promise', p)),
    ],
  });
  return { reformId: reform.id, assignmentsMoved: movedParts.length, promisesMoved: movedPromises.length };
}
