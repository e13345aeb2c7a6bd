import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { failures, writeFailures } from '../../platform/api-schemas.js';
import { sameShape } from '../../platform/schema-shape.js';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { idParam, promiseProgressBody } from '../suggestion/suggestion.schemas.js';
import {
  answerFulfilment,
  assessPromiseProgress,
  focusPromise,
  fulfilPromise,
  reportPromiseProgress,
  requestFulfilment,
} from './commands/follow-promise.js';
import { listPromises } from './ledger.repository.js';
import { presentProgress, presentPromise } from './ledger.presenter.js';
import {
  focusBody,
  fulfilmentAnswerBody,
  fulfilmentRequestBody,
  ledgerQuery,
  progressAssessmentBody,
  progressParams,
  promisePage,
  promiseProgress,
  promiseRecord,
} from './ledger.schemas.js';

const tags = ['承诺台账'];
sameShape<z.output<typeof promisePage>, Awaited<ReturnType<typeof listPromises>>>();
sameShape<z.output<typeof promiseRecord>, ReturnType<typeof presentPromise>>();
const onPromise =
  '承诺事项 id（路径中的 id）取自 GET /api/promises 的 items[].id；无需 version。已销号或已被取代的承诺事项答复 409。';

export const ledgerRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const inTransaction = <T>(work: (tx: Tx) => Promise<T>) => ctx.db.transaction().execute(work);

    app.get(
      '/promises',
      {
        schema: {
          tags,
          operationId: 'listPromises',
          summary: '承诺事项台账（列入台账的答复类别）；回头看：按会议、年度、是否重点督办筛选',
          description:
            '当前用户可见的承诺事项（承办单位看本单位的，代表看本人建议的，联工委看本级的），每项带进展报告 progress[]。beforeSessionId 列出此前各次会议的（回头看），其 suggestionId 可用于续交办 POST /api/suggestions/{id}/continuation。',
          querystring: ledgerQuery,
          response: { 200: promisePage, ...failures(400, 401) },
        },
      },
      async (request) => listPromises(ctx.db, requireViewer(request), request.query, ctx.clock),
    );

    app.post(
      '/promises/:id/progress',
      {
        schema: {
          tags,
          operationId: 'reportPromiseProgress',
          summary: '报告承诺进展（承办单位经办人）',
          description: `本单位经办人报告承诺事项的进展；领衔代表和联名代表收到通知并可评价。${onPromise} 答复 201 与新的进展报告。`,
          params: idParam,
          body: promiseProgressBody,
          response: { 201: promiseProgress, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const row = await inTransaction((tx) =>
          reportPromiseProgress(tx, viewer, request.params.id, request.body.progress, ctx.clock),
        );
        return reply.code(201).send(presentProgress(row));
      },
    );

    app.post(
      '/promises/:id/progress/:progressId/assessment',
      {
        schema: {
          tags,
          operationId: 'assessPromiseProgress',
          summary: '代表评价一次进展报告是否满意',
          description: `progressId 取自该承诺事项的 progress[].id；不满意须说明理由（comment）。${onPromise}`,
          params: progressParams,
          body: progressAssessmentBody,
          response: { 200: promiseProgress, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return presentProgress(
          await inTransaction((tx) =>
            assessPromiseProgress(tx, viewer, request.params.id, request.params.progressId, request.body, ctx.clock),
          ),
        );
      },
    );

    app.post(
      '/promises/:id/fulfilment-request',
      {
        schema: {
          tags,
          operationId: 'requestFulfilment',
          summary: '申请销号（承办单位经办人）；领衔代表须在反馈期限内确认',
          description: `承诺事项办完后，本单位经办人申请销号；领衔代表在 verdictDue 之前以 POST /api/promises/{id}/fulfilment-answer 表态。${onPromise}`,
          params: idParam,
          body: fulfilmentRequestBody,
          response: { 200: promiseRecord, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return presentPromise(
          await inTransaction((tx) => requestFulfilment(tx, viewer, request.params.id, request.body.note, ctx.clock)),
        );
      },
    );

    app.post(
      '/promises/:id/fulfilment-answer',
      {
        schema: {
          tags,
          operationId: 'answerFulfilment',
          summary: '领衔代表同意或不同意销号（不同意须说明理由）',
          description: `对承办单位的销号申请（fulfilmentRequestedAt 不为 null）表态。同意后联工委以 POST /api/promises/{id}/fulfil 销号。${onPromise}`,
          params: idParam,
          body: fulfilmentAnswerBody,
          response: { 200: promiseRecord, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return presentPromise(
          await inTransaction((tx) => answerFulfilment(tx, viewer, request.params.id, request.body, ctx.clock)),
        );
      },
    );

    app.post(
      '/promises/:id/fulfil',
      {
        schema: {
          tags,
          operationId: 'fulfilPromise',
          summary: '承诺销号（联工委）：代表同意后销号；代表不同意或反馈期限届满未确认的，联工委须说明理由裁定',
          description: `deputyVerdict 为 accepted 时直接销号；为 disputed，或 verdictDue 已过而代表未表态时，须在 note 中说明理由；代表尚可表态时答复 409。${onPromise}`,
          params: idParam,
          body: fulfilmentRequestBody,
          response: { 200: promiseRecord, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return presentPromise(
          await inTransaction((tx) => fulfilPromise(tx, viewer, request.params.id, request.body.note, ctx.clock)),
        );
      },
    );

    app.post(
      '/promises/:id/focus',
      {
        schema: {
          tags,
          operationId: 'focusPromise',
          summary: '回头看：列为重点督办（联工委）',
          description: `把一项未完成的承诺事项列为重点督办（focused），此后可用 GET /api/promises?focused=true 查看。${onPromise}`,
          params: idParam,
          body: focusBody,
          response: { 200: promiseRecord, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return presentPromise(
          await inTransaction((tx) => focusPromise(tx, viewer, request.params.id, request.body.note, ctx.clock)),
        );
      },
    );
  };
