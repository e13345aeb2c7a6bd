import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { assignmentRoleLabels, ratingLabels, sessionLabel, statusLabels, suggestionNumberLabel } from '../../shared/labels.js';
import { searchQuery } from '../../text/segment.js';
import type { SuggestionStatus } from '../suggestion/suggestion.workflow.js';
import { publicSuggestions } from './portal.policy.js';

const tags = ['公众公开'];

const publicListQuery = z.object({
  congressId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  q: z.string().trim().max(100).optional(),
  categoryCode: z.string().max(32).optional(),
  unsatisfied: z.enum(['true', 'false']).optional(),
});

/** The public portal (阳光公开): no login, only what the office has published. */
export const portalRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/public/congresses', { schema: { tags, summary: '人大列表' } }, async () => ({
      items: await ctx.db.selectFrom('congress').select(['id', 'parent_id', 'level', 'name']).orderBy('id').execute(),
    }));

    app.get('/public/categories', { schema: { tags, summary: '建议类别', querystring: z.object({ congressId: z.coerce.number().int().positive() }) } }, async (request) => ({
      items: await ctx.db.selectFrom('suggestion_category').select(['code', 'name']).where('congress_id', '=', request.query.congressId).orderBy('code').execute(),
    }));

    app.get('/public/suggestions', { schema: { tags, summary: '已公开的建议及答复', querystring: publicListQuery } }, async (request) => {
      const q = request.query;
      let base = publicSuggestions(ctx.db);
      if (q.congressId) base = base.where('s.congress_id', '=', q.congressId);
      if (q.categoryCode) base = base.where('s.category_code', '=', q.categoryCode);
      if (q.unsatisfied === 'true') {
        base = base.where((eb) =>
          eb.exists(eb.selectFrom('rating as r').select('r.id').whereRef('r.suggestion_id', '=', 's.id').where('r.is_lead_deputy', '=', true).where((w) => w.or([w('r.result', '=', 'unsatisfied'), w('r.attitude', '=', 'unsatisfied')]))),
        );
      }
      if (q.q) {
        const tsQuery = searchQuery(q.q);
        base = base.where(tsQuery ? sql<boolean>`s.search_tokens @@ to_tsquery('simple', ${tsQuery})` : sql<boolean>`false`);
      }
      const [rows, total] = await Promise.all([
        base
          .leftJoin('deputy as d', 'd.id', 's.lead_deputy_id')
          .leftJoin('delegation as dl', 'dl.id', 's.delegation_id')
          .leftJoin('suggestion_category as c', (j) => j.onRef('c.congress_id', '=', 's.congress_id').onRef('c.code', '=', 's.category_code'))
          .innerJoin('congress as g', 'g.id', 's.congress_id')
          .select([
            's.id', 's.number', 's.period', 's.title', 's.status', 's.published_at', 'd.name as lead_deputy_name', 'dl.name as delegation_name', 'c.name as category_name', 'g.name as congress_name',
            sql<string | null>`(select string_agg(u.name, '、' order by a.id) from assignment a join handling_unit u on u.id = a.unit_id where a.suggestion_id = s.id and a.state <> 'ended' and a.role <> 'co')`.as('unit_names'),
            sql<string | null>`(select r.result from rating r where r.suggestion_id = s.id and r.is_lead_deputy order by r.id desc limit 1)`.as('result'),
          ])
          .orderBy('s.published_at', 'desc')
          .orderBy('s.id', 'desc')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return {
        total: Number(total.n),
        items: rows.map((r) => ({
          id: r.id,
          numberLabel: suggestionNumberLabel(r.period, r.number),
          title: r.title,
          statusLabel: statusLabels[r.status as SuggestionStatus],
          congressName: r.congress_name,
          leadDeputyName: r.lead_deputy_name,
          delegationName: r.delegation_name,
          categoryName: r.category_name,
          unitNames: r.unit_names,
          resultLabel: r.result ? ratingLabels[r.result as keyof typeof ratingLabels] : null,
          publishedAt: r.published_at,
        })),
      };
    });

    app.get('/public/suggestions/:id', { schema: { tags, summary: '已公开建议的全文、答复与代表测评', params: z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }) } }, async (request) => {
      const s = await publicSuggestions(ctx.db)
        .innerJoin('congress_session as cs', 'cs.id', 's.session_id')
        .innerJoin('term as t', 't.id', 'cs.term_id')
        .innerJoin('congress as g', 'g.id', 's.congress_id')
        .leftJoin('deputy as d', 'd.id', 's.lead_deputy_id')
        .leftJoin('delegation as dl', 'dl.id', 's.delegation_id')
        .leftJoin('suggestion_category as c', (j) => j.onRef('c.congress_id', '=', 's.congress_id').onRef('c.code', '=', 's.category_code'))
        .select(['s.id', 's.number', 's.period', 's.title', 's.body', 's.status', 's.published_at', 'g.name as congress_name', 'g.short_name', 't.ordinal as term_ordinal', 'cs.ordinal as session_ordinal', 'd.name as lead_deputy_name', 'dl.name as delegation_name', 'c.name as category_name'])
        .where('s.id', '=', request.params.id)
        .executeTakeFirst();
      if (!s) throw notFound('公开的建议');
      const [cosigners, units, replies, ratings] = await Promise.all([
        ctx.db.selectFrom('suggestion_cosigner as c').innerJoin('deputy as d', 'd.id', 'c.deputy_id').select('d.name').where('c.suggestion_id', '=', s.id).where('c.status', '=', 'confirmed').execute(),
        ctx.db.selectFrom('assignment as a').innerJoin('handling_unit as u', 'u.id', 'a.unit_id').select(['u.name', 'a.role']).where('a.suggestion_id', '=', s.id).where('a.state', '!=', 'ended').orderBy('a.id').execute(),
        // Only sent letters: a draft reply is never public.
        ctx.db.selectFrom('reply as r').innerJoin('handling_unit as u', 'u.id', 'r.unit_id').select(['r.id', 'u.name as unit_name', 'r.class_code', 'r.doc_number', 'r.body', 'r.sent_at', 'r.round']).where('r.suggestion_id', '=', s.id).where('r.state', '=', 'sent').orderBy('r.id').execute(),
        // The deputy's rating, as an outcome: never the comment, never a co-signer's.
        ctx.db.selectFrom('rating').select(['reply_id', 'attitude', 'result']).where('suggestion_id', '=', s.id).where('is_lead_deputy', '=', true).execute(),
      ]);
      return {
        id: s.id,
        numberLabel: suggestionNumberLabel(s.period, s.number),
        sessionLabel: sessionLabel(s.short_name, s.term_ordinal, s.session_ordinal),
        congressName: s.congress_name,
        title: s.title,
        body: s.body,
        statusLabel: statusLabels[s.status as SuggestionStatus],
        leadDeputyName: s.lead_deputy_name,
        cosignerNames: cosigners.map((c) => c.name),
        delegationName: s.delegation_name,
        categoryName: s.category_name,
        publishedAt: s.published_at,
        units: units.map((u) => ({ name: u.name, roleLabel: assignmentRoleLabels[u.role] })),
        replies: replies.map((r) => {
          const rating = ratings.find((x) => x.reply_id === r.id);
          return {
            id: r.id,
            unitName: r.unit_name,
            classCode: r.class_code,
            docNumber: r.doc_number,
            body: r.body,
            sentAt: r.sent_at,
            round: r.round,
            rating: rating ? { attitudeLabel: ratingLabels[rating.attitude], resultLabel: ratingLabels[rating.result] } : null,
          };
        }),
      };
    });
  };
