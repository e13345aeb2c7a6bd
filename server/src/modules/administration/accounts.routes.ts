import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { failures, noContent, writeFailures } from '../../platform/api-schemas.js';
import { requireRole } from '../../platform/auth/roles.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { sameShape } from '../../platform/schema-shape.js';
import { idParam } from './admin.schemas.js';
import {
  accountAnswer,
  accountPage,
  accountQuery,
  accountRecord,
  accountUpdateBody,
  grantBody,
  grantParams,
  newAccountBody,
  passwordResetBody,
} from './accounts.schemas.js';
import { listAccounts } from './accounts.repository.js';
import { rolesAdministering } from './administration.policy.js';
import { preparePassword } from './commands/accounts.js';
import {
  createAccountWithRole,
  grantRole,
  resetPassword,
  revokeRole,
  setAccountActive,
  updateAccount,
} from './commands/manage-accounts.js';

const tags = ['本级人大管理'];
sameShape<z.output<typeof accountPage>, Awaited<ReturnType<typeof listAccounts>>>();
const controlNote = '只能管理仅在本级人大有角色的账号；在其他人大也有角色的账号（hasGrantsElsewhere）答复 403。';

/** 账号与权限: accounts holding a role in the office's congress. */
export const accountRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const office = rolesAdministering('account.manage');
    const inTransaction = <T>(work: (tx: Tx) => Promise<T>) => ctx.db.transaction().execute(work);
    const oneAccount = async (viewer: Viewer, userId: number) =>
      (await listAccounts(ctx.db, viewer.grant.congressId, { q: '', page: 1, pageSize: 1, userId })).items[0]!;

    app.get(
      '/admin/accounts',
      {
        schema: {
          tags,
          operationId: 'adminListAccounts',
          summary: '本级人大的账号及其角色（联工委）',
          querystring: accountQuery,
          response: { 200: accountPage, ...failures(400, 401, 403) },
        },
      },
      async (request) => listAccounts(ctx.db, requireRole(request, office).grant.congressId, request.query),
    );

    app.post(
      '/admin/accounts',
      {
        schema: {
          tags,
          operationId: 'adminCreateAccount',
          summary: '新建账号并授予首个角色（联工委）',
          description: '登录账号全系统唯一（409）。持有人首次登录须修改密码。',
          body: newAccountBody,
          response: { 201: accountAnswer, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, office);
        const password = await preparePassword(request.body.password, request.body.username);
        const user = await inTransaction((tx) => createAccountWithRole(tx, viewer, request.body, password.hash));
        return reply.code(201).send({ ...(await oneAccount(viewer, user.id)), generatedPassword: password.generated });
      },
    );

    app.put(
      '/admin/accounts/:id',
      {
        schema: {
          tags,
          operationId: 'adminUpdateAccount',
          summary: '修改账号的姓名与电话（联工委）',
          description: controlNote,
          params: idParam,
          body: accountUpdateBody,
          response: { 200: accountRecord, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, office);
        await inTransaction((tx) => updateAccount(tx, viewer, request.params.id, request.body));
        return oneAccount(viewer, request.params.id);
      },
    );

    app.post(
      '/admin/accounts/:id/grants',
      {
        schema: {
          tags,
          operationId: 'adminGrantRole',
          summary: '授予角色（联工委）',
          description: '每个角色须且只须指定其范围（如承办单位经办人须指定 unitId）；已有相同角色答复 409。',
          params: idParam,
          body: grantBody,
          response: { 201: accountRecord, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, office);
        await inTransaction((tx) => grantRole(tx, viewer, request.params.id, request.body));
        return reply.code(201).send(await oneAccount(viewer, request.params.id));
      },
    );

    app.post(
      '/admin/accounts/:id/grants/:grantId/revoke',
      {
        schema: {
          tags,
          operationId: 'adminRevokeRole',
          summary: '收回角色（联工委）：以该角色登录的会话立即结束',
          params: grantParams,
          response: { 204: noContent, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, office);
        await inTransaction((tx) => revokeRole(tx, viewer, request.params.id, request.params.grantId));
        app.sessions.forgetUser(request.params.id);
        return reply.code(204).send();
      },
    );

    app.post(
      '/admin/accounts/:id/password-reset',
      {
        schema: {
          tags,
          operationId: 'adminResetPassword',
          summary: '重置密码（联工委）：持有人的会话全部结束，下次登录须修改密码',
          description: controlNote,
          params: idParam,
          body: passwordResetBody,
          response: { 200: accountAnswer, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, office);
        const target = await oneAccount(viewer, request.params.id);
        const password = await preparePassword(request.body.password, target?.username ?? '');
        await inTransaction((tx) => resetPassword(tx, viewer, request.params.id, password.hash));
        app.sessions.forgetUser(request.params.id);
        return { ...(await oneAccount(viewer, request.params.id)), generatedPassword: password.generated };
      },
    );

    for (const [path, active, summary] of [
      ['disable', false, '停用账号（联工委）：其会话立即结束，不能再登录'],
      ['enable', true, '启用账号（联工委）'],
    ] as const) {
      app.post(
        `/admin/accounts/:id/${path}`,
        {
          schema: {
            tags,
            operationId: active ? 'adminEnableAccount' : 'adminDisableAccount',
            summary,
            description: controlNote,
            params: idParam,
            response: { 200: accountRecord, ...writeFailures },
          },
        },
        async (request) => {
          const viewer = requireRole(request, office);
          await inTransaction((tx) => setAccountActive(tx, viewer, request.params.id, active));
          app.sessions.forgetUser(request.params.id);
          return oneAccount(viewer, request.params.id);
        },
      );
    }
  };
