import { sql, type ExpressionBuilder, type SqlBool, type Updateable } from 'kysely';
import type { Database, SuggestionRow, SuggestionTable } from '../../db/schema.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor, Tx } from '../../platform/db.js';
import { invalidState, notFound, staleVersion } from '../../platform/errors.js';
import { visibleTo, type SuggestionRelation } from './suggestion.policy.js';
import { canFire, suggestionTransitions, type SuggestionAction, type SuggestionStatus } from './suggestion.workflow.js';
import { actorsOf } from './suggestion.policy.js';
import { statusLabels } from '../../shared/labels.js';

/** Loads a suggestion the viewer may see and locks its row for the rest of the transaction. */
export async function lockVisibleSuggestion(tx: Tx, viewer: Viewer, id: number): Promise<SuggestionRow> {
  return (await lockForAction(tx, viewer, id)).s;
}

/**
 * Loads and locks a suggestion the viewer may see, with the viewer's relation to it, in one
 * statement: the start of every command on a suggestion.
 */
export async function lockForAction(
  tx: Tx,
  viewer: Viewer,
  id: number,
): Promise<{ s: SuggestionRow; rel: SuggestionRelation }> {
  const found = await findWithRelation(tx, viewer, id, true);
  if (!found) throw notFound('建议');
  return found;
}

/** A suggestion the viewer may see, with the viewer's relation to it, in one statement. */
export async function findWithRelation(
  db: Executor,
  viewer: Viewer,
  id: number,
  lock = false,
): Promise<{ s: SuggestionRow; rel: SuggestionRelation } | undefined> {
  const row = await findWithRelationQuery(db, viewer, id)
    .$if(lock, (q) => q.forUpdate('s'))
    .executeTakeFirst();
  return row && relationOf(row);
}

/** The query of `findWithRelation`, for a read that selects more beside it (the detail). */
export function findWithRelationQuery(db: Executor, viewer: Viewer, id: number) {
  return db
    .selectFrom('suggestion as s')
    .selectAll('s')
    .select(relationColumns(viewer))
    .where('s.id', '=', id)
    .where(visibleTo(viewer));
}

/** Splits a row of `findWithRelationQuery` into the suggestion and the viewer's relation to it. */
export function relationOf(row: SuggestionRow & RelationColumns): { s: SuggestionRow; rel: SuggestionRelation } {
  const { my_cosigner_status, my_unit_role, own_system, ...s } = row;
  return { s, rel: relationFrom(s, { my_cosigner_status, my_unit_role, own_system }) };
}

export async function findVisibleSuggestion(
  db: Executor,
  viewer: Viewer,
  id: number,
): Promise<SuggestionRow | undefined> {
  return db
    .selectFrom('suggestion as s')
    .selectAll('s')
    .where('s.id', '=', id)
    .where(visibleTo(viewer))
    .executeTakeFirst();
}

type Eb = ExpressionBuilder<Database & { s: Database['suggestion'] }, 's'>;

/** What the viewer is to a suggestion `s`, as three columns; only the viewer's kind is looked up. */
function relationColumns(viewer: Viewer) {
  const g = viewer.grant;
  return (eb: Eb) => [
    (g.deputyId
      ? eb
          .selectFrom('suggestion_cosigner as c')
          .select('c.status')
          .whereRef('c.suggestion_id', '=', 's.id')
          .where('c.deputy_id', '=', g.deputyId)
      : eb.val<string | null>(null)
    ).as('my_cosigner_status'),
    (g.unitId
      ? eb
          .selectFrom('assignment as a')
          .select('a.role')
          .whereRef('a.suggestion_id', '=', 's.id')
          .where('a.unit_id', '=', g.unitId)
          .where('a.state', '!=', 'ended')
          .limit(1)
      : eb.val<string | null>(null)
    ).as('my_unit_role'),
    (g.unitSystemId
      ? eb.exists(
          eb
            .selectFrom('handling_unit as u')
            .select(sql`1`.as('one'))
            .where('u.unit_system_id', '=', g.unitSystemId)
            .where((eb) =>
              eb.or([
                eb.exists(
                  eb
                    .selectFrom('assignment as a')
                    .select('a.id')
                    .whereRef('a.unit_id', '=', 'u.id')
                    .whereRef('a.suggestion_id', '=', 's.id')
                    .where('a.state', '!=', 'ended'),
                ),
                eb.exists(
                  eb
                    .selectFrom('pre_assignment as p')
                    .select('p.unit_id')
                    .whereRef('p.unit_id', '=', 'u.id')
                    .whereRef('p.suggestion_id', '=', 's.id'),
                ),
              ]),
            ),
        )
      : eb.val(false)
    ).as('own_system'),
  ];
}

interface RelationColumns {
  my_cosigner_status: string | null;
  my_unit_role: string | null;
  own_system: SqlBool | null;
}

function relationFrom(s: SuggestionRow, r: RelationColumns): SuggestionRelation {
  return {
    status: s.status as SuggestionStatus,
    leadDeputyId: s.lead_deputy_id,
    isConfirmedCosigner: r.my_cosigner_status === 'confirmed',
    unitAssignmentRole: (r.my_unit_role as SuggestionRelation['unitAssignmentRole']) ?? null,
    isOwnSystem: r.own_system === true,
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
export async function updateSuggestion(
  tx: Tx,
  s: SuggestionRow,
  set: Updateable<SuggestionTable>,
): Promise<SuggestionRow> {
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
export async function nextSuggestionNumber(
  tx: Tx,
  sessionId: number,
  period: SuggestionRow['period'],
): Promise<number> {
  await tx
    .selectFrom('congress_session')
    .select('id')
    .where('id', '=', sessionId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const row = await tx
    .selectFrom('suggestion')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('session_id', '=', sessionId)
    .where('period', '=', period)
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

/** The user accounts of the people a change concerns, for notices. */
/** The deputies who rate a reply: the lead deputy and every confirmed co-signer. */
export async function ratingDeputyIds(db: Executor, suggestionId: number, leadDeputyId: number): Promise<number[]> {
  const cosigners = await db
    .selectFrom('suggestion_cosigner')
    .select('deputy_id')
    .where('suggestion_id', '=', suggestionId)
    .where('status', '=', 'confirmed')
    .execute();
  return [leadDeputyId, ...cosigners.map((c) => c.deputy_id)];
}

export async function deputyUserIds(db: Executor, suggestionId: number, leadDeputyId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('deputy as d')
    .select('d.user_id')
    .where((eb) =>
      eb.or([
        eb('d.id', '=', leadDeputyId),
        eb.exists(
          eb
            .selectFrom('suggestion_cosigner as c')
            .select('c.deputy_id')
            .whereRef('c.deputy_id', '=', 'd.id')
            .where('c.suggestion_id', '=', suggestionId)
            .where('c.status', '=', 'confirmed'),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.user_id).filter((id): id is number => id !== null);
}

export async function unitUserIds(
  db: Executor,
  unitIds: readonly number[],
  roles: readonly string[] = ['unit_handler'],
): Promise<number[]> {
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
  const rows = await db
    .selectFrom('role_grant')
    .select('user_id')
    .where('congress_id', '=', congressId)
    .where('role', '=', 'liaison_office')
    .execute();
  return rows.map((r) => r.user_id);
}
