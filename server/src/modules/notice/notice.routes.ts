import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import { idParam } from '../suggestion/suggestion.schemas.js';

/** The in-app notices (站内通知) of the logged-in user. */
export const noticeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/notices',
      { schema: { tags: ['通知'], summary: '我的通知', querystring: z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(100).default(30) }) } },
      async (request) => {
        const viewer = requireViewer(request);
        let q = ctx.db.selectFrom('outbox').select(['id', 'kind', 'title', 'body', 'suggestion_id', 'created_at', 'read_at']).where('recipient_user_id', '=', viewer.userId);
        if (request.query.unread === 'true') q = q.where('read_at', 'is', null);
        const [items, unread] = await Promise.all([
          q.orderBy('id', 'desc').limit(request.query.limit).execute(),
          ctx.db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('recipient_user_id', '=', viewer.userId).where('read_at', 'is', null).executeTakeFirstOrThrow(),
        ]);
        return { items, unread: Number(unread.n) };
      },
    );

    app.post('/notices/:id/read', { schema: { tags: ['通知'], summary: '标记已读', params: idParam } }, async (request) => {
      const viewer = requireViewer(request);
      await ctx.db.updateTable('outbox').set({ read_at: new Date() }).where('id', '=', request.params.id).where('recipient_user_id', '=', viewer.userId).where('read_at', 'is', null).execute();
      return { ok: true };
    });
  };
