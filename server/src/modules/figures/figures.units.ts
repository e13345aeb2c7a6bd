import { sql } from 'kysely';
import type { Executor } from '../../platform/db.js';
import { percentOneDecimal } from '../../shared/percent.js';
import { figureDefinitions, unitColumns, type UnitColumn } from './figures.definitions.js';
import { factsCte, type FigureScope } from './figures.facts.js';
import { freshFacts } from './figures.refresh.js';

// Per unit (承办单位): its parts in force, as the dashboard's unit table and the 办理大户.
// Each cell is the dashboard figure of the same key with that unit as filter (a unit has one
// part per suggestion), which is what the drill-down of a cell opens.

/** The units with most lead parts are the report's 办理大户 (the 2020 report urged ten). */
export const bigHandlerCount = 10;

export interface UnitFigures {
  unitId: number;
  unitName: string;
  unitSystemName: string;
  isBigHandler: boolean;
  counts: Record<UnitColumn, number>;
  repliedOnTimeShare: number | null;
  coOpinionsOnTimeShare: number | null;
  attitudeGoodShare: number | null;
  resultGoodShare: number | null;
}

/** Over a unit's parts, the suggestion-level figures read the part's own columns. */
const partCondition: Record<UnitColumn, string> = {
  assignedLead: figureDefinitions.assignedLead.where,
  assignedCo: figureDefinitions.assignedCo.where,
  partsReplied: figureDefinitions.partsReplied.where,
  partsRepliedOnTime: figureDefinitions.partsRepliedOnTime.where,
  coOpinionsSent: figureDefinitions.coOpinionsSent.where,
  coOpinionsOnTime: figureDefinitions.coOpinionsOnTime.where,
  feedback: figureDefinitions.feedback.where,
  attitudeGood: figureDefinitions.attitudeGood.where,
  resultGood: figureDefinitions.resultGood.where,
};

export async function unitFigures(db: Executor, scope: FigureScope): Promise<UnitFigures[]> {
  await freshFacts(db, 'rollup');
  const columns = sql.raw(
    unitColumns.map((k) => `count(*) filter (where ${partCondition[k]})::int as "${k}"`).join(', '),
  );
  const { rows } = await sql<Record<UnitColumn, number> & { unit_id: number; unit_name: string; system_name: string }>`
    ${factsCte(scope)}
    select af.unit_id, u.name as unit_name, us.name as system_name, ${columns}
    from af join handling_unit u on u.id = af.unit_id join unit_system us on us.id = u.unit_system_id
    group by af.unit_id, u.name, us.name
    order by count(*) filter (where role <> 'co') desc, af.unit_id`.execute(db);
  return rows.map((r, i) => {
    const counts = Object.fromEntries(unitColumns.map((k) => [k, r[k]])) as Record<UnitColumn, number>;
    return {
      unitId: r.unit_id,
      unitName: r.unit_name,
      unitSystemName: r.system_name,
      isBigHandler: i < bigHandlerCount && counts.assignedLead > 0,
      counts,
      repliedOnTimeShare: percentOneDecimal(counts.partsRepliedOnTime, counts.partsReplied),
      coOpinionsOnTimeShare: percentOneDecimal(counts.coOpinionsOnTime, counts.coOpinionsSent),
      attitudeGoodShare: percentOneDecimal(counts.attitudeGood, counts.feedback),
      resultGoodShare: percentOneDecimal(counts.resultGood, counts.feedback),
    };
  });
}
