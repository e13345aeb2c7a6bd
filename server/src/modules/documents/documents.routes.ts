import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { failures, noContent, readFailures, writeFailures } from '../../platform/api-schemas.js';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, forbidden, invalidInput } from '../../platform/errors.js';
import { uploadBody } from '../../platform/openapi.js';
import { idParam } from '../suggestion/suggestion.schemas.js';
import { issueUrgingNotice } from './commands/issue-urging-notice.js';
import { removeLetterhead, uploadLetterhead } from './commands/letterhead.js';
import { letterheadOwnerOf, officeOrganName } from './documents.policy.js';
import { letterheadOf, loadReplyLetter, loadUrgingNotice } from './documents.repository.js';
import { docxResponse, htmlResponse } from './documents.responses.js';
import { letterheadState, urgingNotice, urgingNoticeList } from './documents.schemas.js';
import { MAX_LETTERHEAD_BYTES } from './letterhead.js';
import { attachmentNamed, documentDocx, documentPage } from './render.js';
import { replyLetterDocument, urgingNoticeDocument } from './reply-letter.js';
import { listUrgingNotices, presentUrgingNotice } from './urging-notice.list.js';

const tags = ['公文'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const sendDocx = (reply: FastifyReply, name: string, content: Buffer) =>
  reply
    .header('content-type', DOCX)
    .header('content-disposition', attachmentNamed(name, 'docx'))
    .header('x-content-type-options', 'nosniff')
    .send(content);
const sendPage = (reply: FastifyReply, html: string) =>
  reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(Buffer.from(html));

export const documentsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const replyLetterNote =
      '答复 id 取自建议详情的 replies[].id。看得到这份答复的人才能取得答复函（其他人答复 404）：已签发的答复对能查看该建议的人可见，未签发的草稿只有本单位可见（文号待签发时编定）。';

    app.get(
      '/replies/:id/letter/docx',
      {
        schema: {
          tags,
          operationId: 'downloadReplyLetter',
          summary: '下载答复函（Word，GB/T 9704 版式）',
          description: `${replyLetterNote} 用承办单位自己的信笺模板（若已上传）代替系统生成的红头。`,
          params: idParam,
          response: { 200: docxResponse('答复函 .docx'), ...readFailures },
        },
      },
      async (request, reply) => {
        const { facts, issuer } = await loadReplyLetter(ctx.db, requireViewer(request), request.params.id);
        const doc = replyLetterDocument(facts);
        return sendDocx(reply, doc.name, await documentDocx(ctx.db, doc, issuer));
      },
    );

    app.get(
      '/replies/:id/letter/html',
      {
        schema: {
          tags,
          operationId: 'viewReplyLetter',
          summary: '查看、打印答复函（网页，A4 打印样式）',
          description: `${replyLetterNote} 与 Word 版相同，用承办单位自己的信笺模板（若已上传）代替系统生成的红头。`,
          params: idParam,
          response: { 200: htmlResponse('答复函网页'), ...readFailures },
        },
      },
      async (request, reply) => {
        const { facts, issuer } = await loadReplyLetter(ctx.db, requireViewer(request), request.params.id);
        return sendPage(reply, await documentPage(ctx.db, replyLetterDocument(facts), issuer));
      },
    );

    app.post(
      '/assignments/:id/urging-notices',
      {
        schema: {
          tags,
          operationId: 'issueUrgingNotice',
          summary: '向逾期的承办单位发出催办函（联工委）',
          description:
            '承办记录 id 取自建议详情的 assignments[].id。仅当该单位尚未答复（会办单位尚未提交会办意见）且已过现行办理期限时可发；催办函按本级人大当年的催办函序号编号，承办单位收到通知。未逾期或已答复答复 409。',
          params: idParam,
          response: { 201: urgingNotice, ...writeFailures },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const notice = await ctx.db
          .transaction()
          .execute((tx) => issueUrgingNotice(tx, viewer, request.params.id, ctx.clock));
        const [listed] = await listUrgingNotices(ctx.db, viewer, { noticeId: notice.id });
        return reply.code(201).send(presentUrgingNotice(listed ?? { ...notice, unit_name: '' }));
      },
    );

    app.get(
      '/suggestions/:id/urging-notices',
      {
        schema: {
          tags,
          operationId: 'listUrgingNotices',
          summary: '一件建议的催办函',
          description: '联工委和领导看全部，承办单位看发给本单位的，政府办公厅看发给本系统单位的。',
          params: idParam,
          response: { 200: urgingNoticeList, ...readFailures },
        },
      },
      async (request) => {
        const rows = await listUrgingNotices(ctx.db, requireViewer(request), { suggestionId: request.params.id });
        return { items: rows.map(presentUrgingNotice) };
      },
    );

    app.get(
      '/urging-notices/:id/docx',
      {
        schema: {
          tags,
          operationId: 'downloadUrgingNotice',
          summary: '下载催办函（Word，GB/T 9704 版式）',
          description: '用人大（联工委）的信笺模板（若已上传）代替系统生成的红头。看不到该催办函的用户答复 404。',
          params: idParam,
          response: { 200: docxResponse('催办函 .docx'), ...readFailures },
        },
      },
      async (request, reply) => {
        const { facts, issuer } = await loadUrgingNotice(ctx.db, requireViewer(request), request.params.id);
        const doc = urgingNoticeDocument(facts);
        return sendDocx(reply, doc.name, await documentDocx(ctx.db, doc, issuer));
      },
    );

    app.get(
      '/urging-notices/:id/html',
      {
        schema: {
          tags,
          operationId: 'viewUrgingNotice',
          summary: '查看、打印催办函（网页，A4 打印样式）',
          description:
            '与 Word 版相同，用人大（联工委）的信笺模板（若已上传）代替系统生成的红头。看不到该催办函的用户答复 404。',
          params: idParam,
          response: { 200: htmlResponse('催办函网页'), ...readFailures },
        },
      },
      async (request, reply) => {
        const { facts, issuer } = await loadUrgingNotice(ctx.db, requireViewer(request), request.params.id);
        return sendPage(reply, await documentPage(ctx.db, urgingNoticeDocument(facts), issuer));
      },
    );

    const ownerOrRefuse = async (request: Parameters<typeof requireViewer>[0]) => {
      const viewer = requireViewer(request);
      const owner = letterheadOwnerOf(viewer.grant);
      if (!owner) throw forbidden('只有承办单位和联工委可以设置本单位的信笺模板');
      const name =
        owner.kind === 'unit'
          ? (
              await ctx.db
                .selectFrom('handling_unit')
                .select('name')
                .where('id', '=', owner.id)
                .executeTakeFirstOrThrow()
            ).name
          : officeOrganName(
              (await ctx.db.selectFrom('congress').select('name').where('id', '=', owner.id).executeTakeFirstOrThrow())
                .name,
            );
      return { viewer, owner, name };
    };

    const presentLetterhead = async (owner: { kind: 'unit' | 'congress'; id: number }, name: string) => {
      const row = await letterheadOf(ctx.db, owner);
      return {
        owner: { kind: owner.kind, name },
        letterhead: row ? { fileName: row.file_name, sizeBytes: row.size_bytes, uploadedAt: row.uploaded_at } : null,
      };
    };

    app.get(
      '/letterhead',
      {
        schema: {
          tags,
          operationId: 'getLetterhead',
          summary: '本单位的信笺模板（承办单位、联工委）',
          response: { 200: letterheadState, ...failures(401, 403) },
        },
      },
      async (request) => {
        const { owner, name } = await ownerOrRefuse(request);
        return presentLetterhead(owner, name);
      },
    );

    app.put(
      '/letterhead',
      {
        schema: {
          tags,
          operationId: 'uploadLetterhead',
          summary: '上传本单位的信笺模板（multipart，字段名 file，.docx）',
          description:
            '一个 .docx 文件（不超过2MB），其正文（发文机关标志、红线、徽标等）在本单位的答复函或催办函中代替系统生成的红头；再次上传即替换。不是 .docx 或正文为空时答复 400。',
          ...uploadBody('file', '信笺模板 .docx，不超过2MB'),
          response: { 200: letterheadState, ...failures(400, 401, 403, 413) },
        },
      },
      async (request) => {
        const { viewer, owner, name } = await ownerOrRefuse(request);
        if (!request.isMultipart()) throw invalidInput('请以表单文件方式上传信笺模板');
        const file = await request.file({ limits: { fileSize: MAX_LETTERHEAD_BYTES, files: 1 } });
        if (!file) throw invalidInput('未收到信笺模板文件');
        const content = await file.toBuffer().catch((err: { code?: string }) => {
          if (err.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('too_large', '信笺模板不能超过2MB');
          throw err;
        });
        await ctx.db
          .transaction()
          .execute((tx) => uploadLetterhead(tx, viewer, { fileName: file.filename, content }, ctx.clock));
        return presentLetterhead(owner, name);
      },
    );

    app.delete(
      '/letterhead',
      {
        schema: {
          tags,
          operationId: 'removeLetterhead',
          summary: '删除本单位的信笺模板，恢复系统生成的红头',
          response: { 204: noContent, ...failures(401, 403, 404) },
        },
      },
      async (request, reply) => {
        const { viewer } = await ownerOrRefuse(request);
        await ctx.db.transaction().execute((tx) => removeLetterhead(tx, viewer));
        return reply.code(204).send();
      },
    );
  };
