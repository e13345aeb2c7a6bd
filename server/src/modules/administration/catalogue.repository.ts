import { sql } from 'kysely';
import type { Executor } from '../../platform/db.js';

export async function listAdminCategories(db: Executor, congressId: number) {
  const rows = await db
    .selectFrom('suggestion_category as c')
    .leftJoin('committee as m', 'm.id', 'c.committee_id')
    .select([
      'c.code',
      'c.name',
      'c.parent_code',
      'c.committee_id',
      'm.name as committee_name',
      'c.retired_at',
      sql<number>`(select count(*) from suggestion s where s.congress_id = c.congress_id and s.category_code = c.code)::int`.as(
        'suggestion_count',
      ),
    ])
    .where('c.congress_id', '=', congressId)
    .orderBy('c.code')
    .execute();
  return {
    items: rows.map((r) => ({
      code: r.code,
      name: r.name,
      parentCode: r.parent_code,
      committeeId: r.committee_id,
      committeeName: r.committee_name,
      retiredAt: r.retired_at,
      suggestionCount: r.suggestion_count,
    })),
  };
}

/** The congress's own terms; search and routing read them through this function too. */
export async function listDictionary(db: Executor, congressId: number, kind?: 'place' | 'unit' | 'other') {
  let q = db
    .selectFrom('dictionary_entry')
    .select(['id', 'kind', 'term', 'note'])
    .where('congress_id', '=', congressId);
  if (kind) q = q.where('kind', '=', kind);
  return { items: await q.orderBy('kind').orderBy('term').execute() };
}
