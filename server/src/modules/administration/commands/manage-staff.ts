import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Tx } from '../../../platform/db.js';
import { invalidInput, invalidState, notFound } from '../../../platform/errors.js';
import { writeEffects } from '../../../platform/commit.js';
import { authorise } from '../administration.access.js';
import type { UnitStaffRole } from '../administration.policy.js';
import { insertAccount, insertGrant, type PreparedPassword } from './accounts.js';
import { lockUnit } from './manage-units.js';

// A unit's staff: accounts holding unit_handler / unit_reviewer / unit_signer for it.

export interface StaffInput {
  role: UnitStaffRole;
  username: string;
  displayName: string;
  phone: string;
  existing: boolean;
}

export async function addUnitStaff(
  tx: Tx,
  viewer: Viewer,
  unitId: number,
  input: StaffInput,
  password: PreparedPassword | null,
) {
  const unit = await lockUnit(tx, viewer, unitId);
  await authorise(tx, viewer, 'unit.staff', unit.unit_system_id);
  if (unit.retired_at) throw invalidState('该承办单位已撤销，不能增加人员');
  let userId: number;
  if (input.existing) {
    // Only an account already working in this congress: an office cannot take over strangers.
    const user = await tx
      .selectFrom('app_user as u')
      .select('u.id')
      .where('u.username', '=', input.username)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('role_grant as g')
            .select('g.id')
            .whereRef('g.user_id', '=', 'u.id')
            .where('g.congress_id', '=', viewer.grant.congressId)
            .where('g.unit_id', '=', unitId),
        ),
      )
      .executeTakeFirst();
    if (!user) throw invalidInput('该账号不是本单位人员的账号，请新建账号');
    userId = user.id;
  } else {
    if (!password) throw invalidInput('请填写初始密码');
    userId = (
      await insertAccount(tx, viewer, {
        username: input.username,
        displayName: input.displayName,
        phone: input.phone,
        passwordHash: password.hash,
      })
    ).id;
  }
  const grant = await insertGrant(tx, viewer, userId, input.role, { unitId });
  return { grantId: grant.id, userId };
}

/** The office, or a government office allowed for its system, takes a unit role back. */
export async function removeUnitStaff(tx: Tx, viewer: Viewer, unitId: number, grantId: number) {
  const unit = await lockUnit(tx, viewer, unitId);
  await authorise(tx, viewer, 'unit.staff', unit.unit_system_id);
  const grant = await tx
    .selectFrom('role_grant')
    .selectAll()
    .where('id', '=', grantId)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  if (!grant) throw notFound('人员');
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
          userId: grant.user_id,
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
  return { userId: grant.user_id };
}
