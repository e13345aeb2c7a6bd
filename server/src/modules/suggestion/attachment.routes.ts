import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { failures, readFailures } from '../../platform/api-schemas.js';
import { uploadBody } from '../../platform/openapi.js';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, invalidInput, notFound } from '../../platform/errors.js';
import { addAttachment, MAX_ATTACHMENT_BYTES } from './commands/add-attachment.js';
import { visibleTo } from './suggestion.policy.js';
import { idParam } from './suggestion.schemas.js';

const tags = ['代表建议'];
/** A file's bytes, sent as they are (a Buffer bypasses the JSON serializer). */
const fileContent = z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary' });
const uploaded = z.object({
  id: z.number().int().positive().describe('附件 id：下载 GET /api/attachments/{id}'),
  fileName: z.string(),
  sizeBytes: z.number().int().min(0),
});

export const attachmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/suggestions/:id/attachments',
      {
        schema: {
          tags,
          operationId: 'addAttachment',
          summary: '上传附件（multipart，字段名 file）',
          description:
            '领衔代表为草稿或退回修改的建议上传一个附件（不超过10MB），以 multipart/form-data 提交，文件放在字段 file 中。附件随后列在详情的 attachments[] 中。',
          params: idParam,
          ...uploadBody('file', '附件文件，不超过10MB'),
          response: { 201: uploaded, ...failures(400, 401, 403, 404, 409, 413) },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        if (!request.isMultipart()) throw invalidInput('请以表单文件方式上传附件');
        const file = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
        if (!file) throw invalidInput('未收到附件');
        const content = await file.toBuffer().catch((err: { code?: string }) => {
          if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('too_large', '附件不能超过10MB');
          throw err;
        });
        const row = await ctx.db
          .transaction()
          .execute((tx) =>
            addAttachment(tx, viewer, request.params.id, { fileName: file.filename, mimeType: file.mimetype, content }),
          );
        reply.status(201);
        return { id: row.id, fileName: row.file_name, sizeBytes: row.size_bytes };
      },
    );

    app.get(
      '/attachments/:id',
      {
        schema: {
          tags,
          operationId: 'downloadAttachment',
          summary: '下载附件',
          description:
            '附件 id 取自详情的 attachments[].id；看不到那件建议的用户答复 404。Content-Type 为上传时的类型。',
          params: idParam,
          response: {
            200: { description: '附件内容', content: { 'application/octet-stream': { schema: fileContent } } },
            ...readFailures,
          },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const row = await ctx.db
          .selectFrom('attachment as a')
          .innerJoin('suggestion as s', 's.id', 'a.suggestion_id')
          .select(['a.file_name', 'a.mime_type', 'a.content'])
          .where('a.id', '=', request.params.id)
          .where(visibleTo(viewer) as never)
          .executeTakeFirst();
        if (!row) throw notFound('附件');
        return reply
          .header('content-type', row.mime_type)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.file_name)}`)
          .header('x-content-type-options', 'nosniff')
          .send(row.content);
      },
    );
  };
