import type { Executor } from '../../platform/db.js';
import { invalidInput, notFound } from '../../platform/errors.js';
import { sessionLabel } from '../../shared/labels.js';
import { addCalendarDays, daysBetween, type IsoDate } from '../deadline/iso-date.js';
import type { Cohort, FigureFilters, FigureScope } from './figures.facts.js';

// Which suggestions a figure counts, as of which day, and the cohort "the year before" is
// compared with: the previous session at the same point (the same number of days after its
// opening), or the previous year at the same offset from its first session's opening.

export interface CohortQuery {
  sessionId?: number | undefined;
  year?: number | undefined;
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
  asOf?: IsoDate | undefined;
}

export interface ResolvedScope {
  scope: FigureScope;
  label: string;
  /** The cohort's opening day (its session's, or its year's first session's); null for other periods. */
  opensOn: IsoDate | null;
}

interface SessionRow {
  id: number;
  opens_on: string;
  term_ordinal: number;
  ordinal: number;
}

async function sessionsOf(db: Executor, congressId: number) {
  const congress = await db
    .selectFrom('congress')
    .select(['short_name'])
    .where('id', '=', congressId)
    .executeTakeFirst();
  if (!congress) throw notFound('人大');
  const sessions: (SessionRow & { is_current: boolean })[] = await db
    .selectFrom('congress_session as cs')
    .innerJoin('term as t', 't.id', 'cs.term_id')
    .select(['cs.id', 'cs.opens_on', 'cs.ordinal', 'cs.is_current', 't.ordinal as term_ordinal'])
    .where('cs.congress_id', '=', congressId)
    .orderBy('cs.opens_on')
    .execute();
  return { shortName: congress.short_name, sessions };
}

const yearOf = (day: IsoDate) => Number(day.slice(0, 4));

export async function resolveScope(
  db: Executor,
  congressId: number,
  query: CohortQuery,
  filters: FigureFilters,
  today: IsoDate,
): Promise<ResolvedScope> {
  const asOf = query.asOf ?? today;
  const { shortName, sessions } = await sessionsOf(db, congressId);
  const labelOf = (s: SessionRow) => sessionLabel(shortName, s.term_ordinal, s.ordinal);
  const make = (cohort: Cohort, label: string, opensOn: IsoDate | null): ResolvedScope => ({
    scope: { congressId, cohort, asOf, filters },
    label,
    opensOn,
  });
  if (query.from !== undefined || query.to !== undefined) {
    if (query.from === undefined || query.to === undefined || query.from > query.to) {
      throw invalidInput('统计期间须同时给出起止日期，且起始日期不晚于截止日期');
    }
    return make({ kind: 'period', ...{ from: query.from, to: query.to } }, `${query.from}至${query.to}`, null);
  }
  if (query.year !== undefined) {
    const first = sessions.find((s) => yearOf(s.opens_on) === query.year);
    return make({ kind: 'year', year: query.year }, `${query.year}年`, first?.opens_on ?? null);
  }
  const session =
    query.sessionId !== undefined
      ? sessions.find((s) => s.id === query.sessionId)
      : (sessions.find((s) => s.is_current) ?? sessions.at(-1));
  if (query.sessionId !== undefined && !session) throw notFound('会议');
  if (!session) return make({ kind: 'congress' }, '全部建议', null);
  return make({ kind: 'session', sessionId: session.id }, labelOf(session), session.opens_on);
}

/** The same point of the cohort before (null where there is none, or for a free period). */
export async function previousScope(db: Executor, current: ResolvedScope): Promise<ResolvedScope | null> {
  const { scope, opensOn } = current;
  const cohort = scope.cohort;
  if (opensOn === null || (cohort.kind !== 'session' && cohort.kind !== 'year')) return null;
  const { shortName, sessions } = await sessionsOf(db, scope.congressId);
  const offset = daysBetween(opensOn, scope.asOf);
  const at = (day: IsoDate) => addCalendarDays(day, offset);
  if (cohort.kind === 'session') {
    const index = sessions.findIndex((s) => s.id === cohort.sessionId);
    const before = index > 0 ? sessions[index - 1] : undefined;
    if (!before) return null;
    return {
      scope: { ...scope, cohort: { kind: 'session', sessionId: before.id }, asOf: at(before.opens_on) },
      label: sessionLabel(shortName, before.term_ordinal, before.ordinal),
      opensOn: before.opens_on,
    };
  }
  const year = cohort.year - 1;
  const first = sessions.find((s) => yearOf(s.opens_on) === year);
  if (!first) return null;
  return {
    scope: { ...scope, cohort: { kind: 'year', year }, asOf: at(first.opens_on) },
    label: `${year}年`,
    opensOn: first.opens_on,
  };
}

/** Every session of the congress up to the cohort's, each at the same offset: the trend. */
export async function trendScopes(db: Executor, current: ResolvedScope): Promise<ResolvedScope[]> {
  const { scope, opensOn } = current;
  const { shortName, sessions } = await sessionsOf(db, scope.congressId);
  const offset = opensOn === null ? null : daysBetween(opensOn, scope.asOf);
  return sessions
    .filter((s) => s.opens_on <= scope.asOf)
    .map((s) => {
      const sameDay = offset === null ? scope.asOf : addCalendarDays(s.opens_on, offset);
      return {
        scope: {
          ...scope,
          cohort: { kind: 'session', sessionId: s.id },
          asOf: sameDay < scope.asOf ? sameDay : scope.asOf,
        },
        label: sessionLabel(shortName, s.term_ordinal, s.ordinal),
        opensOn: s.opens_on,
      };
    });
}
