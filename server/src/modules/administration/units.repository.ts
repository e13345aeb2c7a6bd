import { sql } from 'kysely';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor } from '../../platform/db.js';
import { openAssignmentStates } from './commands/manage-units.js';

// Units as their administrators see them: the office sees all; a government office, its system.

export async function listSystems(db: Executor, congressId: number) {
  const rows = await db
    .selectFrom('unit_system')
    .select(['id', 'name', 'is_government', 'retired_at'])
    .where('congress_id', '=', congressId)
    .orderBy('id')
    .execute();
  return {
    items: rows.map((r) => ({ id: r.id, name: r.name, isGovernment: r.is_government, retiredAt: r.retired_at })),
  };
}

export async function listAdminUnits(db: Executor, viewer: Viewer, options: { unitId?: number } = {}) {
  let q = db
    .selectFrom('handling_unit as u')
    .innerJoin('unit_system as s', 's.id', 'u.unit_system_id')
    .leftJoin('handling_unit as n', 'n.id', 'u.successor_unit_id')
    .select([
      'u.id',
      'u.unit_system_id',
      's.name as system_name',
      'u.name',
      'u.short_name',
      'u.doc_prefix',
      'u.duties',
      'u.review_chain',
      'u.retired_at',
      'u.retired_kind',
      'u.successor_unit_id',
      'n.name as successor_name',
      sql<number>`(select count(*) from role_grant g where g.unit_id = u.id)::int`.as('staff_count'),
      sql<number>`(select count(*) from assignment a where a.unit_id = u.id and a.state in (${sql.join(
        openAssignmentStates.map((s) => sql.lit(s)),
      )}))::int`.as('open_assignments'),
    ])
    .where('u.congress_id', '=', viewer.grant.congressId);
  if (viewer.grant.role === 'government_office') q = q.where('u.unit_system_id', '=', viewer.grant.unitSystemId);
  if (options.unitId) q = q.where('u.id', '=', options.unitId);
  const rows = await q
    .orderBy((eb) => eb('u.retired_at', 'is not', null))
    .orderBy('s.id')
    .orderBy('u.id')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      unitSystemId: r.unit_system_id,
      systemName: r.system_name,
      name: r.name,
      shortName: r.short_name,
      docPrefix: r.doc_prefix,
      duties: r.duties,
      reviewChain: r.review_chain,
      retiredAt: r.retired_at,
      retiredKind: r.retired_kind,
      successorUnitId: r.successor_unit_id,
      successorName: r.successor_name,
      staffCount: r.staff_count,
      openAssignments: r.open_assignments,
    })),
  };
}

export async function listStaff(db: Executor, unitId: number) {
  const rows = await db
    .selectFrom('role_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .select(['g.id as grant_id', 'u.id as user_id', 'u.username', 'u.display_name', 'g.role', 'u.is_active'])
    .where('g.unit_id', '=', unitId)
    .where('g.role', 'in', ['unit_handler', 'unit_reviewer', 'unit_signer'])
    .orderBy('g.id')
    .execute();
  return {
    items: rows.map((r) => ({
      grantId: r.grant_id,
      userId: r.user_id,
      username: r.username,
      displayName: r.display_name,
      role: r.role as 'unit_handler' | 'unit_reviewer' | 'unit_signer',
      isActive: r.is_active,
    })),
  };
}

export async function listReforms(db: Executor, congressId: number) {
  const rows = await db
    .selectFrom('unit_reform as r')
    .innerJoin('handling_unit as u', 'u.id', 'r.unit_id')
    .leftJoin('handling_unit as n', 'n.id', 'r.successor_unit_id')
    .select([
      'r.id',
      'r.unit_id',
      'u.name as unit_name',
      'r.successor_unit_id',
      'n.name as successor_name',
      'r.kind',
      'r.effective_on',
      'r.note',
      'r.assignments_moved',
      'r.promises_moved',
      'r.created_at',
    ])
    .where('r.congress_id', '=', congressId)
    .orderBy('r.id', 'desc')
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_name,
      successorUnitId: r.successor_unit_id,
      successorName: r.successor_name,
      kind: r.kind,
      effectiveOn: r.effective_on,
      note: r.note,
      assignmentsMoved: r.assignments_moved,
      promisesMoved: r.promises_moved,
      createdAt: r.created_at,
    })),
  };
}
