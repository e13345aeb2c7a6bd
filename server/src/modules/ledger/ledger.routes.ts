import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import { idParam, promiseFulfilBody, promiseProgressBody } from '../suggestion/suggestion.schemas.js';
import { fulfilPromise, reportPromiseProgress } from './commands/follow-promise.js';
import { listPromises } from './ledger.repository.js';

const ledgerQuery = z.object({
  status: z.enum(['open', 'fulfilled']).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ledgerRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/promises', { schema: { tags: ['承诺台账'], summary: '承诺事项台账（B类、A2类答复）', querystring: ledgerQuery } }, async (request) => {
      const viewer = requireViewer(request);
      return listPromises(ctx.db, viewer, request.query);
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
