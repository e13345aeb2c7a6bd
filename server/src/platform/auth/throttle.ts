import { sql } from 'kysely';
import type { AccountSafety } from '../config.js';
import type { Executor } from '../db.js';

// Failed logins counted in the database, per account and per client address, so that every
// server process sharing it holds the same lock. Each count is one upsert: two processes
// counting the same failure at once add up, never overwrite.

export type ThrottleScope = 'account' | 'address';

export interface Lock {
  scope: ThrottleScope;
  until: Date;
}

/** The account's key: its username as typed, lower-cased (an unknown name is counted like a known one). */
export const accountKey = (username: string) => username.trim().toLowerCase();

/** The lock in force on this address or this account, the address's first. */
export async function lockInForce(db: Executor, address: string, username: string, now: Date): Promise<Lock | null> {
  const rows = await db
    .selectFrom('login_throttle')
    .select(['scope', 'locked_until'])
    .where((eb) =>
      eb.or([
        eb.and([eb('scope', '=', 'address'), eb('key', '=', address)]),
        eb.and([eb('scope', '=', 'account'), eb('key', '=', accountKey(username))]),
      ]),
    )
    .where('locked_until', '>', now)
    .execute();
  const address_ = rows.find((r) => r.scope === 'address') ?? rows[0];
  return address_?.locked_until ? { scope: address_.scope, until: address_.locked_until } : null;
}

/**
 * Counts one failure against a key: a window that has passed, or a lock that has ended,
 * starts the count again; the failure that reaches the limit locks the key.
 */
async function countFailure(
  db: Executor,
  scope: ThrottleScope,
  key: string,
  limit: number,
  now: Date,
  s: AccountSafety,
) {
  const windowStart = new Date(now.getTime() - s.failureWindowMinutes * 60_000);
  const lockUntil = new Date(now.getTime() + s.lockMinutes * 60_000);
  const fresh = sql<boolean>`(login_throttle.window_started_at <= ${windowStart} or login_throttle.locked_until <= ${now})`;
  const failures = sql<number>`case when ${fresh} then 1 else login_throttle.failures + 1 end`;
  const { rows } = await sql<{ locked_until: Date | null }>`
    insert into login_throttle (scope, key, failures, window_started_at, locked_until)
    values (${scope}, ${key}, 1, ${now}, ${limit <= 1 ? lockUntil : null})
    on conflict (scope, key) do update set
      failures = ${failures},
      window_started_at = case when ${fresh} then ${now} else login_throttle.window_started_at end,
      locked_until = case when ${failures} >= ${limit} then ${lockUntil}
                          when ${fresh} then null else login_throttle.locked_until end
    returning locked_until
  `.execute(db);
  const until = rows[0]?.locked_until;
  return until && until.getTime() === lockUntil.getTime() ? until : null;
}

/** A wrong password: one failure for the address and one for the account; says which this failure locked. */
export async function recordFailedLogin(db: Executor, address: string, username: string, now: Date, s: AccountSafety) {
  const address_ = await countFailure(db, 'address', address, s.addressFailures, now, s);
  const account = await countFailure(db, 'account', accountKey(username), s.accountFailures, now, s);
  return { address: address_, account };
}

/** A successful login forgives the account's failures (not the address's: one good password must not reset a flood). */
export async function clearAccountFailures(db: Executor, username: string) {
  await db
    .deleteFrom('login_throttle')
    .where('scope', '=', 'account')
    .where('key', '=', accountKey(username))
    .execute();
}

/** Whether the account is locked now (the office's account list shows it). */
export async function accountLockedUntil(db: Executor, username: string, now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom('login_throttle')
    .select('locked_until')
    .where('scope', '=', 'account')
    .where('key', '=', accountKey(username))
    .where('locked_until', '>', now)
    .executeTakeFirst();
  return row?.locked_until ?? null;
}
