import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor } from '../../platform/db.js';
import {
  assignmentRoleLabels,
  assignmentStateLabels,
  statusLabels,
  suggestionNumberLabel,
} from '../../shared/labels.js';
import { searchQuery } from '../../text/segment.js';
import { addCalendarDays, deadlineStanding } from '../deadline/deadline.workflow.js';
import { loadRules } from '../handling-rules/handling-rules.repository.js';
import { dueInForceSql } from './assignment.deadlines.js';
import { visibleTo } from './suggestion.policy.js';
import type { ListQuery } from './suggestion.schemas.js';
import {
  assignmentStates,
  type AssignmentRole,
  type AssignmentState,
  type SuggestionStatus,
} from './suggestion.workflow.js';

/** The date a live part is measured against now: re-handling date, extended date, or reply date. */
export const effectiveDueSql = dueInForceSql;

interface UnitPart {
  unitId: number;
  unitName: string;
  role: AssignmentRole;
  state: AssignmentState;
  due: string;
  assignedOn: string;
  replyDue: string;
  replyDueLatest: string;
}

/**
 * One page of the suggestions the viewer may see, filtered and sorted on the server.
 * The visibility rule is the same SQL condition as everywhere else.
 */
export async function listSuggestions(db: Executor, viewer: Viewer, q: ListQuery, today: string, nearDueDays = 7) {
  const unitId = viewer.grant.unitId ?? -1;
  let base = db.selectFrom('suggestion as s').where(visibleTo(viewer));
  if (q.partState) {
    const states = q.partState
      .split(',')
      .filter((x): x is AssignmentState => (assignmentStates as readonly string[]).includes(x));
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignment as a')
          .select('a.id')
          .whereRef('a.suggestion_id', '=', 's.id')
          .where('a.unit_id', '=', unitId)
          .where('a.state', 'in', states),
      ),
    );
  }
  if (q.awaitingMyReview === 'true') {
    const role = viewer.grant.role;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('reply as r')
          .innerJoin('handling_unit as u', 'u.id', 'r.unit_id')
          .select('r.id')
          .whereRef('r.suggestion_id', '=', 's.id')
          .where('r.unit_id', '=', unitId)
          .where('r.state', '=', 'in_review')
          .where(sql<boolean>`u.review_chain[r.review_step + 1] = ${role}`),
      ),
    );
  }
  if (q.nearDue === 'true') {
    const until = addCalendarDays(today, nearDueDays);
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignment as a')
          .select('a.id')
          .whereRef('a.suggestion_id', '=', 's.id')
          .where('a.state', 'in', ['pending_ack', 'handling', 'rehandling'])
          .where(sql<boolean>`${effectiveDueSql} between ${today} and ${until}`),
      ),
    );
  }
  if (q.status) base = base.where('s.status', '=', q.status);
  if (q.sessionId) base = base.where('s.session_id', '=', q.sessionId);
  if (q.categoryCode) base = base.where('s.category_code', '=', q.categoryCode);
  if (q.classId) base = base.where('s.class_id', '=', q.classId);
  if (q.isKey) base = base.where('s.is_key', '=', q.isKey === 'true');
  if (q.unitId) {
    const unitId = q.unitId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignment as a')
          .select('a.id')
          .whereRef('a.suggestion_id', '=', 's.id')
          .where('a.unit_id', '=', unitId)
          .where('a.state', '!=', 'ended'),
      ),
    );
  }
  if (q.overdue) {
    const overdue = (eb: ExpressionBuilder<Database & { s: Database['suggestion'] }, 's'>) =>
      eb.exists(
        eb
          .selectFrom('assignment as a')
          .select('a.id')
          .whereRef('a.suggestion_id', '=', 's.id')
          .where('a.state', 'in', ['pending_ack', 'handling', 'rehandling'])
          .where(sql<boolean>`${effectiveDueSql} < ${today}`),
      );
    base = base.where((eb) => (q.overdue === 'true' ? overdue(eb) : eb.not(overdue(eb))));
  }
  if (q.rating) {
    const rating = q.rating;
    base = base.where((eb) => {
      const rated = eb
        .selectFrom('rating as r')
        .select('r.id')
        .whereRef('r.suggestion_id', '=', 's.id')
        .where('r.is_lead_deputy', '=', true);
      return rating === 'none' ? eb.not(eb.exists(rated)) : eb.exists(rated.where('r.result', '=', rating));
    });
  }
  if (q.q) {
    const tsQuery = searchQuery(q.q);
    if (tsQuery) base = base.where(sql<boolean>`s.search_tokens @@ to_tsquery('simple', ${tsQuery})`);
    else base = base.where(sql<boolean>`false`);
  }

  // Due date: the viewer's own unit's part, or else the earliest open part.
  const dueSql = sql<string>`(select min(${effectiveDueSql}) from assignment a where a.suggestion_id = s.id
    and a.state in ('pending_ack','handling','rehandling') and (${unitId} = -1 or a.unit_id = ${unitId}))`;
  const orderColumn = {
    number: sql`s.number`,
    submitted: sql`s.submitted_at`,
    updated: sql`s.updated_at`,
    due: dueSql,
  } as const;
  const desc = q.sort.startsWith('-');
  const column = orderColumn[q.sort.replace('-', '') as keyof typeof orderColumn];
  const deputyId = viewer.grant.deputyId ?? -1;

  // First the page: ids, the sort key and the total, over the visible rows only. The costly
  // per-row parts (units, rating, relation) are then computed for the page's rows alone.
  const page = base
    .select(['s.id', sql<number>`count(*) over ()`.as('total'), sql<unknown>`${column}`.as('sort_key')])
    .orderBy(desc ? sql`${column} desc nulls last` : sql`${column} asc nulls last`)
    .orderBy('s.id', desc ? 'desc' : 'asc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .as('p');

  const rows = await db
    .selectFrom(page)
    .innerJoin('suggestion as s', 's.id', 'p.id')
    .leftJoin('deputy as d', 'd.id', 's.lead_deputy_id')
    .leftJoin('delegation as dl', 'dl.id', 's.delegation_id')
    .leftJoin('suggestion_category as c', (j) =>
      j.onRef('c.congress_id', '=', 's.congress_id').onRef('c.code', '=', 's.category_code'),
    )
    .select([
      's.id',
      's.version',
      's.number',
      's.period',
      's.title',
      's.status',
      's.category_code',
      's.is_key',
      's.submitted_at',
      's.updated_at',
      's.assigned_on',
      'd.name as lead_deputy_name',
      'dl.name as delegation_name',
      'c.name as category_name',
      'p.total',
      sql<
        UnitPart[] | null
      >`(select json_agg(json_build_object('unitId', u.id, 'unitName', u.name, 'role', a.role, 'state', a.state, 'due', ${effectiveDueSql}, 'assignedOn', a.assigned_on, 'replyDue', a.reply_due, 'replyDueLatest', a.reply_due_latest) order by a.id)
        from assignment a join handling_unit u on u.id = a.unit_id where a.suggestion_id = s.id and a.state <> 'ended')`.as(
        'units',
      ),
      sql<
        string | null
      >`(select r.result from rating r where r.suggestion_id = s.id and r.is_lead_deputy order by r.id desc limit 1)`.as(
        'lead_rating',
      ),
      sql<string | null>`case when s.lead_deputy_id = ${deputyId} then 'lead'
        else (select 'cosigner_' || c.status from suggestion_cosigner c where c.suggestion_id = s.id and c.deputy_id = ${deputyId}) end`.as(
        'my_relation',
      ),
    ])
    .orderBy(desc ? sql`p.sort_key desc nulls last` : sql`p.sort_key asc nulls last`)
    .orderBy('s.id', desc ? 'desc' : 'asc')
    .execute();

  // A page past the end has no row to carry the window count.
  const total =
    rows[0]?.total ??
    (q.page > 1
      ? Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)
      : 0);

  const standingNearDays =
    nearDueDays ?? (rows.length > 0 ? (await loadRules(db, viewer.grant.congressId)).rules.nearDueDays : 0);
  return {
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
    items: rows.map((r) => {
      const units = (r.units ?? []).map((u) => {
        const open = u.state === 'pending_ack' || u.state === 'handling' || u.state === 'rehandling';
        const standing = open
          ? deadlineStanding({
              due: u.due,
              today,
              nearDays: standingNearDays,
              replyDue: u.replyDue,
              replyDueLatest: u.replyDueLatest,
            })
          : null;
        return {
          ...u,
          roleLabel: assignmentRoleLabels[u.role],
          stateLabel: assignmentStateLabels[u.state],
          standing: standing?.standing ?? null,
          daysLeft: standing?.daysLeft ?? null,
        };
      });
      return {
        id: r.id,
        version: r.version,
        number: r.number,
        numberLabel: suggestionNumberLabel(r.period, r.number),
        period: r.period,
        title: r.title,
        status: r.status as SuggestionStatus,
        statusLabel: statusLabels[r.status as SuggestionStatus],
        categoryCode: r.category_code,
        categoryName: r.category_name,
        isKey: r.is_key,
        leadDeputyName: r.lead_deputy_name,
        delegationName: r.delegation_name,
        submittedAt: r.submitted_at,
        updatedAt: r.updated_at,
        assignedOn: r.assigned_on,
        units,
        myPart: viewer.grant.unitId ? (units.find((u) => u.unitId === viewer.grant.unitId) ?? null) : null,
        leadRating: r.lead_rating,
        /** For deputies: lead, or co-signer with the invitation's state. */
        myRelation: r.my_relation as 'lead' | 'cosigner_invited' | 'cosigner_confirmed' | 'cosigner_declined' | null,
      };
    }),
  };
}
