import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { failures, writeFailures } from '../../platform/api-schemas.js';
import { requireRole } from '../../platform/auth/roles.js';
import { rolesFor } from '../../platform/workflow.js';
import { extensionRequestWorkflow, reassignmentRequestWorkflow } from './request.workflow.js';
import type { AppContext } from '../../platform/context.js';
import { ruleExtension } from './commands/extension-request.js';
import { extendReassignmentWindow, ruleReassignment } from './commands/rule-reassignment.js';
import { listExtensionRequests, listReassignmentRequests } from './request.repository.js';
import {
  presentExtensionRequest,
  presentExtensionRuling,
  presentReassignmentRequest,
  presentReassignmentRuling,
} from './request.presenter.js';
import {
  extensionQuery,
  extensionRequestPage,
  extensionRuling,
  reassignmentQuery,
  reassignmentRequestPage,
  reassignmentRuling,
  reassignmentWindow,
} from './request.schemas.js';
import { extensionRulingBody, idParam, reassignmentRulingBody, windowBody } from './suggestion.schemas.js';

const tags = ['调整与延期'];

/** The office's queues of requests to rule on: reassignments and extensions. */
export const requestRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/reassignment-requests',
      {
        schema: {
          tags,
          operationId: 'listReassignmentRequests',
          summary: '调整申请列表（联工委）',
          description:
            '本级人大的调整申请，新的在前。裁定待处理的一项：POST /api/reassignment-requests/{id}/ruling，带 items[].version。',
          querystring: reassignmentQuery,
          response: { 200: reassignmentRequestPage, ...failures(400, 401, 403) },
        },
      },
      async (request) => {
        const viewer = requireRole(request, ['liaison_office']);
        const page = await listReassignmentRequests(ctx.db, viewer.grant.congressId, request.query);
        return { total: page.total, items: page.items.map(presentReassignmentRequest) };
      },
    );

    app.post(
      '/reassignment-requests/:id/ruling',
      {
        schema: {
          tags,
          operationId: 'ruleReassignment',
          summary: '对调整申请作出决定（联工委）',
          description: [
            '前提：建议详情的 abilities.ruleReassignment 为 true；申请 id 取自详情的 reassignmentRequests[]（status 为 pending）或 GET /api/reassignment-requests。',
            '同意（accept: true）须给出新的交办方式 mode 与承办单位 units[]（unitId 取自 GET /api/directory/units）：不再承办的单位结束，新单位按办理规则重新计算期限；不同意须说明理由。',
            '请求体带建议的 version（详情或列表中的 version）；他人已先行修改则答复 409。已处理过的申请答复 409。',
          ].join('\n\n'),
          params: idParam,
          body: reassignmentRulingBody,
          response: { 200: reassignmentRuling, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(reassignmentRequestWorkflow, 'accept'));
        return presentReassignmentRuling(
          await ctx.db
            .transaction()
            .execute((tx) => ruleReassignment(tx, viewer, request.params.id, request.body, ctx.clock)),
        );
      },
    );

    app.post(
      '/sessions/:id/reassignment-window',
      {
        schema: {
          tags,
          operationId: 'extendReassignmentWindow',
          summary: '统一延长调整申请期限（联工委）',
          description:
            '会议 id 取自 GET /api/directory/sessions。该次会议各件正在承办的单位，其调整申请期限（assignments[].reassignmentWindowUntil）改为 until 与其本身期限中较晚的一天。',
          params: idParam,
          body: windowBody,
          response: { 200: reassignmentWindow, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, ['liaison_office']);
        return ctx.db
          .transaction()
          .execute((tx) => extendReassignmentWindow(tx, viewer, request.params.id, request.body.until, ctx.clock));
      },
    );

    app.get(
      '/extension-requests',
      {
        schema: {
          tags,
          operationId: 'listExtensionRequests',
          summary: '延期申请列表（联工委）',
          description: '本级人大的延期申请，新的在前。裁定待处理的一项：POST /api/extension-requests/{id}/ruling。',
          querystring: extensionQuery,
          response: { 200: extensionRequestPage, ...failures(400, 401, 403) },
        },
      },
      async (request) => {
        const viewer = requireRole(request, ['liaison_office']);
        const page = await listExtensionRequests(ctx.db, viewer.grant.congressId, request.query);
        return { total: page.total, items: page.items.map(presentExtensionRequest) };
      },
    );

    app.post(
      '/extension-requests/:id/ruling',
      {
        schema: {
          tags,
          operationId: 'ruleExtension',
          summary: '对延期申请作出决定（联工委）',
          description: [
            '前提：建议详情的 abilities.ruleExtension 为 true；申请 id 取自详情的 extensionRequests[]（status 为 pending）或 GET /api/extension-requests。',
            '同意（grant: true）后该单位的答复期限延至申请的日期（assignments[].extendedDue）；不同意须说明理由。无需 version；已处理过的申请答复 409。',
          ].join('\n\n'),
          params: idParam,
          body: extensionRulingBody,
          response: { 200: extensionRuling, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(extensionRequestWorkflow, 'grant'));
        return presentExtensionRuling(
          await ctx.db
            .transaction()
            .execute((tx) => ruleExtension(tx, viewer, request.params.id, request.body, ctx.clock)),
        );
      },
    );
  };
