import { sql } from 'kysely';
import type { Executor } from '../../platform/db.js';
import type { AccountQuery } from './accounts.schemas.js';

// Accounts that hold a role in the office's congress, each with its roles there. Roles in
// other congresses are not listed, only whether there are any.

export async function listAccounts(db: Executor, congressId: number, query: AccountQuery & { userId?: number }) {
  let q = db.selectFrom('app_user as u').where(({ exists, selectFrom }) => {
    let grants = selectFrom('role_grant as g')
      .select('g.id')
      .whereRef('g.user_id', '=', 'u.id')
      .where('g.congress_id', '=', congressId);
    if (query.role) grants = grants.where('g.role', '=', query.role);
    return exists(grants);
  });
  if (query.userId) q = q.where('u.id', '=', query.userId);
  if (query.q) {
    const text = `%${query.q}%`;
    q = q.where((eb) => eb.or([eb('u.username', 'like', text), eb('u.display_name', 'like', text)]));
  }
  const [users, total] = await Promise.all([
    q
      .select(['u.id', 'u.username', 'u.display_name', 'u.phone', 'u.is_active', 'u.must_change_password'])
      .select(
        sql<boolean>`exists (select 1 from role_grant o where o.user_id = u.id and o.congress_id <> ${congressId})`.as(
          'has_grants_elsewhere',
        ),
      )
      .orderBy('u.username')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const grants =
    users.length === 0
      ? []
      : await db
          .selectFrom('role_grant as g')
          .leftJoin('handling_unit as hu', 'hu.id', 'g.unit_id')
          .leftJoin('unit_system as s', 's.id', 'g.unit_system_id')
          .leftJoin('committee as m', 'm.id', 'g.committee_id')
          .leftJoin('deputy_group as dg', 'dg.id', 'g.deputy_group_id')
          .leftJoin('deputy as d', 'd.id', 'g.deputy_id')
          .select([
            'g.id',
            'g.user_id',
            'g.role',
            'g.deputy_id',
            'g.unit_id',
            'g.unit_system_id',
            'g.committee_id',
            'g.deputy_group_id',
            sql<string | null>`coalesce(hu.name, s.name, m.name, dg.name, d.name)`.as('scope_name'),
          ])
          .where('g.congress_id', '=', congressId)
          .where(
            'g.user_id',
            'in',
            users.map((u) => u.id),
          )
          .orderBy('g.id')
          .execute();
  return {
    items: users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      phone: u.phone,
      isActive: u.is_active,
      mustChangePassword: u.must_change_password,
      hasGrantsElsewhere: u.has_grants_elsewhere,
      grants: grants
        .filter((g) => g.user_id === u.id)
        .map((g) => ({
          id: g.id,
          role: g.role,
          deputyId: g.deputy_id,
          unitId: g.unit_id,
          unitSystemId: g.unit_system_id,
          committeeId: g.committee_id,
          deputyGroupId: g.deputy_group_id,
          scopeName: g.scope_name,
        })),
    })),
    total: total.n,
  };
}
