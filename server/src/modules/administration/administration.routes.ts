import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.js';
import { accountRoutes } from './accounts.routes.js';
import { catalogueRoutes } from './catalogue.routes.js';
import { deputyRoutes, rosterRoutes } from './people.routes.js';
import { sessionsAdminRoutes } from './sessions.routes.js';
import { unitAdminRoutes } from './units.routes.js';

/** Every route under /api/admin: a congress administering itself. */
export const administrationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(sessionsAdminRoutes(ctx));
    await app.register(rosterRoutes(ctx, 'delegation', 'delegations'));
    await app.register(rosterRoutes(ctx, 'deputy_group', 'deputy-groups'));
    await app.register(rosterRoutes(ctx, 'committee', 'committees'));
    await app.register(deputyRoutes(ctx));
    await app.register(unitAdminRoutes(ctx));
    await app.register(catalogueRoutes(ctx));
    await app.register(accountRoutes(ctx));
  };
