import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, invalidInput, notFound } from '../../platform/errors.js';
import { addAttachment, MAX_ATTACHMENT_BYTES } from './commands/add-attachment.js';
import { visibleTo } from './suggestion.policy.js';
import { idParam } from './suggestion.schemas.js';

export const attachmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.post('/suggestions/:id/attachments', { schema: { tags: ['代表建议'], summary: '上传附件（multipart，字段名 file）', params: idParam } }, async (request, reply) => {
      const viewer = requireViewer(request);
      if (!request.isMultipart()) throw invalidInput('请以表单文件方式上传附件');
      const file = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
      if (!file) throw invalidInput('未收到附件');
      const content = await file.toBuffer().catch((err: { code?: string }) => {
        if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('too_large', '附件不能超过10MB');
        throw err;
      });
      const row = await ctx.db.transaction().execute((tx) => addAttachment(tx, viewer, request.params.id, { fileName: file.filename, mimeType: file.mimetype, content }));
      reply.status(201);
      return { id: row.id, fileName: row.file_name, sizeBytes: row.size_bytes };
    });

    app.get('/attachments/:id', { schema: { tags: ['代表建议'], summary: '下载附件', params: idParam } }, async (request, reply) => {
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
    });
  };
