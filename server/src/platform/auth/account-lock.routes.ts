import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noContent, writeFailures } from '../api-schemas.js';
import type { AppContext } from '../context.js';
import { unlockAccount } from './account-lock.js';
import { requireRole } from './roles.js';

const accountParam = z.object({ id: z.coerce.number().int().positive().describe('账号 id（app_user）') });

export const accountLockRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/accounts/:id/unlock',
      {
        schema: {
          tags: ['账号安全'],
          operationId: 'unlockAccount',
          summary: '解除账号的登录锁定（联工委）',
          description:
            '登录失败次数过多的账号被锁定若干分钟；联工委可为本级人大的账号提前解除。不是本级人大的账号答复 404。无论当时是否锁定都答复 204，并记入审计日志。',
          params: accountParam,
          body: z.object({}).optional(),
          response: { 204: noContent, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, ['liaison_office']);
        await ctx.db.transaction().execute((tx) => unlockAccount(tx, viewer, request.params.id, ctx.clock.now()));
        return reply.code(204).send();
      },
    );
  };
