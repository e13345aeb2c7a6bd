import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { readFailures, writeFailures } from '../../platform/api-schemas.js';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import { requireRole } from '../../platform/auth/roles.js';
import type { AppContext } from '../../platform/context.js';
import { assignClass, reuseReplyForClass, viewClass } from './commands/handle-class.js';
import { classAssignBody, classAssigned, classReplyReused, classView, reuseBody } from './class.schemas.js';
import { idParam } from './suggestion.schemas.js';

const tags = ['类办'];

/** 办理一件，解决一类: assigning a class in one step, its page, and its reply reused. */
export const classRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/suggestion-classes/:id',
      {
        schema: {
          tags,
          operationId: 'getSuggestionClass',
          summary: '一类建议（本人可见的各件）',
          description:
            '类的 id 取自详情的 class.id 或 GET /api/directory/classes。只列出当前用户看得到的各件；一件也看不到答复 404。',
          params: idParam,
          response: { 200: classView, ...readFailures },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return ctx.db.transaction().execute((tx) => viewClass(tx, viewer, request.params.id));
      },
    );

    app.post(
      '/suggestion-classes/:id/assign',
      {
        schema: {
          tags,
          operationId: 'assignSuggestionClass',
          summary: '整类交办：本类待交办的各件交同一承办单位（全部成功或全部不交办）',
          description:
            '联工委或政府办公厅把本类中已立案待交办的各件一次交给同样的承办单位（unitId 取自 GET /api/directory/units）；在一个事务中，任何一件不能交办则全部不交办（409 或 400，message 说明原因）。',
          params: idParam,
          body: classAssignBody,
          response: { 200: classAssigned, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, ['liaison_office', 'government_office']);
        return ctx.db
          .transaction()
          .execute((tx) => assignClass(tx, viewer, request.params.id, request.body, ctx.clock));
      },
    );

    app.post(
      '/suggestion-classes/:id/reply-drafts',
      {
        schema: {
          tags,
          operationId: 'reuseReplyForClass',
          summary: '将本单位一件的答复草稿用于同类各件（每位代表仍收到各自的答复函）',
          description:
            '经办人先为本类的一件起草答复（PUT /api/suggestions/{id}/reply），再把它复制为同类中本单位答复、尚无审核中答复的各件的草稿，正文中的原标题换成各件自己的标题。各件的草稿仍须各自送审、签发。',
          params: idParam,
          body: reuseBody,
          response: { 200: classReplyReused, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, ['unit_handler']);
        return ctx.db
          .transaction()
          .execute((tx) => reuseReplyForClass(tx, viewer, request.params.id, request.body.fromSuggestionId));
      },
    );
  };
