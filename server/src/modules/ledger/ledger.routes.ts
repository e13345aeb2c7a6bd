import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import { suggestionNumberLabel } from '../../shared/labels.js';
import { idParam, promiseFulfilBody, promiseProgressBody } from '../suggestion/suggestion.schemas.js';
import { fulfilPromise, reportPromiseProgress } from './commands/follow-promise.js';
import { promisesVisibleTo } from './ledger.policy.js';

const ledgerQuery = z.object({
  status: z.enum(['open', 'fulfilled']).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ledgerRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/promises', { schema: { tags: ['承诺台账'], summary: '承诺事项台账（B类、A2类答复）', querystring: ledgerQuery } }, async (request) => {
      const viewer = requireViewer(request);
      const q = request.query;
      let base = ctx.db
        .selectFrom('promise as p')
        .innerJoin('suggestion as s', 's.id', 'p.suggestion_id')
        .innerJoin('handling_unit as u', 'u.id', 'p.unit_id')
        .where(promisesVisibleTo(viewer));
      if (q.status) base = base.where('p.status', '=', q.status);
      if (q.unitId) base = base.where('p.unit_id', '=', q.unitId);
      const [rows, total] = await Promise.all([
        base
          .select([
            'p.id', 'p.suggestion_id', 'p.class_code', 'p.done_text', 'p.planned_text', 'p.not_done_reason', 'p.target_on',
            'p.status', 'p.fulfilled_at', 'p.fulfil_note', 'p.version', 's.title', 's.number', 's.period', 'u.name as unit_name',
          ])
          .orderBy('p.target_on')
          .orderBy('p.id')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      const progress = rows.length
        ? await ctx.db.selectFrom('promise_progress').selectAll().where('promise_id', 'in', rows.map((r) => r.id)).orderBy('id').execute()
        : [];
      return {
        total: Number(total.n),
        items: rows.map((r) => ({
          id: r.id,
          suggestionId: r.suggestion_id,
          suggestionTitle: r.title,
          suggestionNumber: suggestionNumberLabel(r.period, r.number),
          unitName: r.unit_name,
          classCode: r.class_code,
          doneText: r.done_text,
          plannedText: r.planned_text,
          notDoneReason: r.not_done_reason,
          targetOn: r.target_on,
          status: r.status,
          fulfilledAt: r.fulfilled_at,
          fulfilNote: r.fulfil_note,
          progress: progress.filter((p) => p.promise_id === r.id).map((p) => ({ reportedAt: p.reported_at, progress: p.progress })),
        })),
      };
    });

    app.post('/promises/:id/progress', { schema: { tags: ['承诺台账'], summary: '报告承诺进展（承办单位）', params: idParam, body: promiseProgressBody } }, async (request) => {
      const viewer = requireViewer(request);
      return ctx.db.transaction().execute((tx) => reportPromiseProgress(tx, viewer, request.params.id, request.body.progress));
    });

    app.post('/promises/:id/fulfil', { schema: { tags: ['承诺台账'], summary: '承诺销号（联工委）', params: idParam, body: promiseFulfilBody } }, async (request) => {
      const viewer = requireViewer(request);
      return ctx.db.transaction().execute((tx) => fulfilPromise(tx, viewer, request.params.id, request.body.note, ctx.clock));
    });
  };
