import { sql, type RawBuilder } from 'kysely';
import { plannedPerCall } from '../../platform/db.js';
import { addCalendarDays, type IsoDate } from '../deadline/iso-date.js';

// The three fact tables every figure counts (figures.definitions.ts), built in SQL for one
// cohort in its state at the end of a day: only replies, ratings and assignments stamped
// before midnight (Beijing) of `asOf` count. One statement prefix shared by the counts and
// the drill-down lists, so a number and its list cannot disagree.
//
// Two stages: each part's state (`cohort` and `ps`), then what is counted of them (`sf`,
// `rf`, `af`). The first stage is read from the raw rows for a day in the past, and from
// the rollup for today — the rollup being this same first stage, written for the suggestions
// a write touched (figures.refresh.ts).

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
  /** The day it is: a figure as of today (or later) reads the rollup (figures.live.ts). */
  today: IsoDate;
}

/** The first instant after the day `asOf` in Beijing. */
export function cutoffOf(asOf: IsoDate): Date {
  return new Date(`${addCalendarDays(asOf, 1)}T00:00:00+08:00`);
}

/** The cohort's condition on a row `t` with session_id, and its registration day `day`. */
function cohortCondition(scope: FigureScope, day: RawBuilder<unknown>): RawBuilder<unknown> {
  const c = scope.cohort;
  switch (c.kind) {
    case 'congress':
      return sql`true`;
    case 'session':
      return sql`t.session_id = ${c.sessionId}::int`;
    case 'year':
      return sql`t.session_id in (select id from congress_session
        where congress_id = ${scope.congressId}::int and extract(year from opens_on) = ${c.year}::int)`;
    case 'period':
      return sql`${day} between ${c.from}::date and ${c.to}::date`;
  }
}

/** The filters on the suggestion itself, on a row `t` of the suggestion or of its fact. */
function suggestionFilters(scope: FigureScope, disclosed: RawBuilder<unknown>): RawBuilder<unknown> {
  const f = scope.filters;
  return sql`(${f.categoryCode ?? null}::text is null or t.category_code = ${f.categoryCode ?? null}::text)
    and (${f.delegationId ?? null}::int is null or t.delegation_id = ${f.delegationId ?? null}::int)
    and (${f.isKey ?? null}::boolean is null or t.is_key = ${f.isKey ?? null}::boolean)
    and (not ${f.disclosedOnly ?? false}::boolean or ${disclosed})
    and (${f.committeeId ?? null}::int is null or t.category_code in (
      select code from suggestion_category
      where congress_id = ${scope.congressId}::int and committee_id = ${f.committeeId ?? null}::int))`;
}

const unitFilters = (f: FigureFilters) =>
  sql`(${f.unitId ?? null}::int is null or p.unit_id = ${f.unitId ?? null}::int)
    and (${f.unitSystemId ?? null}::int is null or u.unit_system_id = ${f.unitSystemId ?? null}::int)`;

const ratingRank = (column: string) =>
  sql.raw(
    `case ${column} when 'very_satisfied' then 0 when 'satisfied' then 1 when 'basically_satisfied' then 2 when 'unsatisfied' then 3 end`,
  );

/** Where the first stage's suggestions come from: a cohort and its filters, or given ids. */
type Rows = { scope: FigureScope } | { suggestionIds: readonly number[] };

/** The end of time, for the state of now: every stamped row counts. */
const forever = '9999-12-30' as IsoDate;

/**
 * The first stage from the raw rows: `cohort` one row per registered suggestion, with the
 * columns the rollup keeps; `ps` one row per unit's part in force, its latest sent reply,
 * whether its deputies gave 不满意 and its lead deputy's latest rating of that reply.
 */
export function partsFromRows(rows: Rows): RawBuilder<unknown> {
  const scope = 'scope' in rows ? rows.scope : null;
  const asOf = scope?.asOf ?? forever;
  const cut = cutoffOf(asOf);
  const f: FigureFilters = scope?.filters ?? {};
  const registeredOn = sql`(coalesce(t.registered_at, t.submitted_at) at time zone 'Asia/Shanghai')::date`;
  const which =
    scope === null
      ? sql`t.id = any(${'suggestionIds' in rows ? [...rows.suggestionIds] : []}::int[])`
      : sql`t.congress_id = ${scope.congressId}::int and ${cohortCondition(scope, registeredOn)}
          and ${suggestionFilters(scope, sql`(t.disclosure = 'published' and t.may_disclose)`)}`;
  return sql`
    with cohort as (
      select t.id, t.congress_id, t.session_id, t.period, ${registeredOn} as registered_on,
        t.continues_suggestion_id is not null as continued,
        coalesce(t.close_kind = 'office' and t.closed_at < ${cut}, false) as office_closed,
        t.category_code, t.delegation_id, t.is_key, (t.disclosure = 'published' and t.may_disclose) as disclosed
      from suggestion t
      where t.number is not null and coalesce(t.registered_at, t.submitted_at) < ${cut} and ${which}
    ),
    parts as (
      select p.id, p.suggestion_id, p.unit_id, p.role, c.office_closed, c.continued,
        (p.opinion_sent_at is not null and p.opinion_sent_at < ${cut}) as opinion_sent,
        coalesce(p.opinion_on_time, false) as opinion_on_time
      from assignment p
      join cohort c on c.id = p.suggestion_id
      join handling_unit u on u.id = p.unit_id
      where p.assigned_on <= ${asOf}::date and (p.ended_at is null or p.ended_at >= ${cut})
        and ${unitFilters(f)}
    ),
    sent as (
      select r.id, r.assignment_id, r.sent_at, r.on_time, r.class_code
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
      select distinct sent.assignment_id, g.reply_id from rating g join sent on sent.id = g.reply_id
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
        (un.reply_id is not null and not p.office_closed) as rehandling,
        ${ratingRank('lead.attitude')} as att_rank, ${ratingRank('lead.result')} as res_rank,
        ug.assignment_id is not null as unsatisfied_given
      from parts p
      left join ranked lr on lr.assignment_id = p.id and lr.from_last = 1
      left join ranked fr on fr.assignment_id = p.id and fr.from_first = 1
      left join unsatisfied un on un.reply_id = lr.id
      left join (select distinct assignment_id from unsatisfied) ug on ug.assignment_id = p.id
      left join lead on lead.reply_id = lr.id
    )`;
}

/** The first stage from the rollup: the same columns, as of now. */
function partsFromRollup(scope: FigureScope): RawBuilder<unknown> {
  return sql`
    with cohort as (
      select t.suggestion_id as id, t.period, t.continued, t.office_closed
      from figure_suggestion_fact t
      where t.congress_id = ${scope.congressId}::int and ${cohortCondition(scope, sql`t.registered_on`)}
        and ${suggestionFilters(scope, sql`t.disclosed`)}
    ),
    ps as (
      select p.assignment_id as id, p.suggestion_id, p.unit_id, p.role, p.office_closed, p.continued,
        p.opinion_sent, p.opinion_on_time, p.reply_id, p.class_code, p.first_on_time, p.rehandling,
        p.att_rank, p.res_rank, p.unsatisfied_given
      from figure_part_fact p
      join cohort c on c.id = p.suggestion_id
      join handling_unit u on u.id = p.unit_id
      where ${unitFilters(scope.filters)}
    )`;
}

/** A figure as of today or later reads the rollup: nothing stamped after now exists. */
export const readsRollup = (scope: FigureScope) => scope.asOf >= scope.today;

/**
 * `with cohort, …, ps, sf, rf, af`: ps/af one row per unit's part in force, rf each
 * answering part's latest sent reply, sf one row per suggestion. With a unit or system
 * filter a suggestion counts by that unit's (system's) parts only.
 */
export function factsCte(scope: FigureScope): RawBuilder<unknown> {
  const f = scope.filters;
  const byUnit = f.unitId !== undefined || f.unitSystemId !== undefined;
  return sql`${sql.raw(plannedPerCall)}
    ${readsRollup(scope) ? partsFromRollup(scope) : partsFromRows({ scope })},
    sf as (
      select c.id, c.period, c.continued,
        coalesce(bool_or(ps.reply_id is not null) filter (where ps.role <> 'co'), false) as replied,
        coalesce(bool_or(ps.rehandling), false) as rehandling,
        coalesce(bool_or(ps.unsatisfied_given), false) as unsatisfied_given,
        max(ps.att_rank) as att_rank, max(ps.res_rank) as res_rank
      from cohort c left join ps on ps.suggestion_id = c.id
      group by c.id, c.period, c.continued
      having ${byUnit}::boolean = false or count(ps.id) > 0
    ),
    rf as (select * from ps where role <> 'co' and reply_id is not null),
    af as (select * from ps)`;
}
