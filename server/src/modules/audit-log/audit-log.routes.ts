import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { failures } from '../../platform/api-schemas.js';
import { auditActions } from '../../platform/audit.js';
import { requireRole } from '../../platform/auth/roles.js';
import type { AppContext } from '../../platform/context.js';
import { sameShape } from '../../platform/schema-shape.js';
import { auditLogWorkbook } from './audit-log.export.js';
import { auditActors, auditLogAll, auditLogPage as readPage, EXPORT_LIMIT } from './audit-log.repository.js';
import { auditActionList, auditActorList, auditLogPage, auditLogQuery } from './audit-log.schemas.js';

const tags = ['审计日志'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsxContent = z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary' });
const onlyOffice = '只有联工委可用（其他角色答复 403），只列本级人大的记录；所涉建议须是联工委可见的。';
sameShape<z.output<typeof auditLogPage>, Awaited<ReturnType<typeof readPage>>>();

export const auditLogRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit-log',
      {
        schema: {
          tags,
          operationId: 'listAuditLog',
          summary: '审计日志：谁在何时做了什么（联工委）',
          description: `${onlyOffice} 可按操作人、操作、建议与日期（北京时间）筛选，新的在前，分页。`,
          querystring: auditLogQuery,
          response: { 200: auditLogPage, ...failures(400, 401, 403) },
        },
      },
      async (request) => readPage(ctx.db, requireRole(request, ['liaison_office']), request.query),
    );

    app.get(
      '/audit-log/export',
      {
        schema: {
          tags,
          operationId: 'exportAuditLog',
          summary: '导出审计日志（Excel）',
          description: `${onlyOffice} 筛选条件同 GET /api/audit-log（不分页），至多 ${EXPORT_LIMIT} 条。`,
          querystring: auditLogQuery,
          response: {
            200: { description: '审计日志 .xlsx', content: { [XLSX]: { schema: xlsxContent } } },
            ...failures(400, 401, 403),
          },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, ['liaison_office']);
        const congress = await ctx.db
          .selectFrom('congress')
          .select('name')
          .where('id', '=', viewer.grant.congressId)
          .executeTakeFirstOrThrow();
        const content = await auditLogWorkbook(await auditLogAll(ctx.db, viewer, request.query), congress.name);
        return reply
          .header('content-type', XLSX)
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(`${congress.name}审计日志.xlsx`)}`,
          )
          .header('x-content-type-options', 'nosniff')
          .send(content);
      },
    );

    app.get(
      '/audit-log/actors',
      {
        schema: {
          tags,
          operationId: 'listAuditActors',
          summary: '审计日志中出现过的操作人（筛选用）',
          description: onlyOffice,
          response: { 200: auditActorList, ...failures(401, 403) },
        },
      },
      async (request) => ({ items: await auditActors(ctx.db, requireRole(request, ['liaison_office'])) }),
    );

    app.get(
      '/audit-log/actions',
      {
        schema: {
          tags,
          operationId: 'listAuditActions',
          summary: '可筛选的操作及其中文名称',
          description: onlyOffice,
          response: { 200: auditActionList, ...failures(401, 403) },
        },
      },
      async (request) => {
        requireRole(request, ['liaison_office']);
        return { items: Object.entries(auditActions).map(([action, label]) => ({ action, label })) };
      },
    );
  };
