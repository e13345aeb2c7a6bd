import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Executor } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { sessionLabel } from '../../shared/labels.js';
import { searchQuery } from '../../text/segment.js';
import { publicSuggestions } from './portal.policy.js';
import type { PublicListQuery } from './portal.schemas.js';
import type { RatingLevel } from '../suggestion/suggestion.workflow.js';

/** The fields of a published suggestion that anyone may read. */
function items(db: Executor) {
  return publicSuggestions(db)
    .innerJoin('congress_session as cs', 'cs.id', 's.session_id')
    .innerJoin('term as t', 't.id', 'cs.term_id')
    .innerJoin('congress as g', 'g.id', 's.congress_id')
    .leftJoin('deputy as d', 'd.id', 's.lead_deputy_id')
    .leftJoin('delegation as dl', 'dl.id', 's.delegation_id')
    .leftJoin('suggestion_category as c', (j) =>
      j.onRef('c.congress_id', '=', 's.congress_id').onRef('c.code', '=', 's.category_code'),
    )
    .select([
      's.id',
      's.number',
      's.period',
      's.title',
      's.published_at',
      'g.short_name',
      't.ordinal as term_ordinal',
      'cs.ordinal as session_ordinal',
      'd.name as lead_deputy_name',
      'dl.name as delegation_name',
      'c.name as category_name',
      sql<
        { name: string; role: 'sole' | 'lead' | 'co' | 'separate' }[] | null
      >`(select json_agg(json_build_object('name', u.name, 'role', a.role) order by a.id)
        from assignment a join handling_unit u on u.id = a.unit_id where a.suggestion_id = s.id and a.state <> 'ended')`.as(
        'units',
      ),
      sql<
        string | null
      >`(select r.class_code from reply r where r.suggestion_id = s.id and r.state = 'sent' order by r.id desc limit 1)`.as(
        'reply_class',
      ),
      // The deputy's rating as an outcome: the lead deputy's latest, never its comment.
      sql<{
        attitude: RatingLevel;
        result: RatingLevel;
      } | null>`(select json_build_object('attitude', r.attitude, 'result', r.result) from rating r
        where r.suggestion_id = s.id and r.is_lead_deputy order by r.id desc limit 1)`.as('rating'),
    ]);
}

const present = (r: Awaited<ReturnType<ReturnType<typeof items>['execute']>>[number]) => ({
  id: r.id,
  number: r.number,
  period: r.period,
  title: r.title,
  sessionName: sessionLabel(r.short_name, r.term_ordinal, r.session_ordinal),
  categoryName: r.category_name,
  leadDeputyName: r.lead_deputy_name,
  delegationName: r.delegation_name,
  units: r.units ?? [],
  replyClass: r.reply_class,
  rating: r.rating,
  publishedAt: r.published_at,
});

/** The filters of the portal: sessions, categories and units that have published suggestions. */
export async function publicOptions(db: Executor) {
  const published = publicSuggestions(db).select('s.id');
  const [sessions, categories, units] = await Promise.all([
    db
      .selectFrom('congress_session as cs')
      .innerJoin('term as t', 't.id', 'cs.term_id')
      .innerJoin('congress as g', 'g.id', 'cs.congress_id')
      .select(['cs.id', 'g.short_name', 't.ordinal as term_ordinal', 'cs.ordinal'])
      .where('cs.id', 'in', publicSuggestions(db).select('s.session_id'))
      .orderBy('cs.opens_on', 'desc')
      .execute(),
    db.selectFrom('suggestion_category').select(['code', 'name']).distinct().orderBy('code').execute(),
    db
      .selectFrom('handling_unit as u')
      .select(['u.id', 'u.name'])
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('assignment as a')
            .select('a.id')
            .whereRef('a.unit_id', '=', 'u.id')
            .where('a.suggestion_id', 'in', published),
        ),
      )
      .orderBy('u.id')
      .execute(),
  ]);
  return {
    sessions: sessions.map((s) => ({ id: s.id, name: sessionLabel(s.short_name, s.term_ordinal, s.ordinal) })),
    categories,
    units,
  };
}

export async function listPublicSuggestions(db: Executor, q: PublicListQuery) {
  let base = publicSuggestions(db);
  if (q.congressId) base = base.where('s.congress_id', '=', q.congressId);
  if (q.sessionId) base = base.where('s.session_id', '=', q.sessionId);
  if (q.categoryCode) base = base.where('s.category_code', '=', q.categoryCode);
  if (q.unitId) {
    const unitId = q.unitId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignment as a')
          .select('a.id')
          .whereRef('a.suggestion_id', '=', 's.id')
          .where('a.unit_id', '=', unitId)
          .where('a.state', '!=', 'ended'),
      ),
    );
  }
  const leadRating = (eb: ExpressionBuilder<Database & { s: Database['suggestion'] }, 's'>) =>
    eb
      .selectFrom('rating as r')
      .select('r.id')
      .whereRef('r.suggestion_id', '=', 's.id')
      .where('r.is_lead_deputy', '=', true);
  if (q.rating) {
    const level = q.rating;
    base = base.where((eb) => eb.exists(leadRating(eb).where('r.result', '=', level)));
  }
  if (q.unsatisfied === 'true') {
    base = base.where((eb) =>
      eb.exists(
        leadRating(eb).where((w) => w.or([w('r.result', '=', 'unsatisfied'), w('r.attitude', '=', 'unsatisfied')])),
      ),
    );
  }
  if (q.q) {
    const tsQuery = searchQuery(q.q);
    base = base.where(
      tsQuery ? sql<boolean>`s.search_tokens @@ to_tsquery('simple', ${tsQuery})` : sql<boolean>`false`,
    );
  }
  const ids = base.select('s.id');
  const [rows, total] = await Promise.all([
    items(db)
      .where('s.id', 'in', ids)
      .orderBy('s.published_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(total.n), items: rows.map(present) };
}

export async function findPublicSuggestion(db: Executor, id: number) {
  const row = await items(db).select('s.body').where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('公开的建议');
  const [cosigners, replies] = await Promise.all([
    db
      .selectFrom('suggestion_cosigner as c')
      .innerJoin('deputy as d', 'd.id', 'c.deputy_id')
      .select('d.name')
      .where('c.suggestion_id', '=', row.id)
      .where('c.status', '=', 'confirmed')
      .orderBy('d.name_pinyin')
      .execute(),
    // Only sent letters: a draft reply is never public.
    db
      .selectFrom('reply as r')
      .innerJoin('handling_unit as u', 'u.id', 'r.unit_id')
      .select(['u.name as unit_name', 'r.class_code', 'r.doc_number', 'r.body', 'r.sent_at'])
      .where('r.suggestion_id', '=', row.id)
      .where('r.state', '=', 'sent')
      .orderBy('r.id')
      .execute(),
  ]);
  return {
    ...present(row),
    body: row.body,
    coSignerNames: cosigners.map((c) => c.name),
    replies: replies.map((r) => ({
      unitName: r.unit_name,
      classCode: r.class_code,
      docNumber: r.doc_number,
      body: r.body,
      sentAt: r.sent_at,
    })),
  };
}
