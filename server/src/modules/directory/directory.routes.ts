import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import { sessionLabel } from '../../shared/labels.js';

const tags = ['基础数据'];

/** Reference lists of the viewer's congress for pickers: units, categories, deputies, sessions. */
export const directoryRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/directory/units', { schema: { tags, summary: '承办单位（按系统）' } }, async (request) => {
      const viewer = requireViewer(request);
      const rows = await ctx.db
        .selectFrom('handling_unit as u')
        .innerJoin('unit_system as s', 's.id', 'u.unit_system_id')
        .select(['u.id', 'u.name', 'u.short_name', 'u.unit_system_id', 's.name as system_name', 'u.review_chain'])
        .where('u.congress_id', '=', viewer.grant.congressId)
        .orderBy('s.id')
        .orderBy('u.id')
        .execute();
      return { items: rows };
    });

    app.get('/directory/categories', { schema: { tags, summary: '建议类别' } }, async (request) => {
      const viewer = requireViewer(request);
      const rows = await ctx.db
        .selectFrom('suggestion_category as c')
        .leftJoin('committee as m', 'm.id', 'c.committee_id')
        .select(['c.code', 'c.name', 'm.name as committee_name'])
        .where('c.congress_id', '=', viewer.grant.congressId)
        .orderBy('c.code')
        .execute();
      return { items: rows };
    });

    app.get(
      '/directory/deputies',
      { schema: { tags, summary: '本级人大代表（选择联名代表用）', querystring: z.object({ q: z.string().trim().max(40).default('') }) } },
      async (request) => {
        const viewer = requireViewer(request);
        let q = ctx.db
          .selectFrom('deputy as d')
          .leftJoin('delegation as dl', 'dl.id', 'd.delegation_id')
          .select(['d.id', 'd.name', 'dl.name as delegation_name'])
          .where('d.congress_id', '=', viewer.grant.congressId);
        if (request.query.q) q = q.where((eb) => eb.or([eb('d.name', 'like', `%${request.query.q}%`), eb('d.name_pinyin', 'like', `${request.query.q.toLowerCase()}%`)]));
        return { items: await q.orderBy('d.name_pinyin').limit(30).execute() };
      },
    );

    app.get('/directory/sessions', { schema: { tags, summary: '届次与会议' } }, async (request) => {
      const viewer = requireViewer(request);
      const rows = await ctx.db
        .selectFrom('congress_session as s')
        .innerJoin('term as t', 't.id', 's.term_id')
        .innerJoin('congress as c', 'c.id', 's.congress_id')
        .select(['s.id', 's.ordinal', 't.ordinal as term_ordinal', 'c.short_name', 's.opens_on', 's.closes_on', 's.submission_closes_at', 's.reassignment_window_until', 's.is_current'])
        .where('s.congress_id', '=', viewer.grant.congressId)
        .orderBy('s.opens_on', 'desc')
        .execute();
      return { items: rows.map((r) => ({ ...r, label: sessionLabel(r.short_name, r.term_ordinal, r.ordinal) })) };
    });

    app.get('/directory/classes', { schema: { tags, summary: '建议归类', querystring: z.object({ sessionId: z.coerce.number().int().positive().optional() }) } }, async (request) => {
      const viewer = requireViewer(request);
      let q = ctx.db
        .selectFrom('suggestion_class as c')
        .select(['c.id', 'c.name', 'c.session_id', sql<number>`(select count(*) from suggestion s where s.class_id = c.id)::int`.as('size')])
        .where('c.congress_id', '=', viewer.grant.congressId);
      if (request.query.sessionId) q = q.where('c.session_id', '=', request.query.sessionId);
      return { items: await q.orderBy('c.id').execute() };
    });
  };
