import { sql, type RawBuilder } from 'kysely';
import { addCalendarDays, type IsoDate } from '../deadline/iso-date.js';

// The three fact tables every figure counts (figures.definitions.ts), built in SQL for one
// cohort in its state at the end of a day: only replies, ratings and assignments stamped
// before midnight (Beijing) of `asOf` count. One statement prefix shared by the counts and
// the drill-down lists, so a number and its list cannot disagree.

export type Cohort =
  | { kind: 'congress' }
  | { kind: 'session'; sessionId: number }
  | { kind: 'year'; year: number }
  | { kind: 'period'; from: IsoDate; to: IsoDate };

export interface FigureFilters {
  unitSystemId?: number | undefined;
  unitId?: number | undefined;
  categoryCode?: string | undefined;
  delegationId?: number | undefined;
  isKey?: boolean | undefined;
  /** A committee's field: the categories it supervises (对口). */
  committeeId?: number | undefined;
  /** The public's figures: only suggestions the office published and the deputy let disclose. */
  disclosedOnly?: boolean | undefined;
}

export interface FigureScope {
  congressId: number;
  cohort: Cohort;
  asOf: IsoDate;
  filters: FigureFilters;
}

/** The first instant after the day `asOf` in Beijing. */
export function cutoffOf(asOf: IsoDate): Date {
  return new Date(`${addCalendarDays(asOf, 1)}T00:00:00+08:00`);
}

function cohortCondition(scope: FigureScope): RawBuilder<unknown> {
  const c = scope.cohort;
  switch (c.kind) {
    case 'congress':
      return sql`true`;
    case 'session':
      return sql`s.session_id = ${c.sessionId}::int`;
    case 'year':
      return sql`s.session_id in (select id from congress_session
        where congress_id = ${scope.congressId}::int and extract(year from opens_on) = ${c.year}::int)`;
    case 'period':
      return sql`(coalesce(s.registered_at, s.submitted_at) at time zone 'Asia/Shanghai')::date between ${c.from}::date and ${c.to}::date`;
  }
}

const ratingRank = (column: string) =>
  sql.raw(
    `case ${column} when 'very_satisfied' then 0 when 'satisfied' then 1 when 'basically_satisfied' then 2 when 'unsatisfied' then 3 end`,
  );

/**
 * `with cohort, parts, sent, …, ps (each part's state), sf, rf, af`: ps/af one row per unit's
 * part in force, rf each answering part's latest sent reply, sf one row per suggestion.
 * With a unit or system filter a suggestion counts by that unit's (system's) parts only.
 */
export function factsCte(scope: FigureScope): RawBuilder<unknown> {
  const f = scope.filters;
  const cut = cutoffOf(scope.asOf);
  const byUnit = f.unitId !== undefined || f.unitSystemId !== undefined;
  return sql`
    with cohort as (
      select s.id, s.period, s.continues_suggestion_id is not null as continued,
        coalesce(s.close_kind = 'office' and s.closed_at < ${cut}, false) as office_closed
      from suggestion s
      where s.congress_id = ${scope.congressId}::int and s.number is not null
        and coalesce(s.registered_at, s.submitted_at) < ${cut}
        and ${cohortCondition(scope)}
        and (${f.categoryCode ?? null}::text is null or s.category_code = ${f.categoryCode ?? null}::text)
        and (${f.delegationId ?? null}::int is null or s.delegation_id = ${f.delegationId ?? null}::int)
        and (${f.isKey ?? null}::boolean is null or s.is_key = ${f.isKey ?? null}::boolean)
        and (not ${f.disclosedOnly ?? false}::boolean or (s.disclosure = 'published' and s.may_disclose))
        and (${f.committeeId ?? null}::int is null or s.category_code in (
          select code from suggestion_category
          where congress_id = ${scope.congressId}::int and committee_id = ${f.committeeId ?? null}::int))
    ),
    parts as (
      select a.id, a.suggestion_id, a.unit_id, a.role, c.office_closed, c.continued,
        (a.opinion_sent_at is not null and a.opinion_sent_at < ${cut}) as opinion_sent,
        coalesce(a.opinion_on_time, false) as opinion_on_time
      from assignment a
      join cohort c on c.id = a.suggestion_id
      join handling_unit u on u.id = a.unit_id
      where a.assigned_on <= ${scope.asOf}::date and (a.ended_at is null or a.ended_at >= ${cut})
        and (${f.unitId ?? null}::int is null or a.unit_id = ${f.unitId ?? null}::int)
        and (${f.unitSystemId ?? null}::int is null or u.unit_system_id = ${f.unitSystemId ?? null}::int)
    ),
    sent as (
      select r.id, r.assignment_id, r.suggestion_id, r.round, r.on_time, r.sent_at, r.class_code
      from reply r join parts p on p.id = r.assignment_id
      where r.state = 'sent' and r.sent_at < ${cut}
    ),
    ranked as (
      select sent.*,
        row_number() over (partition by assignment_id order by sent_at desc, id desc) as from_last,
        row_number() over (partition by assignment_id order by sent_at, id) as from_first
      from sent
    ),
    unsatisfied as (
      select distinct g.reply_id, g.suggestion_id from rating g join sent on sent.id = g.reply_id
      where g.rated_at < ${cut} and (g.attitude = 'unsatisfied' or g.result = 'unsatisfied')
    ),
    lead as (
      select distinct on (g.reply_id) g.reply_id, g.attitude, g.result
      from rating g join sent on sent.id = g.reply_id
      where g.is_lead_deputy and g.rated_at < ${cut}
      order by g.reply_id, g.id desc
    ),
    ps as (
      select p.*, lr.id as reply_id, lr.class_code, fr.on_time as first_on_time,
        (u.reply_id is not null and not p.office_closed) as rehandling,
        ${ratingRank('lead.attitude')} as att_rank, ${ratingRank('lead.result')} as res_rank
      from parts p
      left join ranked lr on lr.assignment_id = p.id and lr.from_last = 1
      left join ranked fr on fr.assignment_id = p.id and fr.from_first = 1
      left join unsatisfied u on u.reply_id = lr.id
      left join lead on lead.reply_id = lr.id
    ),
    sf as (
      select c.id, c.period, c.continued,
        coalesce(bool_or(ps.reply_id is not null) filter (where ps.role <> 'co'), false) as replied,
        coalesce(bool_or(ps.rehandling), false) as rehandling,
        c.id in (select suggestion_id from unsatisfied) as unsatisfied_given,
        max(ps.att_rank) as att_rank, max(ps.res_rank) as res_rank
      from cohort c left join ps on ps.suggestion_id = c.id
      group by c.id, c.period, c.continued
      having ${byUnit}::boolean = false or count(ps.id) > 0
    ),
    rf as (select * from ps where role <> 'co' and reply_id is not null),
    af as (select * from ps)`;
}
