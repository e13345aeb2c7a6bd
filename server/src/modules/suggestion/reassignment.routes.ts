import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../platform/auth/roles.js';
import { rolesFor } from '../../platform/workflow.js';
import { extensionRequestWorkflow, reassignmentRequestWorkflow } from './request.workflow.js';
import type { AppContext } from '../../platform/context.js';
import { ruleExtension } from './commands/extension-request.js';
import { extendReassignmentWindow, ruleReassignment } from './commands/rule-reassignment.js';
import { listExtensionRequests, listReassignmentRequests } from './request.repository.js';
import { extensionRulingBody, idParam, reassignmentRulingBody, windowBody } from './suggestion.schemas.js';

const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};
const reassignmentQuery = z.object({ status: z.enum(['pending', 'accepted', 'rejected']).optional(), ...paging });
const extensionQuery = z.object({ status: z.enum(['pending', 'granted', 'refused']).optional(), ...paging });

/** The office's queues of requests to rule on: reassignments and extensions. */
export const requestRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/reassignment-requests',
      { schema: { tags: ['调整与延期'], summary: '调整申请列表（联工委）', querystring: reassignmentQuery } },
      async (request) => {
        const viewer = requireRole(request, ['liaison_office']);
        return listReassignmentRequests(ctx.db, viewer.grant.congressId, request.query);
      },
    );

    app.post(
      '/reassignment-requests/:id/ruling',
      {
        schema: {
          tags: ['调整与延期'],
          summary: '对调整申请作出决定（联工委）',
          params: idParam,
          body: reassignmentRulingBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(reassignmentRequestWorkflow, 'accept'));
        return ctx.db
          .transaction()
          .execute((tx) => ruleReassignment(tx, viewer, request.params.id, request.body, ctx.clock));
      },
    );

    app.post(
      '/sessions/:id/reassignment-window',
      {
        schema: { tags: ['调整与延期'], summary: '统一延长调整申请期限（联工委）', params: idParam, body: windowBody },
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
      { schema: { tags: ['调整与延期'], summary: '延期申请列表（联工委）', querystring: extensionQuery } },
      async (request) => {
        const viewer = requireRole(request, ['liaison_office']);
        return listExtensionRequests(ctx.db, viewer.grant.congressId, request.query);
      },
    );

    app.post(
      '/extension-requests/:id/ruling',
      {
        schema: {
          tags: ['调整与延期'],
          summary: '对延期申请作出决定（联工委）',
          params: idParam,
          body: extensionRulingBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(extensionRequestWorkflow, 'grant'));
        return ctx.db
          .transaction()
          .execute((tx) => ruleExtension(tx, viewer, request.params.id, request.body, ctx.clock));
      },
    );
  };
