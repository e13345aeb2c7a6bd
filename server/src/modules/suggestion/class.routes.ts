import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import { requireRole } from '../../platform/auth/roles.js';
import type { AppContext } from '../../platform/context.js';
import { assignClass, reuseReplyForClass, viewClass } from './commands/handle-class.js';
import { assignItem, idParam } from './suggestion.schemas.js';

const tags = ['类办'];
const classAssignBody = assignItem.pick({ mode: true, units: true });
const reuseBody = z.object({ fromSuggestionId: z.number({ error: '请指定答复所在的建议' }).int().positive() });

/** 办理一件，解决一类: assigning a class in one step, its page, and its reply reused. */
export const classRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/suggestion-classes/:id', { schema: { tags, summary: '一类建议（本人可见的各件）', params: idParam } }, async (request) => {
      const viewer = requireViewer(request);
      return ctx.db.transaction().execute((tx) => viewClass(tx, viewer, request.params.id));
    });

    app.post(
      '/suggestion-classes/:id/assign',
      { schema: { tags, summary: '整类交办：本类待交办的各件交同一承办单位（全部成功或全部不交办）', params: idParam, body: classAssignBody } },
      async (request) => {
        const viewer = requireRole(request, ['liaison_office', 'government_office']);
        return ctx.db.transaction().execute((tx) => assignClass(tx, viewer, request.params.id, request.body, ctx.clock));
      },
    );

    app.post(
      '/suggestion-classes/:id/reply-drafts',
      { schema: { tags, summary: '将本单位一件的答复草稿用于同类各件（每位代表仍收到各自的答复函）', params: idParam, body: reuseBody } },
      async (request) => {
        const viewer = requireRole(request, ['unit_handler']);
        return ctx.db.transaction().execute((tx) => reuseReplyForClass(tx, viewer, request.params.id, request.body.fromSuggestionId));
      },
    );
  };
