import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import { findDeputies, listCategories, listClasses, listSessions, listUnits } from './directory.repository.js';

const tags = ['基础数据'];

/** Reference lists of the viewer's congress for pickers: units, categories, deputies, sessions, classes. */
export const directoryRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/directory/units', { schema: { tags, summary: '承办单位（按系统）' } }, async (request) => ({
      items: await listUnits(ctx.db, requireViewer(request).grant.congressId),
    }));

    app.get('/directory/categories', { schema: { tags, summary: '建议类别' } }, async (request) => ({
      items: await listCategories(ctx.db, requireViewer(request).grant.congressId),
    }));

    app.get(
      '/directory/deputies',
      {
        schema: {
          tags,
          summary: '本级人大代表（选择联名代表用）',
          querystring: z.object({ q: z.string().trim().max(40).default('') }),
        },
      },
      async (request) => ({
        items: await findDeputies(ctx.db, requireViewer(request).grant.congressId, request.query.q),
      }),
    );

    app.get('/directory/sessions', { schema: { tags, summary: '届次与会议' } }, async (request) => ({
      items: await listSessions(ctx.db, requireViewer(request).grant.congressId),
    }));

    app.get(
      '/directory/classes',
      {
        schema: {
          tags,
          summary: '建议归类',
          querystring: z.object({ sessionId: z.coerce.number().int().positive().optional() }),
        },
      },
      async (request) => ({
        items: await listClasses(ctx.db, requireViewer(request).grant.congressId, request.query.sessionId),
      }),
    );
  };
