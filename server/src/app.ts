import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authPlugin } from './platform/auth/auth.plugin.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import type { AppContext } from './platform/context.js';
import { installErrorHandler } from './platform/http-errors.js';
import { healthBody } from './platform/api-schemas.js';
import { registerOpenApi } from './platform/openapi.js';
import { registerModuleRoutes } from './modules/routes.js';
import { serveWeb } from './platform/web.js';

z.config(z.locales.zhCN());

export type App = FastifyInstance & { ctx: AppContext };

export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    // Errors are logged; the two lines per request are not.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: ctx.config.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(helmet, {
    // Served over plain HTTP on a LAN as often as behind HTTPS: no HSTS, no forced upgrade.
    hsts: false,
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { 'upgrade-insecure-requests': null, 'img-src': ["'self'", 'data:', 'blob:'] },
    },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 5 } });
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app);
  await app.register(authPlugin, { ctx });

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['系统'],
        operationId: 'getHealth',
        summary: '服务是否在线，使用哪种数据库（无需登录）',
        response: { 200: healthBody },
      },
    },
    async () => ({ status: 'ok' as const, database: ctx.databaseKind }),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  if (ctx.config.benchRoutes) {
    // References for bench/: a bare JSON answer, and one indexed read with nothing else.
    app.get('/api/reference/bare', { schema: { hide: true } }, async () => ({ ok: true }));
    app.get('/api/reference/indexed-read', { schema: { hide: true } }, async () =>
      ctx.db.selectFrom('congress').select(['id', 'name']).where('id', '=', 1).executeTakeFirst(),
    );
  }
  await app.register(authRoutes(ctx), { prefix: '/api' });
  await app.register(registerModuleRoutes(ctx), { prefix: '/api' });
  await serveWeb(app, ctx.config.webDist);

  return Object.assign(app, { ctx }) as unknown as App;
}
