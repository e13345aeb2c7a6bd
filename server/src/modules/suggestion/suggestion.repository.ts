import { sql, type Updateable } from 'kysely';
import type { SuggestionRow, SuggestionTable } from '../../db/schema.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor, Tx } from '../../platform/db.js';
import { invalidState, notFound, staleVersion } from '../../platform/errors.js';
import { visibleTo, type SuggestionRelation } from './suggestion.policy.js';
import { canFire, suggestionTransitions, type SuggestionAction, type SuggestionStatus } from './suggestion.workflow.js';
import { actorsOf } from './suggestion.policy.js';
import { statusLabels } from '../../shared/labels.js';

/** Loads a suggestion the viewer may see and locks its row for the rest of the transaction. */
export async function lockVisibleSuggestion(tx: Tx, viewer: Viewer, id: number): Promise<SuggestionRow> {
  const row = await tx
    .selectFrom('suggestion as s')
    .selectAll('s')
    .where('s.id', '=', id)
    .where(visibleTo(viewer))
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('建议');
  return row;
}

export async function findVisibleSuggestion(db: Executor, viewer: Viewer, id: number): Promise<SuggestionRow | undefined> {
  return db.selectFrom('suggestion as s').selectAll('s').where('s.id', '=', id).where(visibleTo(viewer)).executeTakeFirst();
}

export async function relationOf(db: Executor, viewer: Viewer, s: SuggestionRow): Promise<SuggestionRelation> {
  const g = viewer.grant;
  const [cosigner, assignment, ownSystem] = await Promise.all([
    g.deputyId
      ? db.selectFrom('suggestion_cosigner').select('status').where('suggestion_id', '=', s.id).where('deputy_id', '=', g.deputyId).executeTakeFirst()
      : undefined,
    g.unitId
      ? db
          .selectFrom('assignment')
          .select('role')
          .where('suggestion_id', '=', s.id)
          .where('unit_id', '=', g.unitId)
          .where('state', '!=', 'ended')
          .executeTakeFirst()
      : undefined,
    g.unitSystemId
      ? db
          .selectFrom('handling_unit as u')
          .select(sql`1`.as('one'))
          .where('u.unit_system_id', '=', g.unitSystemId)
          .where((eb) =>
            eb.or([
              eb.exists(eb.selectFrom('assignment as a').select('a.id').whereRef('a.unit_id', '=', 'u.id').where('a.suggestion_id', '=', s.id).where('a.state', '!=', 'ended')),
              eb.exists(eb.selectFrom('pre_assignment as p').select('p.unit_id').whereRef('p.unit_id', '=', 'u.id').where('p.suggestion_id', '=', s.id)),
            ]),
          )
          .executeTakeFirst()
      : undefined,
  ]);
  return {
    status: s.status as SuggestionStatus,
    leadDeputyId: s.lead_deputy_id,
    isConfirmedCosigner: cosigner?.status === 'confirmed',
    unitAssignmentRole: assignment?.role ?? null,
    isOwnSystem: ownSystem !== undefined,
  };
}

/** Refuses the action unless the workflow table allows it for this viewer in this state. */
export function ensureMayFire(viewer: Viewer, action: SuggestionAction, rel: SuggestionRelation): void {
  if (canFire(action, rel.status, actorsOf(viewer, rel))) return;
  const t = suggestionTransitions[action];
  if (!t.from.includes(rel.status)) {
    throw invalidState(`建议当前状态为「${statusLabels[rel.status]}」，不能执行此操作`);
  }
  throw invalidState('您不能对该建议执行此操作');
}

/** The optimistic lock: a client that read an older version lost the race. */
export function ensureVersion(s: SuggestionRow, expected: number | undefined): void {
  if (expected !== undefined && s.version !== expected) throw staleVersion();
}

/** Writes a change to a locked suggestion, bumping its version. */
export async function updateSuggestion(tx: Tx, s: SuggestionRow, set: Updateable<SuggestionTable>): Promise<SuggestionRow> {
  const row = await tx
    .updateTable('suggestion')
    .set({ ...set, version: s.version + 1, updated_at: new Date() })
    .where('id', '=', s.id)
    .where('version', '=', s.version)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw staleVersion();
  return row;
}

/** Next number in a session's series (in session, or between sessions); the session row lock serialises it. */
export async function nextSuggestionNumber(tx: Tx, sessionId: number, period: SuggestionRow['period']): Promise<number> {
  await tx.selectFrom('congress_session').select('id').where('id', '=', sessionId).forUpdate().executeTakeFirstOrThrow();
  const row = await tx
    .selectFrom('suggestion')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('session_id', '=', sessionId)
    .where('period', '=', period)
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

/** The user accounts of the people a change concerns, for notices. */
export async function deputyUserIds(db: Executor, suggestionId: number, leadDeputyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('deputy as d')
    .select('d.user_id')
    .where((eb) =>
      eb.or([
        eb('d.id', '=', leadDeputyId),
        eb.exists(
          eb.selectFrom('suggestion_cosigner as c').select('c.deputy_id').whereRef('c.deputy_id', '=', 'd.id').where('c.suggestion_id', '=', suggestionId).where('c.status', '=', 'confirmed'),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.user_id).filter((id): id is number => id !== null);
}

export async function unitUserIds(db: Executor, unitIds: readonly number[], roles: readonly string[] = ['unit_handler']): Promise<number[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('role_grant')
    .select('user_id')
    .where('unit_id', 'in', unitIds)
    .where('role', 'in', roles as never)
    .execute();
  return rows.map((r) => r.user_id);
}

export async function officeUserIds(db: Executor, congressId: number): Promise<number[]> {
  const rows = await db.selectFrom('role_grant').select('user_id').where('congress_id', '=', congressId).where('role', '=', 'liaison_office').execute();
  return rows.map((r) => r.user_id);
}
