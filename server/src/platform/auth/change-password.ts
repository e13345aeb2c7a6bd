import { recordAudit } from '../audit.js';
import type { Db } from '../db.js';
import { invalidInput } from '../errors.js';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password.js';
import type { Viewer } from './viewer.js';

/** A user changes their password: the old one is required, other devices are logged out. */
export async function changePassword(
  db: Db,
  viewer: Viewer,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const weakness = checkPasswordStrength(input.newPassword);
  if (weakness) throw invalidInput(weakness);
  const user = await db
    .selectFrom('app_user')
    .select(['password_hash'])
    .where('id', '=', viewer.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) throw invalidInput('原密码不正确');
  // Hashing is slow: done before the transaction, so no row waits on it.
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('app_user')
      .set({ password_hash: passwordHash, password_changed_at: new Date() })
      .where('id', '=', viewer.userId)
      .execute();
    await tx
      .deleteFrom('user_session')
      .where('user_id', '=', viewer.userId)
      .where('token_hash', '!=', viewer.sessionTokenHash)
      .execute();
    await recordAudit(tx, viewer, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: viewer.userId,
      congressId: null,
    });
  });
}
