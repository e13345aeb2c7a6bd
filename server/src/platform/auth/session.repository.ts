import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../db.js';
import type { GrantSummary } from './viewer.js';

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function createSession(db: Executor, userId: number, grantId: number | null, now: Date, maxDays: number) {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await db
    .insertInto('user_session')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      role_grant_id: grantId,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + maxDays * 86_400_000),
    })
    .execute();
  return { token, csrfToken };
}

/**
 * The session with its user and active grant, in one indexed read per request: none once it
 * has expired, been idle longer than `idleMs`, or its user has been disabled.
 */
export async function findSession(db: Executor, tokenHash: string, now: Date, idleMs: number) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .leftJoin('role_grant as g', (j) => j.onRef('g.id', '=', 's.role_grant_id').onRef('g.user_id', '=', 's.user_id'))
    .select([
      's.token_hash',
      's.user_id',
      's.csrf_token',
      'u.username',
      'u.display_name',
      'u.is_system_admin',
      'u.must_change_password',
      's.last_seen_at',
      'g.id as grant_id',
      'g.congress_id',
      'g.role',
      'g.deputy_id',
      'g.unit_id',
      'g.unit_system_id',
      'g.committee_id',
      'g.deputy_group_id',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', new Date(now.getTime() - idleMs))
    .where('u.is_active', '=', true)
    .executeTakeFirst();
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/** The session was used: its idle time starts again. */
export async function touchSession(db: Executor, tokenHash: string, now: Date) {
  await db.updateTable('user_session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

/** Every session of a user ends (disabled, or a password set by an administrator). */
export async function deleteSessionsOf(db: Executor, userId: number) {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

export async function listGrants(db: Executor, userId: number): Promise<GrantSummary[]> {
  const rows = await db
    .selectFrom('role_grant as g')
    .innerJoin('congress as c', 'c.id', 'g.congress_id')
    .leftJoin('handling_unit as u', 'u.id', 'g.unit_id')
    .leftJoin('committee as m', 'm.id', 'g.committee_id')
    .leftJoin('unit_system as s', 's.id', 'g.unit_system_id')
    .leftJoin('deputy as d', 'd.id', 'g.deputy_id')
    .leftJoin('delegation as dl', 'dl.id', 'd.delegation_id')
    .leftJoin('deputy_group as dg', 'dg.id', 'g.deputy_group_id')
    .select([
      'g.id',
      'g.congress_id',
      'c.name as congress_name',
      'g.role',
      'g.deputy_id',
      'g.unit_id',
      'g.unit_system_id',
      'g.committee_id',
      'g.deputy_group_id',
      sql<string | null>`coalesce(u.name, m.name, s.name, dl.name, dg.name)`.as('scope_name'),
    ])
    .where('g.user_id', '=', userId)
    .orderBy('g.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    congressId: r.congress_id,
    congressName: r.congress_name,
    role: r.role,
    deputyId: r.deputy_id,
    unitId: r.unit_id,
    unitSystemId: r.unit_system_id,
    committeeId: r.committee_id,
    deputyGroupId: r.deputy_group_id,
    scopeName: r.scope_name,
  }));
}

export async function switchSessionGrant(db: Executor, tokenHash: string, grantId: number) {
  await db.updateTable('user_session').set({ role_grant_id: grantId }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
}
