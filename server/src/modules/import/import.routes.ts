import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { failures } from '../../platform/api-schemas.js';
import { hashPassword, checkPasswordStrength } from '../../platform/auth/password.js';
import { requireRole } from '../../platform/auth/roles.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, invalidInput, invalidState, notFound } from '../../platform/errors.js';
import { uploadBody } from '../../platform/openapi.js';
import type { ImportKind } from '../../db/schema.import.js';
import { exportRows, lookupsOf } from './import.export.js';
import { importsSettled, runDryRun, runPublish } from './import.jobs.js';
import { importKindLabels } from './import.labels.js';
import { exportQuery, importJob, jobParam, kindParam } from './import.schemas.js';
import { buildWorkbook } from './import.workbook.js';

const tags = ['导入导出'];
const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const workbook = z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary' });
const workbookAnswer = { description: 'Excel 工作簿（.xlsx）', content: { [XLSX]: { schema: workbook } } };
/** A job that has not moved for this long died with its server process: another may start. */
const STALE_MS = 10 * 60 * 1000;

type JobRow = {
  id: number;
  kind: ImportKind;
  state: z.output<typeof importJob>['state'];
  file_name: string;
  total_rows: number;
  done_rows: number;
  progress: number;
  problem_count: number;
  problems: z.output<typeof importJob>['problems'];
  result: Record<string, number> | null;
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
};

const present = (j: JobRow): z.output<typeof importJob> => ({
  id: j.id,
  kind: j.kind,
  state: j.state,
  fileName: j.file_name,
  totalRows: j.total_rows,
  doneRows: j.done_rows,
  progress: j.progress,
  problemCount: j.problem_count,
  problems: j.problems,
  counts: j.result,
  error: j.error,
  createdAt: j.created_at,
  finishedAt: j.finished_at,
});

function sendWorkbook(reply: { header(k: string, v: string): unknown }, name: string) {
  reply.header('content-type', XLSX);
  reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
  reply.header('cache-control', 'no-store');
}

export const importRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    // A server closing lets a running import finish its phase (or fail it) before the database closes.
    app.addHook('onClose', importsSettled);
    const jobOf = async (congressId: number, id: number) => {
      const job = await ctx.db
        .selectFrom('import_job')
        .selectAll()
        .where('id', '=', id)
        .where('congress_id', '=', congressId)
        .executeTakeFirst();
      if (!job) throw notFound('导入任务');
      return job;
    };

    app.get(
      '/import-templates/:kind',
      {
        schema: {
          tags,
          operationId: 'downloadImportTemplate',
          summary: '下载导入模板（Excel）',
          description:
            '联工委下载一种名单的模板：列名、「说明」表（每列的含义、必填与可选值）、下拉选项（本级人大的答复分类、建议类别、承办单位、代表团、系统）。',
          params: kindParam,
          response: { 200: workbookAnswer, ...failures(400, 401, 403) },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, ['liaison_office']);
        const lookups = await lookupsOf(ctx.db, viewer.grant.congressId);
        const file = await buildWorkbook(request.params.kind, lookups, lookups);
        sendWorkbook(reply, `${importKindLabels[request.params.kind]}导入模板.xlsx`);
        return reply.send(file);
      },
    );

    app.post(
      '/imports',
      {
        schema: {
          tags,
          operationId: 'startImport',
          summary: '上传 Excel 并检查（不写入）',
          description:
            '联工委上传填好的模板（multipart/form-data：先放字段 initialPassword——导入会创建账号时必填，账号首次登录须修改密码——再放文件字段 file，不超过30MB）。服务器在后台读取并逐行检查，答复 202 与导入任务；轮询 GET /api/imports/{id} 查看进度，state 为 checked 时 problems 列出每个问题的工作表、行、列与说明，problemCount 为 0 时可确认导入 POST /api/imports/{id}/publish。本级人大已有导入在进行时答复 409。',
          querystring: kindParam,
          ...uploadBody('file', 'Excel 工作簿（.xlsx），不超过30MB'),
          response: { 202: importJob, ...failures(400, 401, 403, 409, 413) },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, ['liaison_office']);
        if (!request.isMultipart()) throw invalidInput('请以表单文件方式上传 Excel 文件');
        const file = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
        if (!file) throw invalidInput('未收到文件');
        if (!/\.xlsx$/i.test(file.filename)) throw invalidInput('请上传 Excel 工作簿（.xlsx），可先下载模板填写');
        const content = await file.toBuffer().catch((err: { code?: string }) => {
          if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('too_large', '导入文件不能超过30MB');
          throw err;
        });
        const passwordField = file.fields.initialPassword;
        const password =
          passwordField && !Array.isArray(passwordField) && passwordField.type === 'field'
            ? String(passwordField.value)
            : '';
        if (password !== '') {
          const weak = checkPasswordStrength(password);
          if (weak) throw invalidInput(`初始密码不符合要求：${weak.replace('新密码', '密码')}`);
        }
        const congressId = viewer.grant.congressId;
        const job = await ctx.db.transaction().execute(async (tx) => {
          // One import at a time per congress: the office's lists change under a running check otherwise.
          await tx.selectFrom('congress').select('id').where('id', '=', congressId).forUpdate().execute();
          const busy = await tx
            .selectFrom('import_job')
            .select('id')
            .where('congress_id', '=', congressId)
            .where('state', 'in', ['reading', 'checking', 'publishing'])
            .where('updated_at', '>', new Date(Date.now() - STALE_MS))
            .executeTakeFirst();
          if (busy) throw invalidState('本级人大已有一个导入正在进行，请等它完成后再上传');
          return tx
            .insertInto('import_job')
            .values({
              congress_id: congressId,
              kind: request.query.kind,
              state: 'reading',
              file_name: file.filename.slice(0, 200),
              initial_password_hash: password === '' ? null : await hashPassword(password),
              created_by: viewer.userId,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
        });
        runDryRun(ctx, job.id, content);
        reply.status(202);
        return present(job);
      },
    );

    app.get(
      '/imports/:id',
      {
        schema: {
          tags,
          operationId: 'getImport',
          summary: '导入任务的进度、问题与结果',
          description: '只能查看本级人大的导入任务；其他人大的答复 404。',
          params: jobParam,
          response: { 200: importJob, ...failures(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const viewer = requireRole(request, ['liaison_office']);
        return present(await jobOf(viewer.grant.congressId, request.params.id));
      },
    );

    app.post(
      '/imports/:id/publish',
      {
        schema: {
          tags,
          operationId: 'publishImport',
          summary: '确认导入（全部成功或全部不导入）',
          description:
            '检查完成且没有问题（problemCount 为 0）时确认导入：服务器按当前数据再检查一遍，然后在一个事务中写入全部数据并记一条审计（导入Excel）。答复 202，轮询 GET /api/imports/{id} 直到 state 为 done（counts 为导入的数量）；若再检查发现问题，state 回到 checked 并列出问题，什么也不写入。状态不对（未检查完、有问题、已导入）答复 409。',
          params: jobParam,
          response: { 202: importJob, ...failures(400, 401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, ['liaison_office']);
        const job = await jobOf(viewer.grant.congressId, request.params.id);
        const started = await ctx.db
          .updateTable('import_job')
          .set({ state: 'publishing', progress: 0, updated_at: new Date() })
          .where('id', '=', job.id)
          .where('state', '=', 'checked')
          .where('problem_count', '=', 0)
          .returningAll()
          .executeTakeFirst();
        if (!started) {
          throw invalidState(
            job.state === 'checked'
              ? '文件还有问题，请改正后重新上传'
              : `该导入任务${job.state === 'done' ? '已导入' : '当前不能确认导入'}`,
          );
        }
        runPublish(ctx, job.id, { userId: viewer.userId, congressId: viewer.grant.congressId, role: 'liaison_office' });
        reply.status(202);
        return present(started);
      },
    );

    app.get(
      '/exports/:kind',
      {
        schema: {
          tags,
          operationId: 'exportList',
          summary: '导出名单（Excel，格式同导入模板）',
          description:
            '联工委导出本级人大的代表名单、承办单位及人员，或一次会议的建议及办理情况（sessionId 必填）。导出的文件改后可再导入。',
          params: kindParam,
          querystring: exportQuery,
          response: { 200: workbookAnswer, ...failures(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, ['liaison_office']);
        const congressId = viewer.grant.congressId;
        const { kind } = request.params;
        let sessionId: number | null = null;
        let name = `${importKindLabels[kind]}.xlsx`;
        if (kind === 'suggestions') {
          if (!request.query.sessionId) throw invalidInput('导出建议须指定会议（sessionId）');
          const session = await ctx.db
            .selectFrom('congress_session as cs')
            .innerJoin('term as t', 't.id', 'cs.term_id')
            .select(['cs.id', 't.ordinal as term', 'cs.ordinal'])
            .where('cs.id', '=', request.query.sessionId)
            .where('cs.congress_id', '=', congressId)
            .executeTakeFirst();
          if (!session) throw notFound('会议');
          sessionId = session.id;
          name = `第${session.term}届第${session.ordinal}次会议建议.xlsx`;
        }
        const lookups = await lookupsOf(ctx.db, congressId);
        const rows = await exportRows(ctx.db, kind, congressId, sessionId);
        const file = await buildWorkbook(kind, lookups, lookups, rows);
        sendWorkbook(reply, name);
        return reply.send(file);
      },
    );
  };
