import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeFailures } from '../../platform/api-schemas.js';
import { requireRole } from '../../platform/auth/roles.js';
import type { AppContext } from '../../platform/context.js';
import { suggestionNumberLabel } from '../../shared/labels.js';
import { continueSuggestion } from './commands/continue-suggestion.js';
import type { SuggestionStatus } from './suggestion.workflow.js';
import { suggestionStatus } from './suggestion.detail.schemas.js';
import { idParam } from './suggestion.schemas.js';

const id = z.number().int().positive();
const continuationBody = z.object({
  sessionId: z
    .number({ error: '请选择续交办的会议' })
    .int()
    .positive()
    .describe('新一次会议：GET /api/directory/sessions 中的 id'),
});
const continuationAnswer = z.object({
  id: id.describe('新建议的 id：详情 GET /api/suggestions/{id}'),
  version: z.number().int().positive(),
  status: suggestionStatus,
  sessionId: id,
  number: z.number().int().positive().nullable(),
  numberLabel: z.string(),
  continuesSuggestionId: id.nullable().describe('所续交办的原建议'),
});

/** 回头看: an earlier suggestion with open promises re-assigned with a later session's. */
export const continuationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/suggestions/:id/continuation',
      {
        schema: {
          tags: ['承诺台账'],
          operationId: 'continueSuggestion',
          summary: '上年度未完成的建议随新一次会议续交办（联工委）；新建议立案编号后按交办、答复、测评办理',
          description:
            '回头看：原建议（路径中的 id，常取自 GET /api/promises?beforeSessionId=… 的 suggestionId）仍有未完成的承诺时，随新一次会议立为一件新建议并编号，计入新一次会议。答复 201 与新建议；其后按 POST /api/suggestions/assign 交办。',
          params: idParam,
          body: continuationBody,
          response: { 201: continuationAnswer, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, ['liaison_office']);
        const s = await ctx.db
          .transaction()
          .execute((tx) => continueSuggestion(tx, viewer, request.params.id, request.body.sessionId, ctx.clock));
        return reply.code(201).send({
          id: s.id,
          version: s.version,
          status: s.status as SuggestionStatus,
          sessionId: s.session_id,
          number: s.number,
          numberLabel: suggestionNumberLabel(s.period, s.number),
          continuesSuggestionId: s.continues_suggestion_id,
        });
      },
    );
  };
