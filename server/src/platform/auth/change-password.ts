import { recordAudit } from '../audit.js';
import type { Db } from '../db.js';
import { invalidInput } from '../errors.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password.js';
import type { Grant, Person } from './viewer.js';

/**
 * A user changes their password: the old one is required, other devices are logged out, and a
 * password an administrator set stops holding the user back.
 */
export async function changePassword(
  db: Db,
  person: Person & { grant?: Pick<Grant, 'role'> },
  input: { currentPassword: string; newPassword: string },
  now: Date,
): Promise<void> {
  const weakness = checkPasswordStrength(input.newPassword, person.username);
  if (weakness) throw invalidInput(`新${weakness}`);
  if (input.newPassword === input.currentPassword) throw invalidInput('新密码不能与原密码相同');
  const user = await db
    .selectFrom('app_user')
    .select(['password_hash'])
    .where('id', '=', person.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) throw invalidInput('原密码不正确');
  // Hashing is slow: done before the transaction, so no row waits on it.
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, password_changed_at: now, must_change_password: false })
      .where('id', '=', person.userId)
      .execute();
    await tx
      .deleteFrom('user_session')
      .where('user_id', '=', person.userId)
      .where('token_hash', '!=', person.sessionTokenHash)
      .execute();
    await recordAudit(
      tx,
      { userId: person.userId, grant: { role: person.grant?.role ?? 'system_admin' } },
      {
        action: 'user.password_changed',
        entityType: 'user',
        entityId: person.userId,
        congressId: null,
      },
    );
  });
}
