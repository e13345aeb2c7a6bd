import { recordAudit } from '../../../platform/audit.js';
import { checkPasswordStrength, generatePassword, hashPassword } from '../../../platform/auth/password.js';
import { deleteSessionsOf } from '../../../platform/auth/session.repository.js';
import type { Executor } from '../../../platform/db.js';
import { AppError, invalidInput } from '../../../platform/errors.js';

/**
 * The installation's administrator, made from the command line (npm run admin) or by the
 * demo data. A password not given is generated, answered once, and must be changed at the
 * first login; there is no default password.
 */
export async function createSystemAdmin(
  db: Executor,
  input: { username: string; displayName: string; password?: string | undefined },
) {
  const generated = !input.password;
  const password = input.password || generatePassword();
  const weakness = checkPasswordStrength(password, input.username);
  if (weakness) throw invalidInput(weakness);
  if (!/^[A-Za-z0-9_.-]{3,64}$/.test(input.username)) {
    throw invalidInput('用户名应为3至64个字母、数字、下划线、点或连字符');
  }
  if (!input.displayName.trim()) throw invalidInput('请填写姓名');
  const taken = await db
    .selectFrom('app_user')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()))
    .executeTakeFirst();
  if (taken) throw new AppError('conflict', `用户名「${input.username}」已被使用`);
  const user = await db
    .insertInto('app_user')
    .values({
      username: input.username,
      display_name: input.displayName.trim(),
      password_hash: await hashPassword(password),
      is_system_admin: true,
      must_change_password: generated,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return { userId: user.id, generatedPassword: generated ? password : null };
}

/** A lost administrator password, set again from the command line; its sessions end. */
export async function resetSystemAdminPassword(db: Executor, username: string, password?: string) {
  const generated = !password;
  const next = password || generatePassword();
  const weakness = checkPasswordStrength(next, username);
  if (weakness) throw invalidInput(weakness);
  const user = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', username)
    .where('is_system_admin', '=', true)
    .executeTakeFirst();
  if (!user) throw invalidInput(`没有名为「${username}」的系统管理员`);
  await db
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(next), must_change_password: generated, password_changed_at: new Date() })
    .where('id', '=', user.id)
    .execute();
  await deleteSessionsOf(db, user.id);
  await recordAudit(db, null, {
    action: 'user.password_changed',
    entityType: 'user',
    entityId: user.id,
    congressId: null,
  });
  return { userId: user.id, generatedPassword: generated ? next : null };
}
