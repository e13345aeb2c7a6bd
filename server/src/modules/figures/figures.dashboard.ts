import { officeOrganName } from '../documents/documents.policy.js';
import type { Executor } from '../../platform/db.js';
import { changeInPoints, shareKeys, type ShareKey } from './figures.definitions.js';
import { countFigures, sumFigures, type CountedFigures } from './figures.count.js';
import { previousScope, resolveScope, trendScopes, type ResolvedScope } from './figures.cohort.js';
import type { FigureFilters } from './figures.facts.js';
import { reportText, type ReportInput } from './figures.report.js';
import { loadRules } from '../handling-rules/handling-rules.repository.js';

// The dashboard's answers put together from counted cohorts (figures.count.ts), each one
// statement over the rollup's versions of its day (figures.facts.ts).

export type LabelledFigures = CountedFigures & { cohortLabel: string; asOf: string };

export async function figuresOf(db: Executor, resolved: ResolvedScope): Promise<LabelledFigures> {
  return { ...(await countFigures(db, resolved.scope)), cohortLabel: resolved.label, asOf: resolved.scope.asOf };
}

export async function dashboardOf(db: Executor, resolved: ResolvedScope, mayOpenLists: boolean) {
  const beforeScope = await previousScope(db, resolved);
  const [now, previous] = await Promise.all([figuresOf(db, resolved), beforeScope ? figuresOf(db, beforeScope) : null]);
  const changes = Object.fromEntries(
    shareKeys.map((k) => [k, changeInPoints(now.shares[k], previous?.shares[k] ?? null)]),
  ) as Record<ShareKey, number | null>;
  return { ...now, congressId: resolved.scope.congressId, previous, changes, mayOpenLists };
}

export async function trendsOf(db: Executor, resolved: ResolvedScope) {
  const scopes = await trendScopes(db, resolved);
  const points = [];
  for (const s of scopes) {
    const cohort = s.scope.cohort;
    if (cohort.kind !== 'session') continue;
    points.push({ ...(await figuresOf(db, s)), sessionId: cohort.sessionId });
  }
  return { points };
}

/** A parent's children side by side, each its year's cohort at the same day, and summed. */
export async function childrenOf(db: Executor, congressId: number, year: number, asOf: string, today: string) {
  const children = await db
    .selectFrom('congress')
    .select(['id', 'name'])
    .where('parent_id', '=', congressId)
    .orderBy('id')
    .execute();
  const filters: FigureFilters = {};
  const rows = [];
  for (const c of children) {
    const resolved = await resolveScope(db, c.id, { year, asOf }, filters, today);
    rows.push({ ...(await figuresOf(db, resolved)), congressId: c.id, congressName: c.name });
  }
  return {
    year,
    asOf,
    children: rows,
    total: { ...sumFigures(rows), cohortLabel: `${year}年合计`, asOf },
  };
}

/** The annual report's figures: this cohort, the year before and the one before that. */
export async function reportOf(db: Executor, resolved: ResolvedScope) {
  const congress = await db
    .selectFrom('congress')
    .select(['short_name', 'name'])
    .where('id', '=', resolved.scope.congressId)
    .executeTakeFirstOrThrow();
  const now = await figuresOf(db, resolved);
  const lastScope = await previousScope(db, resolved);
  const lastYear = lastScope ? await figuresOf(db, lastScope) : null;
  const beforeScope = lastScope ? await previousScope(db, lastScope) : null;
  const yearBeforeLast = beforeScope ? await figuresOf(db, beforeScope) : null;
  const { rules } = await loadRules(db, resolved.scope.congressId);
  const input: ReportInput = {
    year: Number((resolved.opensOn ?? resolved.scope.asOf).slice(0, 4)),
    congressShortName: congress.short_name,
    now,
    lastYear,
    yearBeforeLast,
    classes: rules.replyClasses,
  };
  return { text: reportText(input), organ: officeOrganName(congress.name) };
}
