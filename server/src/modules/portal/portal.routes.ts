import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { findPublicSuggestion, listPublicSuggestions, publicOptions } from './portal.repository.js';
import { publicIdParam, publicListQuery } from './portal.schemas.js';

const tags = ['公众公开'];

/** The public portal (阳光公开): no login, only what the office has published. */
export const portalRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/public/options', { schema: { tags, summary: '公开页面的筛选项：会议、类别、承办单位' } }, async () =>
      publicOptions(ctx.db),
    );

    app.get(
      '/public/suggestions',
      { schema: { tags, summary: '已公开的建议及答复', querystring: publicListQuery } },
      async (request) => listPublicSuggestions(ctx.db, request.query),
    );

    app.get(
      '/public/suggestions/:id',
      { schema: { tags, summary: '已公开建议的全文、答复与代表测评', params: publicIdParam } },
      async (request) => findPublicSuggestion(ctx.db, request.params.id),
    );
  };
