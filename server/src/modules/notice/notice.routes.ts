import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { idParam } from '../suggestion/suggestion.schemas.js';
import { listNotices, markNoticeRead } from './notice.repository.js';

const noticeQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** The in-app notices (站内通知) of the logged-in user. */
export const noticeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/notices',
      { schema: { tags: ['通知'], summary: '我的通知（当前身份所在人大的）', querystring: noticeQuery } },
      async (request) => {
        const viewer = requireViewer(request);
        return listNotices(ctx.db, viewer.userId, viewer.grant.congressId, {
          unreadOnly: request.query.unread === 'true',
          limit: request.query.limit,
        });
      },
    );

    app.post(
      '/notices/:id/read',
      { schema: { tags: ['通知'], summary: '标记已读', params: idParam } },
      async (request) => {
        // Someone else's notice is, to this user, a notice that does not exist.
        if (!(await markNoticeRead(ctx.db, requireViewer(request).userId, request.params.id))) throw notFound('通知');
        return { ok: true };
      },
    );
  };
