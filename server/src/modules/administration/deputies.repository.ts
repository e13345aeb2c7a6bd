import { sql } from 'kysely';
import type { Executor } from '../../platform/db.js';
import type { DeputyQuery } from './deputies.schemas.js';

// The office's own list of its deputies, with their private particulars: only the
// administration routes (liaison office) read it. Other lists (pickers, suggestions) never
// select phone or ID number.

function deputiesQuery(db: Executor, congressId: number) {
  return db
    .selectFrom('deputy as d')
    .innerJoin('term as t', 't.id', 'd.term_id')
    .leftJoin('delegation as dl', 'dl.id', 'd.delegation_id')
    .leftJoin('deputy_group as g', 'g.id', 'd.deputy_group_id')
    .leftJoin('app_user as u', 'u.id', 'd.user_id')
    .where('d.congress_id', '=', congressId);
}

const selected = [
  'd.id',
  'd.term_id',
  't.ordinal as term_ordinal',
  'd.name',
  'd.name_pinyin',
  'd.gender',
  'd.ethnicity',
  'd.delegation_id',
  'dl.name as delegation_name',
  'd.deputy_group_id',
  'g.name as deputy_group_name',
  'd.occupation',
  'd.phone',
  'd.id_number',
  'd.status',
  'd.status_on',
  'd.user_id',
  'u.username',
] as const;

type Row = Awaited<ReturnType<typeof findDeputy>>;

export function findDeputy(db: Executor, congressId: number, deputyId: number) {
  return deputiesQuery(db, congressId)
    .select(selected)
    .select(sql<number>`(select count(*) from suggestion s where s.lead_deputy_id = d.id)::int`.as('suggestion_count'))
    .where('d.id', '=', deputyId)
    .executeTakeFirstOrThrow();
}

export function presentDeputy(r: Row) {
  return {
    id: r.id,
    termId: r.term_id,
    termOrdinal: r.term_ordinal,
    name: r.name,
    namePinyin: r.name_pinyin,
    gender: r.gender,
    ethnicity: r.ethnicity,
    delegationId: r.delegation_id,
    delegationName: r.delegation_name,
    deputyGroupId: r.deputy_group_id,
    deputyGroupName: r.deputy_group_name,
    occupation: r.occupation,
    phone: r.phone,
    idNumber: r.id_number,
    status: r.status,
    statusOn: r.status_on,
    userId: r.user_id,
    username: r.username,
    suggestionCount: r.suggestion_count,
  };
}

export async function listDeputies(db: Executor, congressId: number, query: DeputyQuery) {
  let q = deputiesQuery(db, congressId);
  if (query.termId) q = q.where('d.term_id', '=', query.termId);
  if (query.status) q = q.where('d.status', '=', query.status);
  if (query.delegationId) q = q.where('d.delegation_id', '=', query.delegationId);
  if (query.q) {
    const text = query.q;
    q = q.where((eb) =>
      eb.or([eb('d.name', 'like', `%${text}%`), eb('d.name_pinyin', 'like', `${text.toLowerCase()}%`)]),
    );
  }
  const [rows, total] = await Promise.all([
    q
      .select(selected)
      .select(
        sql<number>`(select count(*) from suggestion s where s.lead_deputy_id = d.id)::int`.as('suggestion_count'),
      )
      .orderBy('d.name_pinyin')
      .orderBy('d.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    q.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentDeputy), total: total.n };
}
