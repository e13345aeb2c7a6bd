import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import { visibleTo } from '../suggestion/suggestion.policy.js';
import type { PromiseActor } from './ledger.workflow.js';

type Eb = ExpressionBuilder<Database & { p: Database['promise'] }, 'p'>;

/** A unit sees its own ledger; everyone else sees the promises of suggestions they may see. */
export function promisesVisibleTo(viewer: Viewer) {
  return (eb: Eb): Expression<SqlBool> => {
    if (viewer.grant.unitId !== null) return eb('p.unit_id', '=', viewer.grant.unitId);
    return eb.exists(
      eb
        .selectFrom('suggestion as s')
        .select('s.id')
        .whereRef('s.id', '=', 'p.suggestion_id')
        .where(visibleTo(viewer) as never),
    );
  };
}

/** The names under which the viewer stands to one promise (its unit, its deputies, the office). */
export function promiseActors(
  viewer: Viewer,
  p: { unitId: number; leadDeputyId: number; myCosignerStatus: string | null },
): PromiseActor[] {
  const g = viewer.grant;
  const actors: PromiseActor[] = [];
  if (g.role === 'unit_handler' && g.unitId === p.unitId) actors.push('own_unit_handler');
  if (g.role === 'deputy' && g.deputyId === p.leadDeputyId) actors.push('lead_deputy', 'deputy');
  if (g.role === 'deputy' && p.myCosignerStatus === 'confirmed') actors.push('deputy');
  if (g.role === 'liaison_office') actors.push('liaison_office');
  return actors;
}
