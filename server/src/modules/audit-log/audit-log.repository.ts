import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/schema.js';
import { auditActions } from '../../platform/audit.js';
import { systemAdminLabel } from '../../platform/auth/role-table.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor } from '../../platform/db.js';
import { roleLabels } from '../../shared/labels.js';
import { visibleTo } from '../suggestion/suggestion.policy.js';
import type { auditLogQuery } from './audit-log.schemas.js';

type Query = Omit<z.output<typeof auditLogQuery>, 'page' | 'pageSize'>;
type From = Database & { a: Database['audit_event'] };

/** Beijing midnight of a calendar day, as an instant: the office's dates are local dates. */
const beijingMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const dayAfter = (day: string) => new Date(beijingMidnight(day).getTime() + 86_400_000);

/**
 * The entries of the viewer's congress matching the filters. An entry about a suggestion
 * shows only while the viewer may see that suggestion (the policy's one condition): a draft's
 * history stays its deputies' until it is submitted.
 */
function matching(db: Executor, viewer: Viewer, q: Query) {
  let query = db
    .selectFrom('audit_event as a')
    .where('a.congress_id', '=', viewer.grant.congressId)
    .where((eb: ExpressionBuilder<From, 'a'>) =>
      eb.or([
        eb('a.suggestion_id', 'is', null),
        eb.exists(
          eb
            .selectFrom('suggestion as s')
            .select(sql`1`.as('one'))
            .whereRef('s.id', '=', 'a.suggestion_id')
            .where(visibleTo(viewer)),
        ),
      ]),
    );
  if (q.actorUserId !== undefined) query = query.where('a.actor_user_id', '=', q.actorUserId);
  if (q.action !== undefined) query = query.where('a.action', '=', q.action);
  if (q.suggestionId !== undefined) query = query.where('a.suggestion_id', '=', q.suggestionId);
  if (q.from !== undefined) query = query.where('a.at', '>=', beijingMidnight(q.from));
  if (q.to !== undefined) query = query.where('a.at', '<', dayAfter(q.to));
  return query;
}

function withNames(query: SelectQueryBuilder<From, 'a', object>) {
  return query
    .leftJoin('app_user as u', 'u.id', 'a.actor_user_id')
    .leftJoin('suggestion as s', 's.id', 'a.suggestion_id')
    .select([
      'a.id',
      'a.at',
      'a.actor_user_id',
      'a.actor_role',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.suggestion_id',
      'u.display_name',
      'u.username',
      's.number as suggestion_number',
      's.title as suggestion_title',
    ])
    .orderBy('a.id', 'desc');
}

type Row = Awaited<ReturnType<ReturnType<typeof withNames>['execute']>>[number];

const actionLabel = (action: string) => (auditActions as Record<string, string>)[action] ?? action;

export function roleLabelOf(role: string | null, actorUserId: number | null): string {
  if (role === 'system_admin') return systemAdminLabel;
  if (role && role in roleLabels) return roleLabels[role as keyof typeof roleLabels];
  return actorUserId === null && role === null ? '无记名' : '系统';
}

function present(r: Row) {
  return {
    id: r.id,
    at: r.at,
    actor:
      r.actor_user_id === null
        ? null
        : { userId: r.actor_user_id, displayName: r.display_name ?? '', username: r.username ?? '' },
    actorRole: r.actor_role,
    actorRoleLabel: roleLabelOf(r.actor_role, r.actor_user_id),
    action: r.action,
    actionLabel: actionLabel(r.action),
    entityType: r.entity_type,
    entityId: r.entity_id,
    suggestion:
      r.suggestion_id === null
        ? null
        : { id: r.suggestion_id, number: r.suggestion_number, title: r.suggestion_title ?? '' },
  };
}

export type AuditLogItem = ReturnType<typeof present>;

/** One page of the office's audit log, newest first, with the count of all that match. */
export async function auditLogPage(db: Executor, viewer: Viewer, q: Query & { page: number; pageSize: number }) {
  const [rows, count] = await Promise.all([
    withNames(matching(db, viewer, q))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    matching(db, viewer, q)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(present), total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

/** The most rows one export carries; the office narrows the filters for more. */
export const EXPORT_LIMIT = 100_000;

/** Every entry matching the filters (up to EXPORT_LIMIT), newest first, for the Excel export. */
export async function auditLogAll(db: Executor, viewer: Viewer, q: Query) {
  const rows = await withNames(matching(db, viewer, q))
    .limit(EXPORT_LIMIT)
    .execute();
  return rows.map(present);
}

/** The people who appear in the congress's audit log, for the person filter. */
export async function auditActors(db: Executor, viewer: Viewer) {
  const rows = await db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.display_name', 'u.username'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('audit_event as a')
          .select(sql`1`.as('one'))
          .whereRef('a.actor_user_id', '=', 'u.id')
          .where('a.congress_id', '=', viewer.grant.congressId),
      ),
    )
    .orderBy('u.display_name')
    .execute();
  return rows.map((r) => ({ userId: r.id, displayName: r.display_name, username: r.username }));
}
