import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { failures, noContent } from '../api-schemas.js';
import { recordAudit } from '../audit.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { requireViewer, SESSION_COOKIE } from './auth.plugin.js';
import { changePassword } from './change-password.js';
import { verifyPassword } from './password.js';
import { loginBody, passwordBody, sessionBody, sessionProbe, switchRoleBody } from './auth.schemas.js';
import { createSession, deleteSession, listGrants, switchSessionGrant } from './session.repository.js';

const tags = ['登录'];

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
        schema: {
          tags,
          operationId: 'login',
          summary: '用户名密码登录',
          description: [
            '无需登录。成功后服务器设置会话 Cookie lx_session（HttpOnly，7天），答复当前用户、其全部角色（grants）与当前角色；此后每个写请求须在 x-csrf-token 请求头中带上答复的 csrfToken。',
            '用户名不存在与密码错误答复相同的 401；每个地址每分钟的尝试次数有限（429）。已带会话 Cookie 时，本请求也须带该会话的 x-csrf-token。',
          ].join('\n\n'),
          body: loginBody,
          response: { 200: sessionBody, ...failures(400, 401, 403, 429) },
        },
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

    app.post(
      '/auth/logout',
      {
        schema: {
          tags,
          operationId: 'logout',
          summary: '退出登录',
          description: '结束当前会话并清除 Cookie；答复 204（无内容）。',
          response: { 204: noContent, ...failures(401, 403) },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        await deleteSession(ctx.db, viewer.sessionTokenHash);
        app.sessions.forget(viewer.sessionTokenHash);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.code(204).send();
      },
    );

    // The web app's session probe, asked on every first page: "nobody is logged in" is an
    // answer (200, {user: null}), not a failure, so that a visitor's portal and login page make
    // no failing request. The auth plugin turns a stranger away before any route runs (it
    // throws 'unauthenticated' in preValidation); this route's own error handler answers that.
    app.get(
      '/auth/me',
      {
        schema: {
          tags,
          operationId: 'getSession',
          summary: '当前用户、角色与CSRF令牌；未登录时答复 {user: null}',
          description: '无需登录即可调用：未登录或会话已过期时答复 200 与 `{"user": null}`，不答复 401。',
          // The session cookie is optional here: without it the answer is {user: null}.
          security: [{}, { session: [] }],
          response: { 200: sessionProbe },
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
          tags,
          operationId: 'switchRole',
          summary: '切换角色或所属人大',
          description:
            'grantId 取自 grants[].id。此后所见数据与可执行操作（详情的 abilities）随新角色而变；会话与 CSRF 令牌不变。',
          body: switchRoleBody,
          response: { 200: sessionBody, ...failures(400, 401, 403) },
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
      {
        schema: {
          tags,
          operationId: 'changePassword',
          summary: '修改密码',
          description: '修改当前用户的密码；此用户在其他浏览器上的会话随之结束，当前会话保留。答复 204（无内容）。',
          body: passwordBody,
          response: { 204: noContent, ...failures(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        await changePassword(ctx.db, viewer, request.body);
        app.sessions.forgetUser(viewer.userId);
        return reply.code(204).send();
      },
    );
  };
