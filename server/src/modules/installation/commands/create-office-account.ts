import { recordAudit } from '../../../platform/audit.js';
import { checkPasswordStrength, generatePassword, hashPassword } from '../../../platform/auth/password.js';
import type { AdminViewer } from '../../../platform/auth/viewer.js';
import type { Db } from '../../../platform/db.js';
import { AppError, invalidInput, notFound } from '../../../platform/errors.js';

/**
 * The administrator gives a congress a liaison-office account. The password is the
 * administrator's (or generated and answered once): its holder must change it at first login.
 */
export async function createOfficeAccount(
  db: Db,
  admin: AdminViewer,
  congressId: number,
  input: { username: string; displayName: string; password?: string | undefined },
) {
  const generated = input.password === undefined || input.password === '';
  const password = generated ? generatePassword() : input.password!;
  const weakness = checkPasswordStrength(password, input.username);
  if (weakness) throw invalidInput(weakness);
  // Hashing is slow: done before the transaction, so no row waits on it.
  const passwordHash = await hashPassword(password);
  const user = await db.transaction().execute(async (tx) => {
    const congress = await tx.selectFrom('congress').select('id').where('id', '=', congressId).executeTakeFirst();
    if (!congress) throw notFound('人大机构');
    const taken = await tx
      .selectFrom('app_user')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()))
      .executeTakeFirst();
    if (taken) throw new AppError('conflict', `用户名「${input.username}」已被使用`);
    const created = await tx
      .insertInto('app_user')
      .values({
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        must_change_password: true,
      })
      .returning(['id', 'username', 'display_name', 'is_active', 'must_change_password'])
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('role_grant')
      .values({
        user_id: created.id,
        congress_id: congressId,
        role: 'liaison_office',
        deputy_id: null,
        unit_id: null,
        unit_system_id: null,
        committee_id: null,
      })
      .execute();
    await recordAudit(
      tx,
      { userId: admin.userId, grant: { role: 'system_admin' } },
      {
        action: 'congress.office_account_created',
        entityType: 'user',
        entityId: created.id,
        congressId,
        after: { username: created.username, displayName: created.display_name, passwordGenerated: generated },
      },
    );
    return created;
  });
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    isActive: user.is_active,
    mustChangePassword: user.must_change_password,
    initialPassword: generated ? password : null,
  };
}
