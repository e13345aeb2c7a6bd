import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { verifyPassword } from './password.js';
import { createSession, listGrants } from './session.repository.js';
import { clearAccountFailures, lockInForce, recordFailedLogin } from './throttle.js';

const minutesLeft = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

/**
 * One login attempt from one address. The address's lock is asked first and counted first:
 * its limit is below the account's, so a flood from one address is stopped before it can lock
 * anyone's account. A locked account is refused without looking at the password.
 */
export async function logIn(ctx: AppContext, address: string, username: string, password: string) {
  const now = ctx.clock.now();
  const safety = ctx.config.accountSafety;
  const lock = await lockInForce(ctx.db, address, username, now);
  if (lock) {
    const m = minutesLeft(lock.until, now);
    throw new AppError(
      'login_locked',
      lock.scope === 'address'
        ? `本机登录失败次数过多，请${m}分钟后再试`
        : `该账号登录失败次数过多，已锁定，请${m}分钟后再试，或请联工委解除锁定`,
    );
  }
  const user = await ctx.db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
  // The same answer for an unknown user, a disabled one and a wrong password.
  const ok = user?.is_active ? await verifyPassword(user.password_hash, password) : false;
  if (!user || !ok) {
    const locked = await recordFailedLogin(ctx.db, address, username, now, safety);
    if (locked.account && user) {
      const grants = await listGrants(ctx.db, user.id);
      await recordAudit(ctx.db, null, {
        action: 'user.locked',
        entityType: 'user',
        entityId: user.id,
        congressId: grants[0]?.congressId ?? null,
        after: { lockedUntil: locked.account.toISOString() },
      });
    }
    throw new AppError('unauthenticated', '用户名或密码错误');
  }
  await clearAccountFailures(ctx.db, username);
  if (user.is_system_admin) {
    const session = await ctx.db.transaction().execute(async (tx) => {
      await recordAudit(
        tx,
        { userId: user.id, grant: { role: 'system_admin' } },
        { action: 'user.logged_in', entityType: 'user', entityId: user.id, congressId: null },
      );
      return createSession(tx, user.id, null, now, safety.sessionMaxDays);
    });
    return { userId: user.id, grantId: null, ...session };
  }
  const grants = await listGrants(ctx.db, user.id);
  const first = grants[0];
  if (!first) throw new AppError('forbidden', '该账号尚未分配任何角色，请联系管理员');
  const session = await ctx.db.transaction().execute(async (tx) => {
    await recordAudit(
      tx,
      { userId: user.id, grant: first },
      { action: 'user.logged_in', entityType: 'user', entityId: user.id, congressId: first.congressId },
    );
    return createSession(tx, user.id, first.id, now, safety.sessionMaxDays);
  });
  return { userId: user.id, grantId: first.id, ...session };
}
