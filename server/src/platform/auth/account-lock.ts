import { recordAudit } from '../audit.js';
import type { Executor, Tx } from '../db.js';
import { notFound } from '../errors.js';
import { accountKey } from './throttle.js';
import type { Viewer } from './viewer.js';

/** An account the office may administer: one that holds a role in the office's congress. */
export async function accountOfCongress(db: Executor, congressId: number, userId: number) {
  const user = await db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.username'])
    .where('u.id', '=', userId)
    .where('u.is_system_admin', '=', false)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('role_grant as g')
          .select('g.id')
          .whereRef('g.user_id', '=', 'u.id')
          .where('g.congress_id', '=', congressId),
      ),
    )
    .executeTakeFirst();
  if (!user) throw notFound('账号');
  return user;
}

/** The office lifts the lock that failed logins put on an account of its congress. */
export async function unlockAccount(tx: Tx, viewer: Viewer, userId: number, now: Date): Promise<void> {
  const user = await accountOfCongress(tx, viewer.grant.congressId, userId);
  const lifted = await tx
    .deleteFrom('login_throttle')
    .where('scope', '=', 'account')
    .where('key', '=', accountKey(user.username))
    .returning('locked_until')
    .executeTakeFirst();
  const wasLocked = lifted?.locked_until && lifted.locked_until > now ? lifted.locked_until : null;
  await recordAudit(tx, viewer, {
    action: 'user.unlocked',
    entityType: 'user',
    entityId: user.id,
    congressId: viewer.grant.congressId,
    before: { lockedUntil: wasLocked?.toISOString() ?? null },
  });
}

/** Which of these usernames are locked now, and until when (the office's account list shows it). */
export async function locksOf(db: Executor, usernames: readonly string[], now: Date): Promise<Map<string, Date>> {
  if (usernames.length === 0) return new Map();
  const rows = await db
    .selectFrom('login_throttle')
    .select(['key', 'locked_until'])
    .where('scope', '=', 'account')
    .where('key', 'in', usernames.map(accountKey))
    .where('locked_until', '>', now)
    .execute();
  return new Map(rows.map((r) => [r.key, r.locked_until!]));
}
