import { sql } from 'kysely';
import type { Executor } from '../../platform/db.js';
import { percentOneDecimal } from '../../shared/percent.js';
import { dueInForceSql } from '../suggestion/assignment.deadlines.js';

export interface FiguresScope {
  congressId: number;
  sessionId?: number | undefined;
  today: string;
}

const share = percentOneDecimal;

/** The office's headline numbers (domain.md part C), counted in SQL over one congress. */
export async function overviewFigures(db: Executor, scope: FiguresScope) {
  const session = scope.sessionId ?? null;
  const counts = await sql<{
    received_in_session: number;
    received_between: number;
    registered: number;
    continued: number;
    replied: number;
    replied_on_time: number;
    replied_within_3_months: number;
    rehandling: number;
    closed: number;
    overdue_now: number;
    units: number;
    co_opinions: number;
    co_opinions_on_time: number;
  }>`
    with s as (
      select * from suggestion
      where congress_id = ${scope.congressId} and (${session}::int is null or session_id = ${session}::int)
    ),
    first_reply as (
      -- "Within 3 months" is the reply date the congress's policy gave at assignment (with the rest-day rule).
      select a.suggestion_id, min(r.sent_at) as sent_at, bool_and(r.on_time) as on_time, max(a.reply_due) as first_due
      from reply r join assignment a on a.id = r.assignment_id
      where r.state = 'sent' and r.round = 0 and r.suggestion_id in (select id from s)
      group by a.suggestion_id
    )
    select
      (select count(*) from s where period = 'in_session' and status not in ('draft') and continues_suggestion_id is null)::int as received_in_session,
      (select count(*) from s where period = 'between_sessions' and status not in ('draft') and continues_suggestion_id is null)::int as received_between,
      (select count(*) from s where number is not null)::int as registered,
      (select count(*) from s where continues_suggestion_id is not null)::int as continued,
      (select count(*) from first_reply)::int as replied,
      (select count(*) from first_reply where on_time)::int as replied_on_time,
      (select count(*) from first_reply where (sent_at at time zone 'Asia/Shanghai')::date <= first_due)::int as replied_within_3_months,
      (select count(*) from s where status = 'rehandling')::int as rehandling,
      (select count(*) from s where status = 'closed')::int as closed,
      (select count(distinct a.suggestion_id) from assignment a where a.suggestion_id in (select id from s)
        and a.state in ('pending_ack','handling','rehandling')
        and (${dueInForceSql}) < ${scope.today}::date)::int as overdue_now,
      (select count(distinct a.unit_id) from assignment a where a.suggestion_id in (select id from s) and a.state <> 'ended')::int as units,
      (select count(*) from co_handling_opinion o where o.suggestion_id in (select id from s))::int as co_opinions,
      (select count(*) from co_handling_opinion o where o.suggestion_id in (select id from s) and o.on_time)::int as co_opinions_on_time
  `.execute(db);
  const c = counts.rows[0]!;

  // One rating per suggestion, as the reports count them: the lead deputy's latest rating of
  // each answering unit, and of a separately handled suggestion the least satisfied of those
  // (the workflow's countedRating), attitude and result each on its own.
  const ratings = await sql<{ attitude: string; result: string; n: number }>`
    with latest as (
      select distinct on (r.suggestion_id, rep.unit_id) r.suggestion_id, r.attitude, r.result
      from rating r join reply rep on rep.id = r.reply_id join suggestion s on s.id = r.suggestion_id
      where s.congress_id = ${scope.congressId} and (${session}::int is null or s.session_id = ${session}::int) and r.is_lead_deputy
      order by r.suggestion_id, rep.unit_id, r.id desc
    ), counted as (
      select suggestion_id, max(${levelRank('attitude')}) as attitude_rank, max(${levelRank('result')}) as result_rank from latest group by suggestion_id
    )
    select ${levelOfRank('attitude_rank')} as attitude, ${levelOfRank('result_rank')} as result, count(*)::int as n
    from counted group by attitude_rank, result_rank`.execute(db);
  const rated = ratings.rows.reduce((sum, r) => sum + r.n, 0);
  const good = (key: 'attitude' | 'result') =>
    ratings.rows.filter((r) => r[key] === 'very_satisfied' || r[key] === 'satisfied').reduce((sum, r) => sum + r.n, 0);

  // Class codes of each suggestion's latest sent reply.
  const classes = await sql<{ class_code: string; n: number }>`
    select class_code, count(*)::int as n from (
      select distinct on (r.suggestion_id) r.class_code
      from reply r join suggestion s on s.id = r.suggestion_id
      where s.congress_id = ${scope.congressId} and (${session}::int is null or s.session_id = ${session}::int) and r.state = 'sent'
      order by r.suggestion_id, r.id desc
    ) x group by class_code order by class_code`.execute(db);
  const classTotal = classes.rows.reduce((sum, r) => sum + r.n, 0);
  const letter = (l: string) => classes.rows.filter((r) => r.class_code.startsWith(l)).reduce((sum, r) => sum + r.n, 0);

  const promises = await db
    .selectFrom('promise as p')
    .innerJoin('suggestion as s', 's.id', 'p.suggestion_id')
    .select([
      sql<number>`count(*) filter (where p.status = 'open')::int`.as('open'),
      sql<number>`count(*) filter (where p.status = 'fulfilled')::int`.as('fulfilled'),
    ])
    .where('s.congress_id', '=', scope.congressId)
    .$if(session !== null, (q) => q.where('s.session_id', '=', session as number))
    .executeTakeFirstOrThrow();

  return {
    received: {
      inSession: c.received_in_session,
      betweenSessions: c.received_between,
      registered: c.registered,
      continuedFromEarlier: c.continued,
    },
    units: c.units,
    replies: {
      replied: c.replied,
      onTime: c.replied_on_time,
      onTimeShare: share(c.replied_on_time, c.replied),
      within3Months: c.replied_within_3_months,
      within3MonthsShare: share(c.replied_within_3_months, c.replied),
      rehandling: c.rehandling,
      overdueNow: c.overdue_now,
      closed: c.closed,
    },
    coOpinions: {
      sent: c.co_opinions,
      onTime: c.co_opinions_on_time,
      onTimeShare: share(c.co_opinions_on_time, c.co_opinions),
    },
    feedback: { rated, shareOfReplied: share(rated, c.replied) },
    ratings: {
      attitudeGood: good('attitude'),
      attitudeGoodShare: share(good('attitude'), rated),
      resultGood: good('result'),
      resultGoodShare: share(good('result'), rated),
    },
    classes: {
      counts: Object.fromEntries(classes.rows.map((r) => [r.class_code, r.n])),
      aShare: share(letter('A'), classTotal),
      bShare: share(letter('B'), classTotal),
      cShare: share(letter('C'), classTotal),
      solvedOrPlannedShare: share(letter('A') + letter('B'), classTotal),
    },
    promises: { open: promises.open, fulfilled: promises.fulfilled },
  };
}

const levels = ['very_satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied'] as const;
const levelRank = (column: 'attitude' | 'result') =>
  sql.raw(`case ${column} ${levels.map((l, i) => `when '${l}' then ${i}`).join(' ')} end`);
const levelOfRank = (column: string) =>
  sql.raw(`case ${column} ${levels.map((l, i) => `when ${i} then '${l}'`).join(' ')} end`);
