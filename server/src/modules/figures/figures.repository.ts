import { sql } from 'kysely';
import type { Executor } from '../../platform/db.js';
import { percentOneDecimal } from '../../shared/percent.js';
import { dueInForceSql } from '../suggestion/assignment.deadlines.js';
import { countFigures } from './figures.count.js';

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

  // Feedback, ratings and classes as the dashboard counts them (figures.definitions.ts), today.
  const counted = await countFigures(db, {
    congressId: scope.congressId,
    cohort: session === null ? { kind: 'congress' } : { kind: 'session', sessionId: session },
    asOf: scope.today,
    filters: {},
  });
  const k = counted.counts;

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
    feedback: { rated: k.feedback, shareOfReplied: counted.shares.feedbackOfReplied },
    ratings: {
      attitudeGood: k.attitudeGood,
      attitudeGoodShare: counted.shares.attitudeGood,
      resultGood: k.resultGood,
      resultGoodShare: counted.shares.resultGood,
    },
    classes: {
      counts: counted.classes,
      aShare: counted.shares.classA,
      bShare: counted.shares.classB,
      cShare: counted.shares.classC,
      solvedOrPlannedShare: counted.shares.classAB,
    },
    promises: { open: promises.open, fulfilled: promises.fulfilled },
  };
}
