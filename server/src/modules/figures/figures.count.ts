import { sql } from 'kysely';
import type { Executor } from '../../platform/db.js';
import { percentOneDecimal } from '../../shared/percent.js';
import {
  answeringReply,
  countedColumns,
  figureDefinitions,
  figureKeys,
  shareDefinitions,
  shareKeys,
  type FigureCounts,
  type FigureLevel,
  type ShareKey,
} from './figures.definitions.js';
import { factsCte, type FactSource, type FigureScope } from './figures.facts.js';
import { freshFacts } from './figures.refresh.js';

export interface CountedFigures {
  counts: FigureCounts;
  /** Each class code's count of latest replies (`class.A1` in the drill-down). */
  classes: Record<string, number>;
  /** Units with a part in force. */
  units: number;
  shares: Record<ShareKey, number | null>;
}

/** Every figure of a level as a sum over the groups of its counted columns (countedColumns). */
function sumsOf(level: FigureLevel) {
  const keys = figureKeys.filter((k) => figureDefinitions[k].level === level);
  return sql.raw(
    keys.map((k) => `coalesce(sum(n) filter (where ${figureDefinitions[k].where}), 0)::int as "${k}"`).join(', '),
  );
}

const groupedBy = (level: keyof typeof countedColumns) => sql.raw(countedColumns[level].join(', '));

function asObject<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function sharesOf(counts: FigureCounts): Record<ShareKey, number | null> {
  return Object.fromEntries(
    shareKeys.map((k) => [k, percentOneDecimal(counts[shareDefinitions[k].part], counts[shareDefinitions[k].whole])]),
  ) as Record<ShareKey, number | null>;
}

/** Every figure of one cohort as of one day, in one statement (from the raw rows only to check the rollup). */
export async function countFigures(
  db: Executor,
  scope: FigureScope,
  source: FactSource = 'rollup',
): Promise<CountedFigures> {
  await freshFacts(db, source);
  const { rows } = await sql<{ s: unknown; r: unknown; a: unknown; classes: unknown; units: number }>`
    ${factsCte(scope, source)},
    sg as (select ${groupedBy('suggestion')}, count(*) as n from sf group by ${groupedBy('suggestion')}),
    ag as (select ${groupedBy('assignment')}, count(*) as n from af group by ${groupedBy('assignment')})
    select
      (select to_json(t) from (select ${sumsOf('suggestion')} from sg) t) as s,
      (select to_json(t) from (select ${sumsOf('reply')} from ag where ${sql.raw(answeringReply)}) t) as r,
      (select to_json(t) from (select ${sumsOf('assignment')} from ag) t) as a,
      (select coalesce(json_object_agg(class_code, n), '{}'::json) from (
        select class_code, sum(n)::int as n from ag where ${sql.raw(answeringReply)} group by class_code) t) as classes,
      (select count(*)::int from (select unit_id from af group by unit_id) u) as units`.execute(db);
  const row = rows[0]!;
  const counts = {
    ...asObject<Record<string, number>>(row.s),
    ...asObject<Record<string, number>>(row.r),
    ...asObject<Record<string, number>>(row.a),
  } as FigureCounts;
  const classes = asObject<Record<string, number>>(row.classes);
  const sorted = Object.fromEntries(
    Object.keys(classes)
      .sort()
      .map((k) => [k, classes[k]!]),
  );
  return { counts, classes: sorted, units: row.units, shares: sharesOf(counts) };
}

/** Sums of several cohorts' counts (a parent's children), shares recomputed from the sums. */
export function sumFigures(all: readonly CountedFigures[]): CountedFigures {
  const counts = Object.fromEntries(
    figureKeys.map((k) => [k, all.reduce((n, f) => n + f.counts[k], 0)]),
  ) as FigureCounts;
  const classes: Record<string, number> = {};
  for (const f of all) for (const [code, n] of Object.entries(f.classes)) classes[code] = (classes[code] ?? 0) + n;
  return {
    counts,
    classes: Object.fromEntries(
      Object.keys(classes)
        .sort()
        .map((k) => [k, classes[k]!]),
    ),
    units: all.reduce((n, f) => n + f.units, 0),
    shares: sharesOf(counts),
  };
}
