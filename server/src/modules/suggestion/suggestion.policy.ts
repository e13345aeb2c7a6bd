import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import { canFire, type Actor, type SuggestionAction, type SuggestionStatus } from './suggestion.workflow.js';

// Who may see which suggestions, as one SQL condition used by the detail, every list,
// every count, search and export alike — so what a user may not open appears nowhere.

type Eb = ExpressionBuilder<Database & { s: Database['suggestion'] }, 's'>;

const beforeRegistration: SuggestionStatus[] = ['draft', 'submitted', 'returned', 'declined'];

// Deputies, units and government offices see a few suggestions out of many: their condition
// is written as `id in (small set)`, so the database starts from that set and never scans
// the whole congress.
export function visibleTo(viewer: Viewer) {
  const g = viewer.grant;
  return (eb: Eb): Expression<SqlBool> => {
    const inCongress = eb('s.congress_id', '=', g.congressId);
    switch (g.role) {
      case 'deputy': {
        const deputyId = g.deputyId ?? -1;
        return eb(
          's.id',
          'in',
          eb
            .selectFrom('suggestion as own')
            .select('own.id')
            .where('own.lead_deputy_id', '=', deputyId)
            .union(
              eb
                .selectFrom('suggestion_cosigner as c')
                .select('c.suggestion_id as id')
                .where('c.deputy_id', '=', deputyId),
            ),
        );
      }
      case 'liaison_office':
        return eb.and([inCongress, eb('s.status', '!=', 'draft')]);
      case 'leader':
        return eb.and([inCongress, eb('s.status', 'not in', beforeRegistration)]);
      case 'committee':
        return eb.and([
          inCongress,
          eb('s.status', 'not in', beforeRegistration),
          eb.exists(
            eb
              .selectFrom('suggestion_category as sc')
              .select(sql`1`.as('one'))
              .whereRef('sc.congress_id', '=', 's.congress_id')
              .whereRef('sc.code', '=', 's.category_code')
              .where('sc.committee_id', '=', g.committeeId ?? -1),
          ),
        ]);
      case 'government_office': {
        const systemId = g.unitSystemId ?? -1;
        return eb.and([
          inCongress,
          eb(
            's.id',
            'in',
            eb
              .selectFrom('assignment as a')
              .innerJoin('handling_unit as u', 'u.id', 'a.unit_id')
              .select('a.suggestion_id as id')
              .where('a.state', '!=', 'ended')
              .where('u.unit_system_id', '=', systemId)
              .union(
                eb
                  .selectFrom('pre_assignment as p')
                  .innerJoin('handling_unit as u', 'u.id', 'p.unit_id')
                  .innerJoin('suggestion as pre', 'pre.id', 'p.suggestion_id')
                  .select('p.suggestion_id as id')
                  .where('u.unit_system_id', '=', systemId)
                  .where('pre.status', '=', 'registered'),
              ),
          ),
        ]);
      }
      case 'unit_handler':
      case 'unit_reviewer':
      case 'unit_signer': {
        const unitId = g.unitId ?? -1;
        return eb(
          's.id',
          'in',
          eb
            .selectFrom('assignment as a')
            .select('a.suggestion_id as id')
            .where('a.unit_id', '=', unitId)
            .where('a.state', '!=', 'ended')
            // 预交办: units see what is coming before the assignment is made.
            .union(
              eb
                .selectFrom('pre_assignment as p')
                .innerJoin('suggestion as pre', 'pre.id', 'p.suggestion_id')
                .select('p.suggestion_id as id')
                .where('p.unit_id', '=', unitId)
                .where('pre.status', '=', 'registered'),
            ),
        );
      }
      default:
        // The later modules' roles (role-table.ts) see no suggestion until their module says which.
        return sql<SqlBool>`false`;
    }
  };
}

export interface SuggestionRelation {
  status: SuggestionStatus;
  leadDeputyId: number;
  /** Confirmed co-signers may rate; invited ones may confirm. */
  isConfirmedCosigner: boolean;
  /** The viewer's unit holds an active assignment on it (and which role). */
  unitAssignmentRole: 'sole' | 'lead' | 'co' | 'separate' | null;
  /** The government office's system has units assigned. */
  isOwnSystem: boolean;
}

/** The names under which the viewer may act on this suggestion, for the workflow table. */
export function actorsOf(viewer: Viewer, rel: SuggestionRelation): Actor[] {
  const g = viewer.grant;
  switch (g.role) {
    case 'deputy': {
      const actors: Actor[] = [];
      if (rel.leadDeputyId === g.deputyId) actors.push('lead_deputy', 'deputy');
      else if (rel.isConfirmedCosigner) actors.push('deputy');
      return actors;
    }
    case 'unit_handler':
    case 'unit_reviewer':
    case 'unit_signer':
      return rel.unitAssignmentRole ? [g.role] : [];
    case 'government_office':
      return rel.isOwnSystem ? ['government_office'] : [];
    case 'liaison_office':
    case 'committee':
    case 'leader':
      return [g.role];
    default:
      return [];
  }
}

export function mayFire(viewer: Viewer, action: SuggestionAction, rel: SuggestionRelation): boolean {
  return canFire(action, rel.status, actorsOf(viewer, rel));
}
