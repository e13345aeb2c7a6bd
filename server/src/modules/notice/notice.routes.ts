import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { failures, noContent } from '../../platform/api-schemas.js';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { idParam } from '../suggestion/suggestion.schemas.js';
import { listNotices, markNoticeRead } from './notice.repository.js';
import { noticePage, noticeQuery } from './notice.schemas.js';

const tags = ['通知'];

/** The in-app notices (站内通知) of the logged-in user. */
export const noticeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/notices',
      {
        schema: {
          tags,
          operationId: 'listNotices',
          summary: '我的通知（当前身份所在人大的）',
          description: '当前用户在当前身份所在人大收到的通知，以及未读数。',
          querystring: noticeQuery,
          response: { 200: noticePage, ...failures(400, 401) },
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const page = await listNotices(ctx.db, viewer.userId, viewer.grant.congressId, {
          unreadOnly: request.query.unread === 'true',
          limit: request.query.limit,
        });
        return {
          unread: page.unread,
          items: page.items.map((n) => ({
            id: n.id,
            kind: n.kind,
            title: n.title,
            body: n.body,
            suggestionId: n.suggestion_id,
            createdAt: n.created_at,
            readAt: n.read_at,
          })),
        };
      },
    );

    app.post(
      '/notices/:id/read',
      {
        schema: {
          tags,
          operationId: 'markNoticeRead',
          summary: '标记已读',
          description:
            '通知 id 取自 GET /api/notices 的 items[].id。他人的通知与不存在的一样，答复 404。答复 204（无内容）。',
          params: idParam,
          response: { 204: noContent, ...failures(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        // Someone else's notice is, to this user, a notice that does not exist.
        if (!(await markNoticeRead(ctx.db, requireViewer(request).userId, request.params.id))) throw notFound('通知');
        return reply.code(204).send();
      },
    );
  };
