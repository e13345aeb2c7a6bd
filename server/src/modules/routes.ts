import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../platform/context.js';
import { administrationRoutes } from './administration/administration.routes.js';
import { documentsRoutes } from './documents/documents.routes.js';
import { exportRoutes } from './exports/exports.routes.js';
import { auditLogRoutes } from './audit-log/audit-log.routes.js';
import { directoryRoutes } from './directory/directory.routes.js';
import { figuresDashboardRoutes } from './figures/figures.dashboard.routes.js';
import { figuresRoutes } from './figures/figures.routes.js';
import { handlingRulesRoutes } from './handling-rules/handling-rules.routes.js';
import { installationRoutes } from './installation/installation.routes.js';
import { importRoutes } from './import/import.routes.js';
import { ledgerRoutes } from './ledger/ledger.routes.js';
import { noticeRoutes } from './notice/notice.routes.js';
import { attachmentRoutes } from './suggestion/attachment.routes.js';
import { classRoutes } from './suggestion/class.routes.js';
import { continuationRoutes } from './suggestion/continuation.routes.js';
import { portalRoutes } from './portal/portal.routes.js';
import { requestRoutes } from './suggestion/reassignment.routes.js';
import { handlingRoutes } from './suggestion/handling.routes.js';
import { suggestionRoutes } from './suggestion/suggestion.routes.js';

/** Every feature module's routes, under /api. */
export const registerModuleRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(exportRoutes(ctx));
    await app.register(suggestionRoutes(ctx));
    await app.register(handlingRoutes(ctx));
    await app.register(administrationRoutes(ctx));
    await app.register(attachmentRoutes(ctx));
    await app.register(classRoutes(ctx));
    await app.register(continuationRoutes(ctx));
    await app.register(requestRoutes(ctx));
    await app.register(ledgerRoutes(ctx));
    await app.register(handlingRulesRoutes(ctx));
    await app.register(directoryRoutes(ctx));
    await app.register(noticeRoutes(ctx));
    await app.register(portalRoutes(ctx));
    await app.register(figuresRoutes(ctx));
    await app.register(installationRoutes(ctx));
    await app.register(auditLogRoutes(ctx));
    await app.register(documentsRoutes(ctx));
    await app.register(importRoutes(ctx));
    await app.register(figuresDashboardRoutes(ctx));
  };
