import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
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
      const user = await ctx.db.selectFrom('app_user').select(['id', 'username', 'display_name']).where('id', '=', userId).executeTakeFirstOrThrow();
      const grants = await listGrants(ctx.db, userId);
      return { user: { id: user.id, username: user.username, displayName: user.display_name }, grants, activeGrantId: grantId, csrfToken };
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
        const user = await ctx.db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
        // The same answer for an unknown user and a wrong password.
        const ok = user?.is_active ? await verifyPassword(user.password_hash, password) : false;
        if (!user || !ok) throw new AppError('unauthenticated', '用户名或密码错误');
        const grants = await listGrants(ctx.db, user.id);
        const first = grants[0];
        if (!first) throw new AppError('forbidden', '该账号尚未分配任何角色，请联系管理员');
        const session = await ctx.db.transaction().execute(async (tx) => {
          await recordAudit(tx, { userId: user.id, grant: first }, { action: 'user.logged_in', entityType: 'user', entityId: user.id, congressId: first.congressId });
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

    app.get('/auth/me', { schema: { tags: ['登录'], summary: '当前用户、角色与CSRF令牌' } }, async (request) => {
      const viewer = requireViewer(request);
      return me(viewer.userId, viewer.grant.id, viewer.csrfToken);
    });

    app.post(
      '/auth/switch-role',
      { schema: { tags: ['登录'], summary: '切换角色或所属人大', body: z.object({ grantId: z.number().int().positive() }) } },
      async (request) => {
        const viewer = requireViewer(request);
        const grants = await listGrants(ctx.db, viewer.userId);
        if (!grants.some((g) => g.id === request.body.grantId)) throw new AppError('forbidden', '您没有该角色');
        await switchSessionGrant(ctx.db, viewer.sessionTokenHash, request.body.grantId);
        app.sessions.forget(viewer.sessionTokenHash);
        return me(viewer.userId, request.body.grantId, viewer.csrfToken);
      },
    );

    app.post('/auth/password', { schema: { tags: ['登录'], summary: '修改密码', body: passwordBody } }, async (request) => {
      const viewer = requireViewer(request);
      await changePassword(ctx.db, viewer, request.body);
      app.sessions.forgetUser(viewer.userId);
      return { ok: true };
    });
  };
