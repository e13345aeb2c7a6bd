import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { failures, noContent } from '../api-schemas.js';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { accountLockRoutes } from './account-lock.routes.js';
import { requirePerson, requireViewer, SESSION_COOKIE } from './auth.plugin.js';
import { changePassword } from './change-password.js';
import { logIn } from './login.js';
import { passwordRule } from './password.js';
import { loginBody, passwordBody, sessionBody, sessionProbe, switchRoleBody } from './auth.schemas.js';
import { deleteSession, listGrants, switchSessionGrant } from './session.repository.js';

const tags = ['登录'];

const noSession = { user: null };

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(accountLockRoutes(ctx));
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: ctx.config.secureCookies,
    };

    async function me(userId: number, grantId: number | null, csrfToken: string) {
      const user = await ctx.db
        .selectFrom('app_user')
        .select(['id', 'username', 'display_name', 'is_system_admin', 'must_change_password'])
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      const grants = user.is_system_admin ? [] : await listGrants(ctx.db, userId);
      return {
        user: { id: user.id, username: user.username, displayName: user.display_name },
        grants,
        activeGrantId: grantId,
        isSystemAdmin: user.is_system_admin,
        mustChangePassword: user.must_change_password,
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
            '用户名不存在与密码错误答复相同的 401；每个地址每分钟的尝试次数有限（429 rate_limited）。同一地址或同一账号在一段时间内失败次数过多即被锁定若干分钟（429 login_locked；地址的限额低于账号的限额，故同一地址不能替他人锁定账号）。已带会话 Cookie 时，本请求也须带该会话的 x-csrf-token。',
            '系统管理员登录后 grants 为空、activeGrantId 为 null、isSystemAdmin 为 true，只能使用 /api/installation/ 下的接口。mustChangePassword 为 true 时，除修改密码与会话接口外，其他接口均答复 403 password_change_required。',
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
        const session = await logIn(ctx, request.ip, username, password);
        reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, maxAge: 7 * 86_400 });
        return me(session.userId, session.grantId, session.csrfToken);
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
        const viewer = requirePerson(request);
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
        if (request.admin) return me(request.admin.userId, null, request.admin.csrfToken);
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
          description: `修改当前用户的密码（${passwordRule}）；此用户在其他浏览器上的会话随之结束，当前会话保留。管理员设置的密码（mustChangePassword）改过之后，其他接口才可使用。答复 204（无内容）。`,
          body: passwordBody,
          response: { 204: noContent, ...failures(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const viewer = requirePerson(request);
        await changePassword(ctx.db, viewer, request.body, ctx.clock.now());
        app.sessions.forgetUser(viewer.userId);
        return reply.code(204).send();
      },
    );
  };
