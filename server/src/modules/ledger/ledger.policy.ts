import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import { visibleTo } from '../suggestion/suggestion.policy.js';

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
