import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { failures } from '../../platform/api-schemas.js';
import type { AppContext } from '../../platform/context.js';
import { sameShape } from '../../platform/schema-shape.js';
import { chinaToday } from '../deadline/iso-date.js';
import { publicFigures } from './portal.figures.js';
import { findPublicSuggestion, listPublicSuggestions, publicOptions } from './portal.repository.js';
import {
  publicFiguresBody,
  publicFiguresQuery,
  publicIdParam,
  publicListQuery,
  publicOptionsBody,
  publicSuggestion,
  publicSuggestionPage,
} from './portal.schemas.js';

const tags = ['公众公开'];
sameShape<z.output<typeof publicSuggestion>, Awaited<ReturnType<typeof findPublicSuggestion>>>();
sameShape<z.output<typeof publicSuggestionPage>, Awaited<ReturnType<typeof listPublicSuggestions>>>();
sameShape<z.output<typeof publicOptionsBody>, Awaited<ReturnType<typeof publicOptions>>>();
sameShape<z.output<typeof publicFiguresBody>, Awaited<ReturnType<typeof publicFigures>>>();

/** The public portal (阳光公开): no login, only what the office has published. */
export const portalRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/public/options',
      {
        schema: {
          tags,
          operationId: 'getPublicOptions',
          summary: '公开页面的筛选项：会议、类别、承办单位',
          description: '无需登录。',
          response: { 200: publicOptionsBody },
        },
      },
      async () => publicOptions(ctx.db),
    );

    app.get(
      '/public/suggestions',
      {
        schema: {
          tags,
          operationId: 'listPublicSuggestions',
          summary: '已公开的建议及答复',
          description: '无需登录。只列出联工委已决定公开的建议，新公开的在前；筛选项取自 GET /api/public/options。',
          querystring: publicListQuery,
          response: { 200: publicSuggestionPage, ...failures(400) },
        },
      },
      async (request) => listPublicSuggestions(ctx.db, request.query),
    );

    app.get(
      '/public/figures',
      {
        schema: {
          tags,
          operationId: 'getPublicFigures',
          summary: '公开的办理情况：一次会议的主要数字、承办单位排名与历次会议比较',
          description:
            '无需登录。口径同 docs/counting-rules.md，只统计已公开的建议：未公开的建议不进入任何数字。不满意件清单见 GET /api/public/suggestions?unsatisfied=true。',
          querystring: publicFiguresQuery,
          response: { 200: publicFiguresBody, ...failures(400, 404) },
        },
      },
      async (request) => publicFigures(ctx.db, request.query.sessionId, chinaToday(ctx.clock.now())),
    );

    app.get(
      '/public/suggestions/:id',
      {
        schema: {
          tags,
          operationId: 'getPublicSuggestion',
          summary: '已公开建议的全文、答复与代表测评',
          description: '无需登录。未公开的建议与不存在的一样，答复 404。',
          params: publicIdParam,
          response: { 200: publicSuggestion, ...failures(400, 404) },
        },
      },
      async (request) => findPublicSuggestion(ctx.db, request.params.id),
    );
  };
