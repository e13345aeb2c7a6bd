import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { failures, noContent, writeFailures } from '../../platform/api-schemas.js';
import { requireRole } from '../../platform/auth/roles.js';
import type { AppContext } from '../../platform/context.js';
import type { Tx } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { sameShape } from '../../platform/schema-shape.js';
import { idParam } from './admin.schemas.js';
import { authorise, governmentOfficeAllowed } from './administration.access.js';
import { rolesAdministering } from './administration.policy.js';
import { preparePassword } from './commands/accounts.js';
import { addUnitStaff, removeUnitStaff } from './commands/manage-staff.js';
import {
  createSystem,
  createUnit,
  retireSystem,
  retireUnit,
  updateSystem,
  updateUnit,
} from './commands/manage-units.js';
import { reformUnit } from './commands/reform-unit.js';
import { updateAdministrationSettings } from './commands/update-settings.js';
import {
  reformBody,
  reformList,
  settingsBody,
  settingsRecord,
  staffAnswer,
  staffBody,
  staffList,
  systemBody,
  systemList,
  systemRecord,
  unitBody,
  unitList,
  unitRecord,
} from './units.schemas.js';
import { listAdminUnits, listReforms, listStaff, listSystems } from './units.repository.js';

const tags = ['本级人大管理'];
sameShape<z.output<typeof unitList>, Awaited<ReturnType<typeof listAdminUnits>>>();
sameShape<z.output<typeof systemList>, Awaited<ReturnType<typeof listSystems>>>();
sameShape<z.output<typeof staffList>, Awaited<ReturnType<typeof listStaff>>>();
sameShape<z.output<typeof reformList>, Awaited<ReturnType<typeof listReforms>>>();

const staffParams = idParam.extend({ grantId: z.coerce.number().int().positive('编号不正确').max(2_147_483_647) });
const reformAnswer = unitRecord.extend({
  assignmentsMoved: z.number().int().describe('移交给承接单位的未办结建议数'),
  promisesMoved: z.number().int().describe('移交给承接单位的未销号承诺事项数'),
});
const governmentNote = '政府办公厅在联工委授权后可管理本系统的承办单位。';

/** 系统, 承办单位 and their staff; 机构改革; whether government offices administer their units. */
export const unitAdminRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const office = rolesAdministering('unit_system.manage');
    const unitAdmins = rolesAdministering('unit.update');
    const inTransaction = <T>(work: (tx: Tx) => Promise<T>) => ctx.db.transaction().execute(work);
    const oneUnit = async (viewer: Parameters<typeof listAdminUnits>[1], unitId: number) =>
      (await listAdminUnits(ctx.db, viewer, { unitId })).items[0]!;

    app.get(
      '/admin/systems',
      {
        schema: {
          tags,
          operationId: 'adminListSystems',
          summary: '系统（政府系统、党群系统、法院检察院……）',
          response: { 200: systemList, ...failures(401, 403) },
        },
      },
      async (request) => listSystems(ctx.db, requireRole(request, unitAdmins).grant.congressId),
    );

    app.post(
      '/admin/systems',
      {
        schema: {
          tags,
          operationId: 'adminCreateSystem',
          summary: '新建系统（联工委）',
          body: systemBody,
          response: { 201: systemRecord, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, office);
        const row = await inTransaction((tx) => createSystem(tx, viewer, request.body));
        return reply
          .code(201)
          .send({ id: row.id, name: row.name, isGovernment: row.is_government, retiredAt: row.retired_at });
      },
    );

    app.put(
      '/admin/systems/:id',
      {
        schema: {
          tags,
          operationId: 'adminUpdateSystem',
          summary: '修改系统（联工委）',
          params: idParam,
          body: systemBody,
          response: { 200: systemRecord, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, office);
        const row = await inTransaction((tx) => updateSystem(tx, viewer, request.params.id, request.body));
        return { id: row.id, name: row.name, isGovernment: row.is_government, retiredAt: row.retired_at };
      },
    );

    app.post(
      '/admin/systems/:id/retire',
      {
        schema: {
          tags,
          operationId: 'adminRetireSystem',
          summary: '停用系统（联工委；系统内须无在用单位）',
          params: idParam,
          response: { 200: systemRecord, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, office);
        const row = await inTransaction((tx) => retireSystem(tx, viewer, request.params.id, ctx.clock.now()));
        return { id: row.id, name: row.name, isGovernment: row.is_government, retiredAt: row.retired_at };
      },
    );

    app.get(
      '/admin/units',
      {
        schema: {
          tags,
          operationId: 'adminListUnits',
          summary: '承办单位及其职责、审核流程、人员数（联工委；获授权的政府办公厅看本系统）',
          description: `在用的在前；已撤销的注明方式与承接单位。${governmentNote}`,
          response: { 200: unitList, ...failures(401, 403) },
        },
      },
      async (request) => {
        const viewer = requireRole(request, unitAdmins);
        await authorise(ctx.db, viewer, 'unit.update', viewer.grant.unitSystemId);
        return listAdminUnits(ctx.db, viewer);
      },
    );

    app.post(
      '/admin/units',
      {
        schema: {
          tags,
          operationId: 'adminCreateUnit',
          summary: '新增承办单位',
          description: `单位名称在本级人大内不得重复（409）。${governmentNote}`,
          body: unitBody,
          response: { 201: unitRecord, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, unitAdmins);
        const row = await inTransaction((tx) => createUnit(tx, viewer, request.body));
        return reply.code(201).send(await oneUnit(viewer, row.id));
      },
    );

    app.put(
      '/admin/units/:id',
      {
        schema: {
          tags,
          operationId: 'adminUpdateUnit',
          summary: '修改承办单位：名称、简称、职责、审核流程',
          description: governmentNote,
          params: idParam,
          body: unitBody,
          response: { 200: unitRecord, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, unitAdmins);
        await inTransaction((tx) => updateUnit(tx, viewer, request.params.id, request.body));
        return oneUnit(viewer, request.params.id);
      },
    );

    app.post(
      '/admin/units/:id/retire',
      {
        schema: {
          tags,
          operationId: 'adminRetireUnit',
          summary: '撤销承办单位（联工委；须无未办结事项，否则以机构改革移交）',
          description: '撤销后不能再交办；已有的答复和记录保留原单位名称。',
          params: idParam,
          response: { 200: unitRecord, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, office);
        await inTransaction((tx) => retireUnit(tx, viewer, request.params.id, ctx.clock.now()));
        return oneUnit(viewer, request.params.id);
      },
    );

    app.post(
      '/admin/units/:id/reform',
      {
        schema: {
          tags,
          operationId: 'adminReformUnit',
          summary: '机构改革：合并或撤销承办单位，把未办结的建议和承诺事项移交承接单位（联工委）',
          description:
            '未办结的承办任务（连同期限与沟通记录）、未签发的答复草稿和未销号的承诺事项移交承接单位；已签发的答复保留在原单位名下。原单位撤销，改革记录可在 GET /api/admin/reforms 查看，每件建议的办理记录中可见移交。承接单位也在办理同一建议时答复 409。',
          params: idParam,
          body: reformBody,
          response: { 200: reformAnswer, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, office);
        const moved = await inTransaction((tx) =>
          reformUnit(tx, viewer, request.params.id, request.body, ctx.clock.now()),
        );
        return {
          ...(await oneUnit(viewer, request.params.id)),
          assignmentsMoved: moved.assignmentsMoved,
          promisesMoved: moved.promisesMoved,
        };
      },
    );

    app.get(
      '/admin/reforms',
      {
        schema: {
          tags,
          operationId: 'adminListReforms',
          summary: '机构改革记录（联工委）',
          response: { 200: reformList, ...failures(401, 403) },
        },
      },
      async (request) => listReforms(ctx.db, requireRole(request, office).grant.congressId),
    );

    app.get(
      '/admin/units/:id/staff',
      {
        schema: {
          tags,
          operationId: 'adminListUnitStaff',
          summary: '承办单位的人员（经办人、审核人、签发人）',
          description: governmentNote,
          params: idParam,
          response: { 200: staffList, ...failures(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const viewer = requireRole(request, unitAdmins);
        const unit = (await listAdminUnits(ctx.db, viewer, { unitId: request.params.id })).items[0];
        if (!unit) throw notFound('承办单位');
        await authorise(ctx.db, viewer, 'unit.staff', unit.unitSystemId);
        return listStaff(ctx.db, unit.id);
      },
    );

    app.post(
      '/admin/units/:id/staff',
      {
        schema: {
          tags,
          operationId: 'adminAddUnitStaff',
          summary: '为承办单位增加人员：新建账号并授予经办人、审核人或签发人角色',
          description: `existing 为 true 时给本单位已有账号再授予一个角色。密码不填则由系统生成并在答复中显示一次；首次登录须修改。${governmentNote}`,
          params: idParam,
          body: staffBody,
          response: { 201: staffAnswer, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, unitAdmins);
        const { existing, password, username } = request.body;
        const prepared = existing ? null : await preparePassword(password, username);
        const added = await inTransaction((tx) => addUnitStaff(tx, viewer, request.params.id, request.body, prepared));
        const staff = (await listStaff(ctx.db, request.params.id)).items.find((s) => s.grantId === added.grantId)!;
        return reply.code(201).send({ ...staff, generatedPassword: prepared?.generated ?? null });
      },
    );

    app.post(
      '/admin/units/:id/staff/:grantId/remove',
      {
        schema: {
          tags,
          operationId: 'adminRemoveUnitStaff',
          summary: '收回承办单位人员的角色（其以该角色登录的会话立即结束）',
          description: governmentNote,
          params: staffParams,
          response: { 204: noContent, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, unitAdmins);
        const removed = await inTransaction((tx) =>
          removeUnitStaff(tx, viewer, request.params.id, request.params.grantId),
        );
        app.sessions.forgetUser(removed.userId);
        return reply.code(204).send();
      },
    );

    app.get(
      '/admin/settings',
      {
        schema: {
          tags,
          operationId: 'adminGetSettings',
          summary: '管理设置：是否授权政府办公厅管理本系统的承办单位',
          response: { 200: settingsRecord, ...failures(401, 403) },
        },
      },
      async (request) => ({
        governmentOfficeAdministersUnits: await governmentOfficeAllowed(
          ctx.db,
          requireRole(request, office).grant.congressId,
        ),
      }),
    );

    app.put(
      '/admin/settings',
      {
        schema: {
          tags,
          operationId: 'adminUpdateSettings',
          summary: '修改管理设置（联工委）',
          body: settingsBody,
          response: { 200: settingsRecord, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, office);
        return inTransaction((tx) => updateAdministrationSettings(tx, viewer, request.body));
      },
    );
  };
