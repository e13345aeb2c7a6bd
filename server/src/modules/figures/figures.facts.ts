import { sql, type RawBuilder } from 'kysely';
import { plannedPerCall } from '../../platform/db.js';
import type { IsoDate } from '../deadline/iso-date.js';
import { answeringReply } from './figures.definitions.js';

// The three fact tables every figure counts (figures.definitions.ts), built in SQL for one
// cohort in its state at the end of a day: only replies, ratings and assignments stamped
// before midnight (Beijing) of `asOf` count. One statement prefix shared by the counts and
// the drill-down lists, so a number and its list cannot disagree.
//
// Two stages over the raw rows: each part's state on the day (`partsFromRows`: `cohort`,
// `ps`), then each suggestion's from its parts' (`suggestionStates`). Figures read both from
// the rollup, which figures.refresh.ts writes with these same two stages on every day a
// suggestion changed; counting a cohort from the raw rows is the check that the two agree
// (figures.rollup.test.ts).

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

/** The cohort's condition on a row `t` with session_id, and its registration day `day`. */
function cohortCondition(scope: FigureScope, t: string, day: RawBuilder<unknown> | null): RawBuilder<unknown> {
  const c = scope.cohort;
  const session = sql.raw(`${t}.session_id`);
  switch (c.kind) {
    case 'congress':
      return sql`true`;
    case 'session':
      return sql`${session} = ${c.sessionId}::int`;
    case 'year':
      return sql`${session} in (select id from congress_session
        where congress_id = ${scope.congressId}::int and extract(year from opens_on) = ${c.year}::int)`;
    case 'period':
      return day === null ? sql`true` : sql`${day} between ${c.from}::date and ${c.to}::date`;
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

const beijingDay = (column: string) => sql.raw(`(${column} at time zone 'Asia/Shanghai')::date`);

/**
 * Every day on which something that a figure counts happened to the given suggestions: its
 * registration, an office's closing, each part's assignment, end and co-handling opinion, each
 * reply sent and each rating. Between two of these days nothing counted changes.
 */
function changeDays(ids: readonly number[]): RawBuilder<unknown> {
  const list = sql`${[...ids]}::int[]`;
  return sql`
    select id as suggestion_id, ${beijingDay('coalesce(registered_at, submitted_at)')} as as_of
      from suggestion where id = any(${list}) and number is not null
    union select id, ${beijingDay('closed_at')} from suggestion
      where id = any(${list}) and close_kind = 'office' and closed_at is not null
    union select suggestion_id, assigned_on from assignment where suggestion_id = any(${list})
    union select suggestion_id, ${beijingDay('ended_at')} from assignment
      where suggestion_id = any(${list}) and ended_at is not null
    union select suggestion_id, ${beijingDay('opinion_sent_at')} from assignment
      where suggestion_id = any(${list}) and opinion_sent_at is not null
    union select suggestion_id, ${beijingDay('sent_at')} from reply
      where suggestion_id = any(${list}) and state = 'sent'
    union select suggestion_id, ${beijingDay('rated_at')} from rating where suggestion_id = any(${list})`;
}

/** Whose states the first stage gives: a cohort as of its day, or given suggestions on each day they changed. */
type Rows = { scope: FigureScope } | { suggestionIds: readonly number[] };

/**
 * The first stage from the raw rows, for pairs of (suggestion, day): `cohort` one row per
 * registered suggestion and day, with the columns the rollup keeps; `ps` one row per unit's
 * part in force on that day, its latest sent reply, whether its deputies gave 不满意 and its
 * lead deputy's latest rating of that reply; `until` is the next day the suggestion changed.
 */
export function partsFromRows(rows: Rows): RawBuilder<unknown> {
  const scope = 'scope' in rows ? rows.scope : null;
  const f: FigureFilters = scope?.filters ?? {};
  const registeredOn = beijingDay('coalesce(t.registered_at, t.submitted_at)');
  const days =
    scope === null
      ? sql`select x.suggestion_id, x.as_of,
          lead(x.as_of) over (partition by x.suggestion_id order by x.as_of) as until
          from (${changeDays('suggestionIds' in rows ? rows.suggestionIds : [])}) x`
      : sql`select t.id as suggestion_id, ${scope.asOf}::date as as_of, null::date as until
          from suggestion t
          where t.congress_id = ${scope.congressId}::int and ${cohortCondition(scope, 't', registeredOn)}
            and ${suggestionFilters(scope, sql`(t.disclosure = 'published' and t.may_disclose)`)}`;
  return sql`
    with days as (
      select d.*, ((d.as_of + 1)::timestamp at time zone 'Asia/Shanghai') as cut from (${days}) d
    ),
    cohort as (
      select t.id, d.as_of, d.until, d.cut, t.congress_id, t.session_id, t.period, ${registeredOn} as registered_on,
        case when t.close_kind = 'office' then ${beijingDay('t.closed_at')} end as office_closed_on,
        t.continues_suggestion_id is not null as continued,
        coalesce(t.close_kind = 'office' and t.closed_at < d.cut, false) as office_closed,
        t.category_code, t.delegation_id, t.is_key, (t.disclosure = 'published' and t.may_disclose) as disclosed
      from days d join suggestion t on t.id = d.suggestion_id
      where t.number is not null and coalesce(t.registered_at, t.submitted_at) < d.cut
    ),
    parts as (
      select p.id, p.suggestion_id, c.as_of, c.until, c.cut, p.unit_id, u.unit_system_id, p.role, c.office_closed,
        c.continued,
        (p.opinion_sent_at is not null and p.opinion_sent_at < c.cut) as opinion_sent,
        coalesce(p.opinion_on_time, false) as opinion_on_time
      from assignment p
      join cohort c on c.id = p.suggestion_id
      join handling_unit u on u.id = p.unit_id
      where p.assigned_on <= c.as_of and (p.ended_at is null or p.ended_at >= c.cut)
        and ${unitFilters(f)}
    ),
    sent as (
      select r.id, r.assignment_id, p.as_of, p.cut, r.sent_at, r.on_time, r.class_code
      from reply r join parts p on p.id = r.assignment_id
      where r.state = 'sent' and r.sent_at < p.cut
    ),
    ranked as (
      select sent.*,
        row_number() over (partition by assignment_id, as_of order by sent_at desc, id desc) as from_last,
        row_number() over (partition by assignment_id, as_of order by sent_at, id) as from_first
      from sent
    ),
    unsatisfied as (
      select distinct sent.assignment_id, sent.as_of, g.reply_id from rating g join sent on sent.id = g.reply_id
      where g.rated_at < sent.cut and (g.attitude = 'unsatisfied' or g.result = 'unsatisfied')
    ),
    lead as (
      select distinct on (sent.as_of, g.reply_id) sent.as_of, g.reply_id, g.attitude, g.result
      from rating g join sent on sent.id = g.reply_id
      where g.is_lead_deputy and g.rated_at < sent.cut
      order by sent.as_of, g.reply_id, g.id desc
    ),
    ps as (
      select p.*, lr.id as reply_id, lr.class_code, fr.on_time as first_on_time,
        (un.reply_id is not null and not p.office_closed) as rehandling,
        ${ratingRank('lead.attitude')} as att_rank, ${ratingRank('lead.result')} as res_rank,
        ug.assignment_id is not null as unsatisfied_given
      from parts p
      left join ranked lr on lr.assignment_id = p.id and lr.as_of = p.as_of and lr.from_last = 1
      left join ranked fr on fr.assignment_id = p.id and fr.as_of = p.as_of and fr.from_first = 1
      left join unsatisfied un on un.reply_id = lr.id and un.as_of = p.as_of
      left join (select distinct assignment_id, as_of from unsatisfied) ug
        on ug.assignment_id = p.id and ug.as_of = p.as_of
      left join lead on lead.reply_id = lr.id and lead.as_of = p.as_of
    )`;
}

/**
 * Each suggestion's state from its parts' states: `cohort` and `ps` carry the day (`as_of`).
 * With a unit or system filter only suggestions with such a part count (an inner join);
 * `perSystem` gives one state per suggestion and system, from that system's parts.
 */
export function suggestionStates(byUnit: boolean, perSystem = false): RawBuilder<unknown> {
  const system = perSystem ? sql`, ps.unit_system_id` : sql``;
  return sql`
    select c.id, c.as_of, c.period, c.continued ${system},
      coalesce(bool_or(ps.reply_id is not null) filter (where ps.role <> 'co'), false) as replied,
      coalesce(bool_or(ps.rehandling), false) as rehandling,
      coalesce(bool_or(ps.unsatisfied_given), false) as unsatisfied_given,
      max(ps.att_rank) as att_rank, max(ps.res_rank) as res_rank
    from cohort c ${byUnit ? sql`join` : sql`left join`} ps on ps.suggestion_id = c.id and ps.as_of = c.as_of
    group by c.id, c.as_of, c.period, c.continued ${system}`;
}

/** The versions of a rollup table `t` in force on the day. */
function inForce(scope: FigureScope, t: string): RawBuilder<unknown> {
  const v = (column: string) => sql.raw(`${t}.${column}`);
  // The versions that began by the day and were still valid after it (or are still open).
  const day = sql`${scope.asOf}::date`;
  return sql`${v('valid_from')} <= ${day} and (${v('valid_until')} > ${day} or ${v('valid_until')} is null)`;
}

const hasSuggestionFilter = (scope: FigureScope) => {
  const f = scope.filters;
  return (
    scope.cohort.kind === 'period' ||
    [f.categoryCode, f.delegationId, f.isKey, f.committeeId].some((v) => v !== undefined) ||
    f.disclosedOnly === true
  );
};

/** The suggestions' states by one system's parts, from their versions (the cohort's filters joined). */
function systemStates(scope: FigureScope): RawBuilder<unknown> {
  return sql`
    select t.suggestion_id as id, t.period, t.continued, t.replied, t.rehandling, t.unsatisfied_given, t.att_rank,
      t.res_rank
    from figure_system_version t
    ${hasSuggestionFilter(scope) ? sql`join cohort c on c.id = t.suggestion_id` : sql``}
    where t.congress_id = ${scope.congressId}::int and t.unit_system_id = ${scope.filters.unitSystemId ?? null}::int
      and ${cohortCondition(scope, 't', null)} and ${inForce(scope, 't')}`;
}

/**
 * The figures' fact tables from the rollup: each suggestion's and each part's version in
 * force on the day. Without a unit or system filter a suggestion's state is its own version;
 * with a system, its version by that system's parts; with a unit, made from the unit's part.
 */
function factsFromRollup(scope: FigureScope): RawBuilder<unknown> {
  const f = scope.filters;
  const congress = sql`${scope.congressId}::int`;
  return sql`
    with cohort as (
      select t.suggestion_id as id, ${scope.asOf}::date as as_of, t.period, t.continued, t.replied, t.rehandling,
        t.unsatisfied_given, t.att_rank, t.res_rank
      from figure_suggestion_version t
      where t.congress_id = ${congress} and ${inForce(scope, 't')}
        and ${cohortCondition(scope, 't', sql`t.registered_on`)}
        and ${suggestionFilters(scope, sql`t.disclosed`)}
    ),
    ps as (
      select p.assignment_id as id, ${scope.asOf}::date as as_of, p.suggestion_id, p.unit_id, p.role, p.continued,
        p.opinion_sent, p.opinion_on_time, p.reply_id, p.class_code, p.first_on_time, p.rehandling, p.att_rank,
        p.res_rank, p.unsatisfied_given
      from figure_part_version p
      ${hasSuggestionFilter(scope) ? sql`join cohort c on c.id = p.suggestion_id` : sql``}
      ${f.unitSystemId !== undefined ? sql`join handling_unit u on u.id = p.unit_id` : sql``}
      where p.congress_id = ${congress} and ${cohortCondition(scope, 'p', null)} and ${inForce(scope, 'p')}
        and (${f.unitId ?? null}::int is null or p.unit_id = ${f.unitId ?? null}::int)
        ${f.unitSystemId !== undefined ? sql`and u.unit_system_id = ${f.unitSystemId}::int` : sql``}
    ),
    sf as (${
      f.unitId !== undefined
        ? suggestionStates(true)
        : f.unitSystemId !== undefined
          ? systemStates(scope)
          : sql`select * from cohort`
    }),
    af as (select *, reply_id is not null as has_reply from ps),
    rf as (select * from af where ${sql.raw(answeringReply)})`;
}

/** Where the facts are read: the rollup, or (to check the rollup) the raw rows. */
export type FactSource = 'rollup' | 'rows';

/**
 * `with …, sf, rf, af`: sf one row per suggestion, af one row per unit's part in force, rf
 * each answering part's latest sent reply. With a unit or system filter a suggestion counts
 * by that unit's (system's) parts only.
 */
export function factsCte(scope: FigureScope, source: FactSource = 'rollup'): RawBuilder<unknown> {
  if (source === 'rollup') return sql`${sql.raw(plannedPerCall)} ${factsFromRollup(scope)}`;
  const f = scope.filters;
  const byUnit = f.unitId !== undefined || f.unitSystemId !== undefined;
  return sql`${sql.raw(plannedPerCall)}
    ${partsFromRows({ scope })},
    sf as (${suggestionStates(byUnit)}),
    af as (select *, reply_id is not null as has_reply from ps),
    rf as (select * from af where ${sql.raw(answeringReply)})`;
}
