import type { Viewer } from '../../../platform/auth/viewer.js';
import { grantScopeProblem, roleTable } from '../../../platform/auth/role-table.js';
import { deleteSessionsOf } from '../../../platform/auth/session.repository.js';
import { writeEffects } from '../../../platform/commit.js';
import type { Tx } from '../../../platform/db.js';
import { forbidden, invalidInput, invalidState, notFound } from '../../../platform/errors.js';
import { authorise } from '../administration.access.js';
import { accountControlProblem } from '../administration.rules.js';
import type { GrantInput } from '../accounts.schemas.js';
import { insertAccount, insertGrant } from './accounts.js';

// 账号与权限 inside one congress: the office grants and revokes roles with their scope, resets a
// password (its holder must change it) and disables an account (its sessions end at once).
// The route tells this process's session cache to forget the user after the commit.

/** An account that holds a role in the viewer's congress (404 otherwise), locked. */
async function lockAccount(tx: Tx, viewer: Viewer, userId: number) {
  const user = await tx
    .selectFrom('app_user as u')
    .select(['u.id', 'u.username', 'u.display_name', 'u.phone', 'u.is_active', 'u.is_system_admin'])
    .select((eb) => [
      eb
        .selectFrom('role_grant as g')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('g.user_id', '=', 'u.id')
        .where('g.congress_id', '=', viewer.grant.congressId)
        .as('grants_here'),
      eb
        .selectFrom('role_grant as g')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('g.user_id', '=', 'u.id')
        .where('g.congress_id', '<>', viewer.grant.congressId)
        .as('grants_elsewhere'),
    ])
    .where('u.id', '=', userId)
    .forUpdate('u')
    .executeTakeFirst();
  if (!user || Number(user.grants_here) === 0) throw notFound('账号');
  return user;
}

async function controllable(tx: Tx, viewer: Viewer, userId: number) {
  const user = await lockAccount(tx, viewer, userId);
  const problem = accountControlProblem({
    grantsHere: Number(user.grants_here),
    grantsElsewhere: Number(user.grants_elsewhere),
    isSystemAdmin: user.is_system_admin,
  });
  if (problem) throw forbidden(problem);
  if (userId === viewer.userId) throw invalidState('不能对自己的账号执行此操作');
  return user;
}

/** A new account with its first role in the viewer's congress. */
export async function createAccountWithRole(
  tx: Tx,
  viewer: Viewer,
  input: { username: string; displayName: string; phone: string; grant: GrantInput },
  passwordHash: string,
) {
  await authorise(tx, viewer, 'account.manage');
  await checkScope(tx, viewer.grant.congressId, input.grant);
  const user = await insertAccount(tx, viewer, { ...input, passwordHash });
  await insertGrant(tx, viewer, user.id, input.grant.role, input.grant);
  return user;
}

export async function updateAccount(
  tx: Tx,
  viewer: Viewer,
  userId: number,
  input: { displayName: string; phone: string },
) {
  await authorise(tx, viewer, 'account.manage');
  const before = await controllable(tx, viewer, userId);
  await tx
    .updateTable('app_user')
    .set({ display_name: input.displayName, phone: input.phone })
    .where('id', '=', userId)
    .execute();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'account.updated',
        entityType: 'user',
        entityId: userId,
        congressId: viewer.grant.congressId,
        before: { displayName: before.display_name, phone: before.phone },
        after: input,
      },
    ],
  });
}

/** The scope named exists in the viewer's congress (and a unit is not retired). */
async function checkScope(tx: Tx, congressId: number, input: GrantInput) {
  const problem = grantScopeProblem(input.role, {
    deputy_id: input.deputyId,
    unit_id: input.unitId,
    unit_system_id: input.unitSystemId,
    committee_id: input.committeeId,
    deputy_group_id: input.deputyGroupId,
  });
  if (problem) throw invalidInput(problem);
  const column = roleTable[input.role].scope;
  if (column === null) return;
  const table = (
    {
      deputy_id: 'deputy',
      unit_id: 'handling_unit',
      unit_system_id: 'unit_system',
      committee_id: 'committee',
      deputy_group_id: 'deputy_group',
    } as const
  )[column];
  const scopeId = {
    deputy_id: input.deputyId,
    unit_id: input.unitId,
    unit_system_id: input.unitSystemId,
    committee_id: input.committeeId,
    deputy_group_id: input.deputyGroupId,
  }[column]!;
  const found = await tx
    .selectFrom(table)
    .select('id')
    .where('id', '=', scopeId)
    .where('congress_id', '=', congressId)
    .executeTakeFirst();
  if (!found) throw invalidInput('角色的范围不存在');
  if (table === 'handling_unit') {
    const unit = await tx
      .selectFrom('handling_unit')
      .select('retired_at')
      .where('id', '=', scopeId)
      .executeTakeFirstOrThrow();
    if (unit.retired_at) throw invalidInput('该承办单位已撤销');
  }
}

export async function grantRole(tx: Tx, viewer: Viewer, userId: number, input: GrantInput) {
  await authorise(tx, viewer, 'account.grant');
  // An office grants roles to the accounts it sees: those already working in its congress.
  await lockAccount(tx, viewer, userId);
  await checkScope(tx, viewer.grant.congressId, input);
  return insertGrant(tx, viewer, userId, input.role, input);
}

export async function revokeRole(tx: Tx, viewer: Viewer, userId: number, grantId: number) {
  await authorise(tx, viewer, 'account.grant');
  await lockAccount(tx, viewer, userId);
  const grant = await tx
    .selectFrom('role_grant')
    .selectAll()
    .where('id', '=', grantId)
    .where('user_id', '=', userId)
    .where('congress_id', '=', viewer.grant.congressId)
    .executeTakeFirst();
  if (!grant) throw notFound('角色');
  if (grant.id === viewer.grant.id) throw invalidState('不能收回自己正在使用的角色');
  const ended = await tx.deleteFrom('user_session').where('role_grant_id', '=', grantId).executeTakeFirst();
  await tx.deleteFrom('role_grant').where('id', '=', grantId).execute();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'account.revoked',
        entityType: 'role_grant',
        entityId: grantId,
        congressId: viewer.grant.congressId,
        before: {
          userId,
          role: grant.role,
          deputyId: grant.deputy_id,
          unitId: grant.unit_id,
          unitSystemId: grant.unit_system_id,
          committeeId: grant.committee_id,
          deputyGroupId: grant.deputy_group_id,
        },
        after: { sessionsEnded: Number(ended.numDeletedRows) },
      },
    ],
  });
}

async function sessionCount(tx: Tx, userId: number) {
  const row = await tx
    .selectFrom('user_session')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Sets a password the holder must change at the next login; every session of theirs ends. */
export async function resetPassword(tx: Tx, viewer: Viewer, userId: number, passwordHash: string) {
  await authorise(tx, viewer, 'account.reset_password');
  await controllable(tx, viewer, userId);
  const sessionsEnded = await sessionCount(tx, userId);
  await tx
    .updateTable('app_user')
    .set({ password_hash: passwordHash, must_change_password: true, password_changed_at: new Date() })
    .where('id', '=', userId)
    .execute();
  await deleteSessionsOf(tx, userId);
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'account.password_reset',
        entityType: 'user',
        entityId: userId,
        congressId: viewer.grant.congressId,
        after: { mustChange: true, sessionsEnded },
      },
    ],
  });
}

export async function setAccountActive(tx: Tx, viewer: Viewer, userId: number, active: boolean) {
  await authorise(tx, viewer, 'account.disable');
  const user = await controllable(tx, viewer, userId);
  if (user.is_active === active) throw invalidState(active ? '该账号已是启用状态' : '该账号已停用');
  const sessionsEnded = active ? 0 : await sessionCount(tx, userId);
  await tx.updateTable('app_user').set({ is_active: active }).where('id', '=', userId).execute();
  if (!active) await deleteSessionsOf(tx, userId);
  await writeEffects(tx, viewer, {
    audit: [
      active
        ? {
            action: 'account.enabled',
            entityType: 'user',
            entityId: userId,
            congressId: viewer.grant.congressId,
            before: { isActive: false },
            after: { isActive: true },
          }
        : {
            action: 'account.disabled',
            entityType: 'user',
            entityId: userId,
            congressId: viewer.grant.congressId,
            before: { isActive: true },
            after: { isActive: false, sessionsEnded },
          },
    ],
  });
}
