import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { idParam, promiseProgressBody } from '../suggestion/suggestion.schemas.js';
import { answerFulfilment, assessPromiseProgress, focusPromise, fulfilPromise, reportPromiseProgress, requestFulfilment } from './commands/follow-promise.js';
import { listPromises } from './ledger.repository.js';
import { focusBody, fulfilmentAnswerBody, fulfilmentRequestBody, ledgerQuery, progressAssessmentBody, progressParams } from './ledger.schemas.js';

const tags = ['承诺台账'];

export const ledgerRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const inTransaction = <T>(work: (tx: Tx) => Promise<T>) => ctx.db.transaction().execute(work);

    app.get(
      '/promises',
      { schema: { tags, summary: '承诺事项台账（列入台账的答复类别）；回头看：按会议、年度、是否重点督办筛选', querystring: ledgerQuery } },
      async (request) => listPromises(ctx.db, requireViewer(request), request.query),
    );

    app.post('/promises/:id/progress', { schema: { tags, summary: '报告承诺进展（承办单位经办人）', params: idParam, body: promiseProgressBody } }, async (request) => {
      const viewer = requireViewer(request);
      return inTransaction((tx) => reportPromiseProgress(tx, viewer, request.params.id, request.body.progress));
    });

    app.post(
      '/promises/:id/progress/:progressId/assessment',
      { schema: { tags, summary: '代表评价一次进展报告是否满意', params: progressParams, body: progressAssessmentBody } },
      async (request) => {
        const viewer = requireViewer(request);
        return inTransaction((tx) => assessPromiseProgress(tx, viewer, request.params.id, request.params.progressId, request.body, ctx.clock));
      },
    );

    app.post(
      '/promises/:id/fulfilment-request',
      { schema: { tags, summary: '申请销号（承办单位经办人）；领衔代表须在反馈期限内确认', params: idParam, body: fulfilmentRequestBody } },
      async (request) => {
        const viewer = requireViewer(request);
        return inTransaction((tx) => requestFulfilment(tx, viewer, request.params.id, request.body.note, ctx.clock));
      },
    );

    app.post(
      '/promises/:id/fulfilment-answer',
      { schema: { tags, summary: '领衔代表同意或不同意销号（不同意须说明理由）', params: idParam, body: fulfilmentAnswerBody } },
      async (request) => {
        const viewer = requireViewer(request);
        return inTransaction((tx) => answerFulfilment(tx, viewer, request.params.id, request.body, ctx.clock));
      },
    );

    app.post(
      '/promises/:id/fulfil',
      {
        schema: {
          tags,
          summary: '承诺销号（联工委）：代表同意后销号；代表不同意或反馈期限届满未确认的，联工委须说明理由裁定',
          params: idParam,
          body: fulfilmentRequestBody,
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return inTransaction((tx) => fulfilPromise(tx, viewer, request.params.id, request.body.note, ctx.clock));
      },
    );

    app.post('/promises/:id/focus', { schema: { tags, summary: '回头看：列为重点督办（联工委）', params: idParam, body: focusBody } }, async (request) => {
      const viewer = requireViewer(request);
      return inTransaction((tx) => focusPromise(tx, viewer, request.params.id, request.body.note, ctx.clock));
    });
  };
