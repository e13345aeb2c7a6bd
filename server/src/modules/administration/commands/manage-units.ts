import type { Selectable } from 'kysely';
import type { HandlingUnitTable } from '../../../db/schema.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import { writeEffects } from '../../../platform/commit.js';
import type { Tx } from '../../../platform/db.js';
import { AppError, invalidInput, invalidState, notFound } from '../../../platform/errors.js';
import { authorise } from '../administration.access.js';
import { reviewChainProblem } from '../administration.rules.js';
import type { UnitInput } from '../units.schemas.js';

// 系统 and 承办单位. A unit that suggestions refer to is retired, never deleted; while it still
// has open work it can only be reformed (reform-unit.ts), which passes the work on.

type UnitRow = Selectable<HandlingUnitTable>;

export const openAssignmentStates = ['pending_ack', 'handling', 'replied', 'rehandling', 'opinion_sent'] as const;

const unitFields = (u: UnitRow) => ({
  name: u.name,
  shortName: u.short_name,
  unitSystemId: u.unit_system_id,
  reviewChain: u.review_chain,
  duties: u.duties,
});

const duplicateSystem = (name: string) => new AppError('conflict', `已有名为「${name}」的系统`);
const duplicateUnit = (name: string) => new AppError('conflict', `已有名为「${name}」的承办单位`);

export async function createSystem(tx: Tx, viewer: Viewer, input: { name: string; isGovernment: boolean }) {
  await authorise(tx, viewer, 'unit_system.manage');
  const congressId = viewer.grant.congressId;
  const row = await tx
    .insertInto('unit_system')
    .values({ congress_id: congressId, name: input.name, is_government: input.isGovernment })
    .onConflict((oc) => oc.columns(['congress_id', 'name']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw duplicateSystem(input.name);
  await writeEffects(tx, viewer, {
    audit: [
      { action: 'roster.created', entityType: 'unit_system', entityId: row.id, congressId, after: { name: row.name } },
    ],
  });
  return row;
}

async function lockSystem(tx: Tx, viewer: Viewer, systemId: number) {
  const row = await tx
    .selectFrom('unit_system')
    .selectAll()
    .where('id', '=', systemId)
    .where('congress_id', '=', viewer.grant.congressId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('系统');
  return row;
}

export async function updateSystem(
  tx: Tx,
  viewer: Viewer,
  systemId: number,
  input: { name: string; isGovernment: boolean },
) {
  await authorise(tx, viewer, 'unit_system.manage');
  const before = await lockSystem(tx, viewer, systemId);
  const clash = await tx
    .selectFrom('unit_system')
    .select('id')
    .where('congress_id', '=', viewer.grant.congressId)
    .where('name', '=', input.name)
    .where('id', '<>', systemId)
    .executeTakeFirst();
  if (clash) throw duplicateSystem(input.name);
  const row = await tx
    .updateTable('unit_system')
    .set({ name: input.name, is_government: input.isGovernment })
    .where('id', '=', systemId)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (before.name !== row.name) {
    await writeEffects(tx, viewer, {
      audit: [
        {
          action: 'roster.renamed',
          entityType: 'unit_system',
          entityId: systemId,
          congressId: viewer.grant.congressId,
          before: { name: before.name },
          after: { name: row.name },
        },
      ],
    });
  }
  return row;
}

export async function retireSystem(tx: Tx, viewer: Viewer, systemId: number, now: Date) {
  await authorise(tx, viewer, 'unit_system.manage');
  const before = await lockSystem(tx, viewer, systemId);
  if (before.retired_at) throw invalidState('该系统已停用');
  const active = await tx
    .selectFrom('handling_unit')
    .select('name')
    .where('unit_system_id', '=', systemId)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  if (active) throw invalidState(`系统内尚有在用的承办单位（如「${active.name}」），请先撤销或调整`);
  const row = await tx
    .updateTable('unit_system')
    .set({ retired_at: now })
    .where('id', '=', systemId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'roster.retired',
        entityType: 'unit_system',
        entityId: systemId,
        congressId: viewer.grant.congressId,
        before: { name: before.name },
        after: { retiredAt: now.toISOString() },
      },
    ],
  });
  return row;
}

/** The unit's system exists in the congress and is in use. */
async function usableSystem(tx: Tx, congressId: number, systemId: number) {
  const system = await tx
    .selectFrom('unit_system')
    .select(['id', 'retired_at'])
    .where('id', '=', systemId)
    .where('congress_id', '=', congressId)
    .executeTakeFirst();
  if (!system) throw invalidInput('所选系统不存在');
  if (system.retired_at) throw invalidInput('所选系统已停用');
}

export async function createUnit(tx: Tx, viewer: Viewer, input: UnitInput) {
  await authorise(tx, viewer, 'unit.create', input.unitSystemId);
  const congressId = viewer.grant.congressId;
  await usableSystem(tx, congressId, input.unitSystemId);
  const chainProblem = reviewChainProblem(input.reviewChain);
  if (chainProblem) throw invalidInput(chainProblem);
  const row = await tx
    .insertInto('handling_unit')
    .values({
      congress_id: congressId,
      unit_system_id: input.unitSystemId,
      name: input.name,
      short_name: input.shortName,
      doc_prefix: input.docPrefix,
      duties: input.duties,
      review_chain: input.reviewChain,
    })
    .onConflict((oc) => oc.columns(['congress_id', 'name']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!row) throw duplicateUnit(input.name);
  await writeEffects(tx, viewer, {
    audit: [
      { action: 'unit.created', entityType: 'handling_unit', entityId: row.id, congressId, after: unitFields(row) },
    ],
  });
  return row;
}

/** The unit in the viewer's congress, locked; 404 for another congress's. */
export async function lockUnit(tx: Tx, viewer: Viewer, unitId: number) {
  const row = await tx
    .selectFrom('handling_unit')
    .selectAll()
    .where('id', '=', unitId)
    .where('congress_id', '=', viewer.grant.congressId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('承办单位');
  return row;
}

export async function updateUnit(tx: Tx, viewer: Viewer, unitId: number, input: UnitInput) {
  const before = await lockUnit(tx, viewer, unitId);
  await authorise(tx, viewer, 'unit.update', before.unit_system_id);
  // A government office keeps its units inside its own system.
  await authorise(tx, viewer, 'unit.update', input.unitSystemId);
  if (before.retired_at) throw invalidState('该承办单位已撤销，不能修改');
  if (input.unitSystemId !== before.unit_system_id) await usableSystem(tx, viewer.grant.congressId, input.unitSystemId);
  const chainProblem = reviewChainProblem(input.reviewChain);
  if (chainProblem) throw invalidInput(chainProblem);
  const clash = await tx
    .selectFrom('handling_unit')
    .select('id')
    .where('congress_id', '=', viewer.grant.congressId)
    .where('name', '=', input.name)
    .where('id', '<>', unitId)
    .executeTakeFirst();
  if (clash) throw duplicateUnit(input.name);
  const row = await tx
    .updateTable('handling_unit')
    .set({
      unit_system_id: input.unitSystemId,
      name: input.name,
      short_name: input.shortName,
      doc_prefix: input.docPrefix,
      duties: input.duties,
      review_chain: input.reviewChain,
    })
    .where('id', '=', unitId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'unit.updated',
        entityType: 'handling_unit',
        entityId: unitId,
        congressId: viewer.grant.congressId,
        before: unitFields(before),
        after: unitFields(row),
      },
    ],
  });
  return row;
}

/** How much open work a unit holds: parts still being handled and open promises. */
export async function openWorkOf(tx: Tx, unitId: number) {
  const [parts, promises] = await Promise.all([
    tx
      .selectFrom('assignment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_id', '=', unitId)
      .where('state', 'in', openAssignmentStates)
      .executeTakeFirstOrThrow(),
    tx
      .selectFrom('promise')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_id', '=', unitId)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow(),
  ]);
  return { assignments: Number(parts.n), promises: Number(promises.n) };
}

/** Retires a unit with no open work: it can no longer be assigned; its records keep its name. */
export async function retireUnit(tx: Tx, viewer: Viewer, unitId: number, now: Date) {
  const before = await lockUnit(tx, viewer, unitId);
  await authorise(tx, viewer, 'unit.retire', before.unit_system_id);
  if (before.retired_at) throw invalidState('该承办单位已撤销');
  const open = await openWorkOf(tx, unitId);
  if (open.assignments + open.promises > 0) {
    throw invalidState(
      `该单位尚有${open.assignments}件未办结的建议、${open.promises}项未销号的承诺事项，请以机构改革移交给承接单位`,
    );
  }
  const row = await tx
    .updateTable('handling_unit')
    .set({ retired_at: now, retired_kind: 'retired' })
    .where('id', '=', unitId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'unit.retired',
        entityType: 'handling_unit',
        entityId: unitId,
        congressId: viewer.grant.congressId,
        before: { name: before.name },
        after: { retiredAt: now.toISOString() },
      },
    ],
  });
  return row;
}
