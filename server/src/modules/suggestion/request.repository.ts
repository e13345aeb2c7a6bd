import { sql } from 'kysely';
import type { Executor } from '../../platform/db.js';
import { suggestionNumberLabel } from '../../shared/labels.js';

// The office's two queues of requests to rule on, paged, newest first.

export interface QueuePage<S> {
  status?: S | undefined;
  page: number;
  pageSize: number;
}

export async function listReassignmentRequests(
  db: Executor,
  congressId: number,
  page: QueuePage<'pending' | 'accepted' | 'rejected'>,
) {
  let q = db
    .selectFrom('reassignment_request as r')
    .innerJoin('suggestion as s', 's.id', 'r.suggestion_id')
    .innerJoin('app_user as p', 'p.id', 'r.requested_by')
    .where('r.congress_id', '=', congressId);
  if (page.status) q = q.where('r.status', '=', page.status);
  const [rows, total] = await Promise.all([
    q
      .select([
        'r.id',
        'r.suggestion_id',
        'r.requester_kind',
        'p.display_name as requester_name',
        'r.reason',
        'r.proposed_unit_ids',
        'r.status',
        'r.ruling_reason',
        'r.created_at',
        's.title',
        's.number',
        's.period',
        's.version',
        sql<
          string[]
        >`coalesce((select array_agg(u.name order by u.id) from handling_unit u where u.id = any(r.proposed_unit_ids)), '{}')`.as(
          'proposed_unit_names',
        ),
        sql<
          string | null
        >`(select u.name from assignment a join handling_unit u on u.id = a.unit_id where a.id = r.assignment_id)`.as(
          'requesting_unit_name',
        ),
      ])
      .orderBy('r.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({ ...r, numberLabel: suggestionNumberLabel(r.period, r.number) })),
  };
}

export async function listExtensionRequests(
  db: Executor,
  congressId: number,
  page: QueuePage<'pending' | 'granted' | 'refused'>,
) {
  let q = db
    .selectFrom('extension_request as e')
    .innerJoin('suggestion as s', 's.id', 'e.suggestion_id')
    .innerJoin('assignment as a', 'a.id', 'e.assignment_id')
    .innerJoin('handling_unit as u', 'u.id', 'a.unit_id')
    .where('e.congress_id', '=', congressId);
  if (page.status) q = q.where('e.status', '=', page.status);
  const [rows, total] = await Promise.all([
    q
      .select([
        'e.id',
        'e.suggestion_id',
        'u.name as unit_name',
        'e.requested_due',
        'a.reply_due',
        'a.reply_due_latest',
        'e.reason',
        'e.status',
        'e.ruling_reason',
        'e.created_at',
        's.title',
        's.number',
        's.period',
      ])
      .orderBy('e.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({ ...r, numberLabel: suggestionNumberLabel(r.period, r.number) })),
  };
}
