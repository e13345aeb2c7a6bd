import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../../platform/auth/roles.js';
import type { AppContext } from '../../platform/context.js';
import { suggestionNumberLabel } from '../../shared/labels.js';
import { continueSuggestion } from './commands/continue-suggestion.js';
import { idParam } from './suggestion.schemas.js';

const continuationBody = z.object({ sessionId: z.number({ error: '请选择续交办的会议' }).int().positive() });

/** 回头看: an earlier suggestion with open promises re-assigned with a later session's. */
export const continuationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/suggestions/:id/continuation',
      {
        schema: {
          tags: ['承诺台账'],
          summary: '上年度未完成的建议随新一次会议续交办（联工委）；新建议立案编号后按交办、答复、测评办理',
          params: idParam,
          body: continuationBody,
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, ['liaison_office']);
        const s = await ctx.db.transaction().execute((tx) => continueSuggestion(tx, viewer, request.params.id, request.body.sessionId, ctx.clock));
        return reply.code(201).send({
          id: s.id,
          version: s.version,
          status: s.status,
          sessionId: s.session_id,
          number: s.number,
          numberLabel: suggestionNumberLabel(s.period, s.number),
          continuesSuggestionId: s.continues_suggestion_id,
        });
      },
    );
  };
