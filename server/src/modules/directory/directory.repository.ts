import { sql } from 'kysely';
import type { Executor } from '../../platform/db.js';
import { sessionLabel } from '../../shared/labels.js';

// Reference lists of one congress, for pickers and filters. Nothing here is confidential
// within the congress: names of units, categories, deputies and sessions.

/** The units in use: a retired unit (机构改革) takes no new work, so pickers never offer it. */
export function listUnits(db: Executor, congressId: number) {
  return db
    .selectFrom('handling_unit as u')
    .innerJoin('unit_system as s', 's.id', 'u.unit_system_id')
    .select(['u.id', 'u.name', 'u.short_name', 'u.unit_system_id', 's.name as system_name', 'u.review_chain'])
    .where('u.congress_id', '=', congressId)
    .where('u.retired_at', 'is', null)
    .orderBy('s.id')
    .orderBy('u.id')
    .execute();
}

export function listCategories(db: Executor, congressId: number) {
  return db
    .selectFrom('suggestion_category as c')
    .leftJoin('committee as m', 'm.id', 'c.committee_id')
    .select(['c.code', 'c.name', 'm.name as committee_name'])
    .where('c.congress_id', '=', congressId)
    .orderBy('c.code')
    .execute();
}

/** The delegations, retired ones too: past years' figures are filtered by them. */
export function listDelegations(db: Executor, congressId: number) {
  return db
    .selectFrom('delegation')
    .select(['id', 'name', 'retired_at'])
    .where('congress_id', '=', congressId)
    .orderBy('id')
    .execute();
}

/** Deputies by name or by the start of their pinyin key, at most 30. */
export function findDeputies(db: Executor, congressId: number, text: string) {
  let q = db
    .selectFrom('deputy as d')
    .leftJoin('delegation as dl', 'dl.id', 'd.delegation_id')
    .select(['d.id', 'd.name', 'dl.name as delegation_name'])
    .where('d.congress_id', '=', congressId)
    .where('d.status', '=', 'serving');
  if (text)
    q = q.where((eb) =>
      eb.or([eb('d.name', 'like', `%${text}%`), eb('d.name_pinyin', 'like', `${text.toLowerCase()}%`)]),
    );
  return q.orderBy('d.name_pinyin').limit(30).execute();
}

export async function listSessions(db: Executor, congressId: number) {
  const rows = await db
    .selectFrom('congress_session as s')
    .innerJoin('term as t', 't.id', 's.term_id')
    .innerJoin('congress as c', 'c.id', 's.congress_id')
    .select([
      's.id',
      's.ordinal',
      't.ordinal as term_ordinal',
      'c.short_name',
      's.opens_on',
      's.closes_on',
      's.submission_closes_at',
      's.reassignment_window_until',
      's.is_current',
    ])
    .where('s.congress_id', '=', congressId)
    .orderBy('s.opens_on', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, label: sessionLabel(r.short_name, r.term_ordinal, r.ordinal) }));
}

export function listClasses(db: Executor, congressId: number, sessionId?: number) {
  let q = db
    .selectFrom('suggestion_class as c')
    .select([
      'c.id',
      'c.name',
      'c.session_id',
      sql<number>`(select count(*) from suggestion s where s.class_id = c.id)::int`.as('size'),
    ])
    .where('c.congress_id', '=', congressId);
  if (sessionId) q = q.where('c.session_id', '=', sessionId);
  return q.orderBy('c.id').execute();
}
