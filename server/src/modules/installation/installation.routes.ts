import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { failures, writeFailures } from '../../platform/api-schemas.js';
import { requireAdmin } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { sameShape } from '../../platform/schema-shape.js';
import { createCongress } from './commands/create-congress.js';
import { createOfficeAccount } from './commands/create-office-account.js';
import { congressTree as readTree } from './installation.repository.js';
import {
  congressNode,
  congressParam,
  congressTree,
  createCongressBody,
  createdOfficeAccount,
  createOfficeAccountBody,
} from './installation.schemas.js';

const tags = ['系统管理'];
const onlyAdmin = '只有系统管理员可以调用（其他角色答复 403）；系统管理员看不到任何建议。';
sameShape<z.output<typeof congressTree>['items'], Awaited<ReturnType<typeof readTree>>>();
sameShape<z.output<typeof createdOfficeAccount>, Awaited<ReturnType<typeof createOfficeAccount>>>();

export const installationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/installation/congresses',
      {
        schema: {
          tags,
          operationId: 'listCongressTree',
          summary: '人大机构树及各级联工委账号（系统管理员）',
          description: onlyAdmin,
          response: { 200: congressTree, ...failures(401, 403) },
        },
      },
      async (request) => {
        requireAdmin(request);
        return { items: await readTree(ctx.db) };
      },
    );

    app.post(
      '/installation/congresses',
      {
        schema: {
          tags,
          operationId: 'createCongress',
          summary: '新建人大机构（系统管理员）',
          description: `${onlyAdmin} 下级的层级须低于上级；行政区划代码全系统唯一，同一上级下名称唯一（重复答复 409）。答复 201 与新节点。`,
          body: createCongressBody,
          response: { 201: congressNode, ...writeFailures },
        },
      },
      async (request, reply) => {
        const admin = requireAdmin(request);
        const id = await ctx.db.transaction().execute((tx) => createCongress(tx, admin, request.body));
        const node = (await readTree(ctx.db)).find((c) => c.id === id);
        if (!node) throw notFound('人大机构');
        return reply.code(201).send(node);
      },
    );

    app.post(
      '/installation/congresses/:id/office-accounts',
      {
        schema: {
          tags,
          operationId: 'createOfficeAccount',
          summary: '为人大机构新建联工委账号（系统管理员）',
          description: `${onlyAdmin} 账号持有人首次登录后须先修改密码。不填密码时由系统生成，只在本答复中给出一次。用户名已被使用答复 409。答复 201。`,
          params: congressParam,
          body: createOfficeAccountBody,
          response: { 201: createdOfficeAccount, ...writeFailures },
        },
      },
      async (request, reply) => {
        const admin = requireAdmin(request);
        const account = await createOfficeAccount(ctx.db, admin, request.params.id, request.body);
        return reply.code(201).send(account);
      },
    );
  };
