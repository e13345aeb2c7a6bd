import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { failures } from '../../platform/api-schemas.js';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import { sameShape } from '../../platform/schema-shape.js';
import { chinaToday } from '../deadline/deadline.workflow.js';
import { ensureMayReadFigures } from './figures.policy.js';
import { overviewFigures } from './figures.repository.js';
import { figuresQuery, overviewFigures as overviewFiguresBody } from './figures.schemas.js';

sameShape<z.output<typeof overviewFiguresBody>, Awaited<ReturnType<typeof overviewFigures>>>();

export const figuresRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/figures/overview',
      {
        schema: {
          tags: ['统计'],
          operationId: 'getOverviewFigures',
          summary: '办理情况主要数字（本级或下级人大的汇总）',
          description:
            '联工委、常委会领导、政府办公厅与专门委员会可查看；联工委和领导还可查看下级人大（congressId），其他人大答复 404。计数口径见 docs/counting-rules.md。',
          querystring: figuresQuery,
          response: { 200: overviewFiguresBody, ...failures(400, 401, 403, 404) },
        },
      },
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
