import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { requireRole } from '../../platform/auth/roles.js';
import type { AppContext } from '../../platform/context.js';
import { suggestionNumberLabel } from '../../shared/labels.js';
import { ruleExtension } from './commands/extension-request.js';
import { extendReassignmentWindow, ruleReassignment } from './commands/rule-reassignment.js';
import { extensionRulingBody, idParam, reassignmentRulingBody, windowBody } from './suggestion.schemas.js';

const statusQuery = z.object({
  status: z.enum(['pending', 'accepted', 'rejected', 'granted', 'refused']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The office's queues of requests to rule on: reassignments and extensions. */
export const requestRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/reassignment-requests', { schema: { tags: ['调整与延期'], summary: '调整申请列表（联工委）', querystring: statusQuery } }, async (request) => {
      const viewer = requireRole(request, ['liaison_office']);
      let q = ctx.db
        .selectFrom('reassignment_request as r')
        .innerJoin('suggestion as s', 's.id', 'r.suggestion_id')
        .innerJoin('app_user as p', 'p.id', 'r.requested_by')
        .where('r.congress_id', '=', viewer.grant.congressId);
      if (request.query.status) q = q.where('r.status', '=', request.query.status as 'pending');
      const { page, pageSize } = request.query;
      const [rows, total] = await Promise.all([
        q
          .select([
            'r.id', 'r.suggestion_id', 'r.requester_kind', 'p.display_name as requester_name', 'r.reason', 'r.proposed_unit_ids', 'r.status', 'r.ruling_reason', 'r.created_at', 's.title', 's.number', 's.period', 's.version',
            sql<string[]>`coalesce((select array_agg(u.name order by u.id) from handling_unit u where u.id = any(r.proposed_unit_ids)), '{}')`.as('proposed_unit_names'),
            sql<string | null>`(select u.name from assignment a join handling_unit u on u.id = a.unit_id where a.id = r.assignment_id)`.as('requesting_unit_name'),
          ])
          .orderBy('r.id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { total: Number(total.n), items: rows.map((r) => ({ ...r, numberLabel: suggestionNumberLabel(r.period, r.number) })) };
    });

    app.post('/reassignment-requests/:id/ruling', { schema: { tags: ['调整与延期'], summary: '对调整申请作出决定（联工委）', params: idParam, body: reassignmentRulingBody } }, async (request) => {
      const viewer = requireRole(request, ['liaison_office']);
      return ctx.db.transaction().execute((tx) => ruleReassignment(tx, viewer, request.params.id, request.body, ctx.clock));
    });

    app.post('/sessions/:id/reassignment-window', { schema: { tags: ['调整与延期'], summary: '统一延长调整申请期限（联工委）', params: idParam, body: windowBody } }, async (request) => {
      const viewer = requireRole(request, ['liaison_office']);
      return ctx.db.transaction().execute((tx) => extendReassignmentWindow(tx, viewer, request.params.id, request.body.until));
    });

    app.get('/extension-requests', { schema: { tags: ['调整与延期'], summary: '延期申请列表（联工委）', querystring: statusQuery } }, async (request) => {
      const viewer = requireRole(request, ['liaison_office']);
      let q = ctx.db
        .selectFrom('extension_request as e')
        .innerJoin('suggestion as s', 's.id', 'e.suggestion_id')
        .innerJoin('assignment as a', 'a.id', 'e.assignment_id')
        .innerJoin('handling_unit as u', 'u.id', 'a.unit_id')
        .where('e.congress_id', '=', viewer.grant.congressId);
      if (request.query.status) q = q.where('e.status', '=', request.query.status as 'pending');
      const { page, pageSize } = request.query;
      const [rows, total] = await Promise.all([
        q
          .select(['e.id', 'e.suggestion_id', 'u.name as unit_name', 'e.requested_due', 'a.reply_due', 'a.reply_due_latest', 'e.reason', 'e.status', 'e.ruling_reason', 'e.created_at', 's.title', 's.number', 's.period'])
          .orderBy('e.id', 'desc')
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { total: Number(total.n), items: rows.map((r) => ({ ...r, numberLabel: suggestionNumberLabel(r.period, r.number) })) };
    });

    app.post('/extension-requests/:id/ruling', { schema: { tags: ['调整与延期'], summary: '对延期申请作出决定（联工委）', params: idParam, body: extensionRulingBody } }, async (request) => {
      const viewer = requireRole(request, ['liaison_office']);
      return ctx.db.transaction().execute((tx) => ruleExtension(tx, viewer, request.params.id, request.body, ctx.clock));
    });
  };
