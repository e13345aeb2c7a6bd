import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import { idParam } from '../suggestion/suggestion.schemas.js';
import { listNotices, markNoticeRead } from './notice.repository.js';

const noticeQuery = z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(100).default(30) });

/** The in-app notices (站内通知) of the logged-in user. */
export const noticeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/notices', { schema: { tags: ['通知'], summary: '我的通知', querystring: noticeQuery } }, async (request) =>
      listNotices(ctx.db, requireViewer(request).userId, { unreadOnly: request.query.unread === 'true', limit: request.query.limit }),
    );

    app.post('/notices/:id/read', { schema: { tags: ['通知'], summary: '标记已读', params: idParam } }, async (request) => {
      await markNoticeRead(ctx.db, requireViewer(request).userId, request.params.id);
      return { ok: true };
    });
  };
