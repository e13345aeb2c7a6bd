import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import { chinaToday } from '../deadline/deadline.workflow.js';
import { ensureMayReadFigures } from './figures.policy.js';
import { overviewFigures } from './figures.repository.js';

const query = z.object({
  congressId: z.coerce.number().int().positive().optional(),
  sessionId: z.coerce.number().int().positive().optional(),
});

export const figuresRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/figures/overview',
      { schema: { tags: ['统计'], summary: '办理情况主要数字（本级或下级人大的汇总）', querystring: query } },
      async (request) => {
        const viewer = requireViewer(request);
        const congressId = request.query.congressId ?? viewer.grant.congressId;
        await ensureMayReadFigures(ctx.db, viewer, congressId);
        return overviewFigures(ctx.db, {
          congressId,
          sessionId: request.query.sessionId,
          today: chinaToday(ctx.clock.now()),
        });
      },
    );
  };
