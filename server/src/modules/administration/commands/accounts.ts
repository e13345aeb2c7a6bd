import type { RoleName } from '../../../db/schema.js';
import { checkPasswordStrength, generatePassword, hashPassword } from '../../../platform/auth/password.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import { writeEffects } from '../../../platform/commit.js';
import type { Tx } from '../../../platform/db.js';
import { AppError, invalidInput } from '../../../platform/errors.js';

// Accounts an office creates: for a deputy, for a unit's staff, for anyone it grants a role.
// A password an administrator sets must be changed by its holder at the next login.

export interface PreparedPassword {
  /** Shown once to the office when it was generated here; null when the office typed it. */
  generated: string | null;
  hash: string;
}

/** Checks the office's password (or generates one) and hashes it, before any transaction: hashing is slow. */
export async function preparePassword(password: string | undefined, username: string): Promise<PreparedPassword> {
  if (password === undefined || password === '') {
    const generated = generatePassword();
    return { generated, hash: await hashPassword(generated) };
  }
  const weakness = checkPasswordStrength(password, username);
  if (weakness) throw invalidInput(weakness);
  return { generated: null, hash: await hashPassword(password) };
}

export async function insertAccount(
  tx: Tx,
  viewer: Viewer,
  input: { username: string; displayName: string; phone: string; passwordHash: string },
) {
  const row = await tx
    .insertInto('app_user')
    .values({
      username: input.username,
      display_name: input.displayName,
      phone: input.phone,
      password_hash: input.passwordHash,
      must_change_password: true,
    })
    .onConflict((oc) => oc.column('username').doNothing())
    .returning(['id', 'username', 'display_name'])
    .executeTakeFirst();
  if (!row) throw new AppError('conflict', `登录账号「${input.username}」已被使用`);
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'account.created',
        entityType: 'user',
        entityId: row.id,
        congressId: viewer.grant.congressId,
        after: { username: row.username, displayName: row.display_name },
      },
    ],
  });
  return row;
}

export interface GrantScope {
  deputyId?: number | null;
  unitId?: number | null;
  unitSystemId?: number | null;
  committeeId?: number | null;
  deputyGroupId?: number | null;
}

/** Grants a role in the viewer's congress; the same grant twice is a 409. */
export async function insertGrant(tx: Tx, viewer: Viewer, userId: number, role: RoleName, scope: GrantScope) {
  const congressId = viewer.grant.congressId;
  const values = {
    user_id: userId,
    congress_id: congressId,
    role,
    deputy_id: scope.deputyId ?? null,
    unit_id: scope.unitId ?? null,
    unit_system_id: scope.unitSystemId ?? null,
    committee_id: scope.committeeId ?? null,
    deputy_group_id: scope.deputyGroupId ?? null,
  };
  const existing = await tx
    .selectFrom('role_grant')
    .select('id')
    .where('user_id', '=', userId)
    .where('congress_id', '=', congressId)
    .where('role', '=', role)
    .where((eb) =>
      eb.and(
        (['deputy_id', 'unit_id', 'unit_system_id', 'committee_id', 'deputy_group_id'] as const).map((c) =>
          values[c] === null ? eb(c, 'is', null) : eb(c, '=', values[c]),
        ),
      ),
    )
    .executeTakeFirst();
  if (existing) throw new AppError('conflict', '该账号已有此角色');
  const grant = await tx.insertInto('role_grant').values(values).returningAll().executeTakeFirstOrThrow();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'account.granted',
        entityType: 'role_grant',
        entityId: grant.id,
        congressId,
        after: {
          userId,
          role,
          deputyId: grant.deputy_id,
          unitId: grant.unit_id,
          unitSystemId: grant.unit_system_id,
          committeeId: grant.committee_id,
          deputyGroupId: grant.deputy_group_id,
        },
      },
    ],
  });
  return grant;
}
