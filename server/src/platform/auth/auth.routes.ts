import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RoleName } from '../../db/schema.js';
import { roleLabels } from '../../shared/labels.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { requireViewer, SESSION_COOKIE } from './auth.plugin.js';
import { changePassword } from './change-password.js';
import { verifyPassword } from './password.js';
import { createSession, deleteSession, listGrants, switchSessionGrant } from './session.repository.js';

const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

const passwordBody = z.object({
  currentPassword: z.string().min(1, '请输入原密码').max(128),
  newPassword: z.string().max(128),
});

const id = z.number().int();
const grantBody = z.object({
  id,
  congressId: id,
  congressName: z.string(),
  role: z.enum(Object.keys(roleLabels) as [RoleName, ...RoleName[]]),
  deputyId: id.nullable(),
  unitId: id.nullable(),
  unitSystemId: id.nullable(),
  committeeId: id.nullable(),
  scopeName: z.string().nullable().describe('代表团、承办单位、专门委员会或系统的名称'),
});
const sessionBody = z.object({
  user: z.object({ id, username: z.string(), displayName: z.string() }),
  grants: z.array(grantBody).describe('此用户的全部角色'),
  activeGrantId: id.describe('当前角色'),
  csrfToken: z.string().describe('写请求须放在 x-csrf-token 请求头中'),
});
const noSessionBody = z.object({ user: z.null().describe('未登录') });
const noSession = { user: null };

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: ctx.config.secureCookies,
    };

    async function me(userId: number, grantId: number, csrfToken: string) {
      const user = await ctx.db
        .selectFrom('app_user')
        .select(['id', 'username', 'display_name'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      const grants = await listGrants(ctx.db, userId);
      return {
        user: { id: user.id, username: user.username, displayName: user.display_name },
        grants,
        activeGrantId: grantId,
        csrfToken,
      };
    }

    app.post(
      '/auth/login',
      {
        schema: { tags: ['登录'], summary: '用户名密码登录', body: loginBody },
        config: {
          rateLimit: {
            max: ctx.config.loginRateLimit,
            timeWindow: 60_000,
            keyGenerator: (request) => request.ip,
          },
        },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        const user = await ctx.db
          .selectFrom('app_user')
          .selectAll()
          .where('username', '=', username)
          .executeTakeFirst();
        // The same answer for an unknown user and a wrong password.
        const ok = user?.is_active ? await verifyPassword(user.password_hash, password) : false;
        if (!user || !ok) throw new AppError('unauthenticated', '用户名或密码错误');
        const grants = await listGrants(ctx.db, user.id);
        const first = grants[0];
        if (!first) throw new AppError('forbidden', '该账号尚未分配任何角色，请联系管理员');
        const session = await ctx.db.transaction().execute(async (tx) => {
          await recordAudit(
            tx,
            { userId: user.id, grant: first },
            { action: 'user.logged_in', entityType: 'user', entityId: user.id, congressId: first.congressId },
          );
          return createSession(tx, user.id, first.id);
        });
        reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, maxAge: 7 * 86_400 });
        return me(user.id, first.id, session.csrfToken);
      },
    );

    app.post('/auth/logout', { schema: { tags: ['登录'], summary: '退出登录' } }, async (request, reply) => {
      const viewer = requireViewer(request);
      await deleteSession(ctx.db, viewer.sessionTokenHash);
      app.sessions.forget(viewer.sessionTokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    });

    // The web app's session probe, asked on every first page: "nobody is logged in" is an
    // answer (200, {user: null}), not a failure, so that a visitor's portal and login page make
    // no failing request. The auth plugin turns a stranger away before any route runs (it
    // throws 'unauthenticated' in preValidation); this route's own error handler answers that.
    app.get(
      '/auth/me',
      {
        schema: {
          tags: ['登录'],
          summary: '当前用户、角色与CSRF令牌；未登录时答复 {user: null}',
          description: '无需登录即可调用：未登录或会话已过期时答复 200 与 `{"user": null}`，不答复 401。',
          response: { 200: z.union([sessionBody, noSessionBody]) },
        },
        errorHandler: (error, _request, reply) => {
          if (error instanceof AppError && error.code === 'unauthenticated') return reply.code(200).send(noSession);
          throw error;
        },
      },
      async (request) => {
        if (!request.viewer) return noSession;
        return me(request.viewer.userId, request.viewer.grant.id, request.viewer.csrfToken);
      },
    );

    app.post(
      '/auth/switch-role',
      {
        schema: {
          tags: ['登录'],
          summary: '切换角色或所属人大',
          body: z.object({ grantId: z.number().int().positive() }),
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const grants = await listGrants(ctx.db, viewer.userId);
        if (!grants.some((g) => g.id === request.body.grantId)) throw new AppError('forbidden', '您没有该角色');
        await switchSessionGrant(ctx.db, viewer.sessionTokenHash, request.body.grantId);
        app.sessions.forget(viewer.sessionTokenHash);
        return me(viewer.userId, request.body.grantId, viewer.csrfToken);
      },
    );

    app.post(
      '/auth/password',
      { schema: { tags: ['登录'], summary: '修改密码', body: passwordBody } },
      async (request) => {
        const viewer = requireViewer(request);
        await changePassword(ctx.db, viewer, request.body);
        app.sessions.forgetUser(viewer.userId);
        return { ok: true };
      },
    );
  };
