import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../db.js';
import type { GrantSummary } from './viewer.js';

const SESSION_DAYS = 7;

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function createSession(db: Executor, userId: number, grantId: number | null) {
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await db
    .insertInto('user_session')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      csrf_token: csrfToken,
      role_grant_id: grantId,
      expires_at: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    })
    .execute();
  return { token, csrfToken };
}

/** The session with its user and active grant, in one indexed read per request. */
export async function findSession(db: Executor, token: string) {
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
      'g.id as grant_id',
      'g.congress_id',
      'g.role',
      'g.deputy_id',
      'g.unit_id',
      'g.unit_system_id',
      'g.committee_id',
    ])
    .where('s.token_hash', '=', hashToken(token))
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('u.is_active', '=', true)
    .executeTakeFirst();
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
    .select([
      'g.id',
      'g.congress_id',
      'c.name as congress_name',
      'g.role',
      'g.deputy_id',
      'g.unit_id',
      'g.unit_system_id',
      'g.committee_id',
      sql<string | null>`coalesce(u.name, m.name, s.name, dl.name)`.as('scope_name'),
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
    scopeName: r.scope_name,
  }));
}

export async function switchSessionGrant(db: Executor, tokenHash: string, grantId: number) {
  await db.updateTable('user_session').set({ role_grant_id: grantId }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Executor, tokenHash: string) {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
}
