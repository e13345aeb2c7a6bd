import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { failures, noContent, writeFailures } from '../../platform/api-schemas.js';
import { requireRole } from '../../platform/auth/roles.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { sameShape } from '../../platform/schema-shape.js';
import { idParam } from './admin.schemas.js';
import { rolesAdministering } from './administration.policy.js';
import { createSession, createTerm, openSession, updateSession, updateTerm } from './commands/manage-sessions.js';
import { listTerms } from './sessions.repository.js';
import { sessionBody, termBody, termList } from './sessions.schemas.js';

const tags = ['本级人大管理'];
sameShape<z.output<typeof termList>, Awaited<ReturnType<typeof listTerms>>>();

/** 届次与会议: every write answers with the whole list as it now stands. */
export const sessionsAdminRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const office = rolesAdministering('term.manage');
    const inTransaction = <T>(work: (tx: Tx) => Promise<T>) => ctx.db.transaction().execute(work);

    app.get(
      '/admin/terms',
      {
        schema: {
          tags,
          operationId: 'adminListTerms',
          summary: '届次与会议（联工委）',
          response: { 200: termList, ...failures(401, 403) },
        },
      },
      async (request) => listTerms(ctx.db, requireRole(request, office).grant.congressId),
    );

    app.post(
      '/admin/terms',
      {
        schema: {
          tags,
          operationId: 'adminCreateTerm',
          summary: '新建届（联工委）',
          description: '届次在本级人大内不得重复（409）。',
          body: termBody,
          response: { 201: termList, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, office);
        await inTransaction((tx) => createTerm(tx, viewer, request.body));
        return reply.code(201).send(await listTerms(ctx.db, viewer.grant.congressId));
      },
    );

    app.put(
      '/admin/terms/:id',
      {
        schema: {
          tags,
          operationId: 'adminUpdateTerm',
          summary: '修改届的届次与起止日期（联工委）',
          params: idParam,
          body: termBody,
          response: { 200: termList, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, office);
        await inTransaction((tx) => updateTerm(tx, viewer, request.params.id, request.body));
        return listTerms(ctx.db, viewer.grant.congressId);
      },
    );

    app.post(
      '/admin/sessions',
      {
        schema: {
          tags,
          operationId: 'adminCreateSession',
          summary: '新建会议（联工委）',
          description:
            '会议须在所属届的起止日期之内，建议截止提交时间在会议期间；同届的会议次数不得重复（409）。新会议不是当前会议，须另行设为当前。',
          body: sessionBody,
          response: { 201: termList, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, office);
        await inTransaction((tx) => createSession(tx, viewer, request.body));
        return reply.code(201).send(await listTerms(ctx.db, viewer.grant.congressId));
      },
    );

    app.put(
      '/admin/sessions/:id',
      {
        schema: {
          tags,
          operationId: 'adminUpdateSession',
          summary: '修改会议的日期与建议截止提交时间（联工委）',
          params: idParam,
          body: sessionBody,
          response: { 200: termList, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, office);
        await inTransaction((tx) => updateSession(tx, viewer, request.params.id, request.body));
        return listTerms(ctx.db, viewer.grant.congressId);
      },
    );

    app.post(
      '/admin/sessions/:id/open',
      {
        schema: {
          tags,
          operationId: 'adminOpenSession',
          summary: '设为当前会议（联工委）',
          description: '此后提交的建议归入此次会议；原当前会议不再是当前会议。全会统一的调整申请截止日期不变。',
          params: idParam,
          response: { 204: noContent, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, office);
        await inTransaction((tx) => openSession(tx, viewer, request.params.id));
        return reply.code(204).send();
      },
    );
  };
