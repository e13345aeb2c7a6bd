import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { failures, writeFailures } from '../../platform/api-schemas.js';
import { requireRole } from '../../platform/auth/roles.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { sameShape } from '../../platform/schema-shape.js';
import { idParam, namedBody, namedEntry, namedList } from './admin.schemas.js';
import { namedKindLabels } from './administration.labels.js';
import { rolesAdministering } from './administration.policy.js';
import { preparePassword } from './commands/accounts.js';
import { createDeputy, recordDeputyLeaving, updateDeputy } from './commands/manage-deputies.js';
import { createRosterEntry, renameRosterEntry, retireRosterEntry, type RosterKind } from './commands/manage-roster.js';
import {
  deputyLeaveBody,
  deputyPage,
  deputyQuery,
  deputyRecord,
  deputyUpdateBody,
  newDeputyBody,
} from './deputies.schemas.js';
import { findDeputy, listDeputies, presentDeputy } from './deputies.repository.js';
import { listRoster } from './roster.repository.js';

const tags = ['本级人大管理'];
sameShape<z.output<typeof namedList>, Awaited<ReturnType<typeof listRoster>>>();
sameShape<z.output<typeof deputyRecord>, ReturnType<typeof presentDeputy>>();

const newDeputyAnswer = deputyRecord.extend({
  generatedPassword: z.string().nullable().describe('系统生成的初始密码（仅此一次显示）；联工委自行填写密码时为 null'),
});

/** Named lists (代表团, 代表小组, 专门委员会) share their four routes. */
export const rosterRoutes =
  (ctx: AppContext, kind: RosterKind, path: string): FastifyPluginAsyncZod =>
  async (app) => {
    const label = namedKindLabels[kind];
    const office = rolesAdministering('delegation.manage');
    const inTransaction = <T>(work: (tx: Tx) => Promise<T>) => ctx.db.transaction().execute(work);
    const entry = (row: { id: number; name: string; retired_at: Date | null }) => ({
      id: row.id,
      name: row.name,
      retiredAt: row.retired_at,
    });
    const op = kind.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    const Op = op[0]!.toUpperCase() + op.slice(1);

    app.get(
      `/admin/${path}`,
      {
        schema: {
          tags,
          operationId: `adminList${Op}s`,
          summary: `${label}（联工委）`,
          description: '在用的在前；停用的保留名称，供已有记录显示。',
          response: { 200: namedList, ...failures(401, 403) },
        },
      },
      async (request) => listRoster(ctx.db, kind, requireRole(request, office).grant.congressId),
    );

    app.post(
      `/admin/${path}`,
      {
        schema: {
          tags,
          operationId: `adminCreate${Op}`,
          summary: `新建${label}（联工委）`,
          description: '名称在本级人大内不得重复（409）。',
          body: namedBody,
          response: { 201: namedEntry, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, office);
        const row = await inTransaction((tx) => createRosterEntry(tx, viewer, kind, request.body.name));
        return reply.code(201).send(entry(row));
      },
    );

    app.put(
      `/admin/${path}/:id`,
      {
        schema: {
          tags,
          operationId: `adminRename${Op}`,
          summary: `修改${label}名称（联工委）`,
          params: idParam,
          body: namedBody,
          response: { 200: namedEntry, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, office);
        return entry(
          await inTransaction((tx) => renameRosterEntry(tx, viewer, kind, request.params.id, request.body.name)),
        );
      },
    );

    app.post(
      `/admin/${path}/:id/retire`,
      {
        schema: {
          tags,
          operationId: `adminRetire${Op}`,
          summary: `停用${label}（联工委）`,
          description: '停用后不能再选用；已引用它的代表、建议保留原名称。已停用的答复 409。',
          params: idParam,
          response: { 200: namedEntry, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, office);
        return entry(
          await inTransaction((tx) => retireRosterEntry(tx, viewer, kind, request.params.id, ctx.clock.now())),
        );
      },
    );
  };

/** 代表: the office's list with private particulars, and its three writes. */
export const deputyRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const office = rolesAdministering('deputy.manage');
    const inTransaction = <T>(work: (tx: Tx) => Promise<T>) => ctx.db.transaction().execute(work);

    app.get(
      '/admin/deputies',
      {
        schema: {
          tags,
          operationId: 'adminListDeputies',
          summary: '代表名册（联工委；含电话、身份证号码等仅联工委可见的信息）',
          querystring: deputyQuery,
          response: { 200: deputyPage, ...failures(400, 401, 403) },
        },
      },
      async (request) => listDeputies(ctx.db, requireRole(request, office).grant.congressId, request.query),
    );

    app.post(
      '/admin/deputies',
      {
        schema: {
          tags,
          operationId: 'adminCreateDeputy',
          summary: '新增代表及其登录账号（联工委）',
          description:
            'account.kind 为 new 时新建账号（密码不填则由系统生成并在答复中显示一次；代表首次登录须修改密码）；为 existing 时关联此人在其他人大担任代表的账号（身份证号码须一致）。同届身份证号码、登录账号重复答复 409。',
          body: newDeputyBody,
          response: { 201: newDeputyAnswer, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, office);
        const { account } = request.body;
        const password = account.kind === 'new' ? await preparePassword(account.password, account.username) : null;
        const row = await inTransaction((tx) => createDeputy(tx, viewer, request.body, password));
        const deputy = presentDeputy(await findDeputy(ctx.db, viewer.grant.congressId, row.id));
        return reply.code(201).send({ ...deputy, generatedPassword: password?.generated ?? null });
      },
    );

    app.put(
      '/admin/deputies/:id',
      {
        schema: {
          tags,
          operationId: 'adminUpdateDeputy',
          summary: '修改代表信息（联工委）',
          params: idParam,
          body: deputyUpdateBody,
          response: { 200: deputyRecord, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, office);
        await inTransaction((tx) => updateDeputy(tx, viewer, request.params.id, request.body));
        return presentDeputy(await findDeputy(ctx.db, viewer.grant.congressId, request.params.id));
      },
    );

    app.post(
      '/admin/deputies/:id/leave',
      {
        schema: {
          tags,
          operationId: 'adminRecordDeputyLeaving',
          summary: '代表离任：任期届满、辞职或终止代表资格（联工委）',
          description: '代表记录和其提出的建议都保留；已离任的答复 409。',
          params: idParam,
          body: deputyLeaveBody,
          response: { 200: deputyRecord, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, office);
        await inTransaction((tx) => recordDeputyLeaving(tx, viewer, request.params.id, request.body));
        return presentDeputy(await findDeputy(ctx.db, viewer.grant.congressId, request.params.id));
      },
    );
  };
