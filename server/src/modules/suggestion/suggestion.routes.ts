import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import { requireRole } from '../../platform/auth/roles.js';
import { rolesFor } from '../../platform/workflow.js';
import { suggestionWorkflow } from './suggestion.workflow.js';
import type { AppContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { loadRules } from '../handling-rules/handling-rules.repository.js';
import { assignSuggestion, preAssignSuggestion } from './commands/assign-suggestion.js';
import { closeByOffice } from './commands/close-suggestion.js';
import { groupIntoClass } from './commands/group-into-class.js';
import { respondToCosign } from './commands/respond-cosign.js';
import { declineSuggestion, registerSuggestion, returnForRevision } from './commands/review-suggestion.js';
import { createDraft, submitNewSuggestion } from './commands/create-suggestion.js';
import { editDraft } from './commands/save-draft.js';
import { setDisclosure } from './commands/set-disclosure.js';
import { submitDraftAtOnce, submitSuggestion } from './commands/submit-suggestion.js';
import { listSuggestions } from './suggestion.list.js';
import { UnitListPages } from './unit-list-pages.js';
import { CurrentSessions } from './current-sessions.js';
import { WriteGate } from './write-gate.js';
import { presentSuggestion } from './suggestion.presenter.js';
import * as schema from './suggestion.schemas.js';
import { noContent, readFailures, failures, writeFailures } from '../../platform/api-schemas.js';
import { sameShape } from '../../platform/schema-shape.js';
import {
  listHeaders,
  preferHeaders,
  suggestionAnswer,
  suggestionDetail,
  suggestionPage,
} from './suggestion.detail.schemas.js';
import type { z } from 'zod';
import { chained, onSuggestion, suggestionAnswers, tags } from './suggestion.answers.js';

// The answers are what the presenter and the list return, field for field.
sameShape<z.output<typeof suggestionDetail>, Awaited<ReturnType<typeof presentSuggestion>>>();
sameShape<z.output<typeof suggestionPage>, Awaited<ReturnType<typeof listSuggestions>>>();

export const suggestionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { today, act, answer, detail } = suggestionAnswers(ctx);

    const unitListPages = new UnitListPages(ctx.config.listCacheMb * 1024 * 1024);
    const currentSessions = new CurrentSessions();
    // Half of PostgreSQL's pool (20) for the deputies' submissions; PGlite's one connection, one at a time.
    const deputyWrites = new WriteGate(ctx.databaseKind === 'pglite' ? 1 : 10);

    app.get(
      '/suggestions',
      {
        schema: {
          tags,
          operationId: 'listSuggestions',
          summary: '建议列表（按权限过滤、服务器分页）',
          description: [
            '当前用户可见的建议，按条件过滤、排序，服务器分页；看不到的建议不会出现在列表和总数中。items[].id 用于详情 GET /api/suggestions/{id}，items[].version 可直接用于交办等写操作。',
            '承办单位的列表页带 ETag：再次请求时带上 If-None-Match，若这一页没有变化则答复 304（无内容），沿用手中的那一页。',
          ].join('\n\n'),
          querystring: schema.listQuery,
          headers: listHeaders,
          response: { 200: suggestionPage, 304: noContent, ...failures(400, 401) },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const nearDueDays =
          request.query.nearDue === 'true'
            ? (await loadRules(ctx.db, viewer.grant.congressId)).rules.nearDueDays
            : undefined;
        const day = today();
        const queryKey = `${day}|${nearDueDays ?? ''}|${JSON.stringify(request.query)}`;
        const page = await unitListPages.read(ctx.db, viewer, queryKey, () =>
          listSuggestions(ctx.db, viewer, request.query, day, nearDueDays),
        );
        if (page.etag) {
          // The browser keeps the page and asks each time whether it is still current.
          reply.header('etag', page.etag).header('cache-control', 'private, no-cache');
          if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
        }
        // Sent as it was kept: the page is already JSON (serialized once, by the list).
        return reply.type('application/json; charset=utf-8').send(page.json as never);
      },
    );

    app.get(
      '/suggestions/:id',
      {
        schema: {
          tags,
          operationId: 'getSuggestion',
          summary: '建议详情、办理记录与可执行操作',
          description: [
            '一件建议及其办理记录，按当前用户可见的范围（如测评背靠背：承办单位看不到是哪位代表的测评）；不存在或无权查看一律答复 404。',
            'abilities 列出当前用户此刻可执行的操作，每项注明对应的接口；写操作所需的 version 取自本答复的 version，所需的 id 取自本答复：replyId 取自 abilities.ratableReplyIds（replies[].id），调整申请与延期申请的 id 取自 reassignmentRequests[]、extensionRequests[]，附件 id 取自 attachments[]。',
          ].join('\n\n'),
          params: schema.idParam,
          response: { 200: suggestionDetail, ...readFailures },
        },
      },
      async (request) => detail(requireViewer(request), request.params.id),
    );

    app.post(
      '/suggestions',
      {
        schema: {
          tags,
          operationId: 'createSuggestion',
          summary: '起草建议，或写好即提交（代表）',
          description: [
            '人大代表起草一件建议，作为领衔代表：categoryCode 取自 GET /api/directory/categories，cosignerDeputyIds 取自 GET /api/directory/deputies。',
            'submit: true 时写好即提交（仅限没有联名代表时）；否则保存为草稿，联名代表确认（POST /api/suggestions/{id}/cosign）后由领衔代表提交（POST /api/suggestions/{id}/submit，带本答复的 version）。',
            '答复 201 与新建议的详情；请求头 Prefer: return=minimal 时只答复 {id, version, status}。',
          ].join('\n\n'),
          headers: preferHeaders,
          body: schema.newSuggestionBody,
          response: { 201: suggestionAnswer, ...failures(400, 401, 403, 409, 413) },
        },
      },
      async (request, reply) => {
        const viewer = requireViewer(request);
        const { submit, ...draft } = request.body;
        const s = await deputyWrites.run(() =>
          submit
            ? submitNewSuggestion(ctx.db, viewer, draft, ctx.clock, currentSessions)
            : createDraft(ctx.db, viewer, draft),
        );
        reply.status(201);
        return answer(request, viewer, s);
      },
    );

    app.put(
      '/suggestions/:id',
      {
        schema: {
          ...onSuggestion(
            'updateDraft',
            '修改草稿或退回的建议',
            chained('editDraft', '整件替换草稿的标题、正文、类别与联名代表（领衔代表）。', 'version'),
          ),
          params: schema.idParam,
          body: schema.editDraftBody,
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return act(request, viewer, request.params.id, (tx) => editDraft(tx, viewer, request.params.id, request.body));
      },
    );

    app.post(
      '/suggestions/:id/cosign',
      {
        schema: {
          ...onSuggestion(
            'respondToCosign',
            '确认或拒绝联名',
            chained('respondToCosign', '被邀请的联名代表确认（accept: true）或谢绝联名。', 'no version'),
          ),
          params: schema.idParam,
          body: schema.cosignBody,
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        return act(request, viewer, request.params.id, (tx) =>
          respondToCosign(tx, viewer, request.params.id, request.body.accept),
        );
      },
    );

    app.post(
      '/suggestions/:id/submit',
      {
        schema: {
          ...onSuggestion(
            'submitSuggestion',
            '提交建议',
            chained('submit', '领衔代表提交草稿或退回修改后的建议；有联名代表的，须全部确认后才能提交。', 'version'),
          ),
          params: schema.idParam,
          body: schema.versionBody,
        },
      },
      async (request) => {
        const viewer = requireViewer(request);
        const { id } = request.params;
        const { version } = request.body;
        const submitted = await deputyWrites.run(
          async () =>
            (await submitDraftAtOnce(ctx.db, viewer, id, version, ctx.clock, currentSessions)) ??
            ctx.db.transaction().execute((tx) => submitSuggestion(tx, viewer, id, version, ctx.clock)),
        );
        return answer(request, viewer, submitted);
      },
    );

    app.post(
      '/suggestions/:id/register',
      {
        schema: {
          ...onSuggestion(
            'registerSuggestion',
            '立案并编号（联工委）',
            chained('register', '联工委审核后立案，按本次会议顺序编号（number、numberLabel）。', 'version'),
          ),
          params: schema.idParam,
          body: schema.versionBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'register'));
        return act(request, viewer, request.params.id, (tx) =>
          registerSuggestion(tx, viewer, request.params.id, request.body.version, ctx.clock),
        );
      },
    );

    app.post(
      '/suggestions/:id/return',
      {
        schema: {
          ...onSuggestion(
            'returnSuggestion',
            '退回修改（联工委）',
            chained('returnForRevision', '退回代表修改，comment 为退回意见；代表修改后再次提交。', 'version'),
          ),
          params: schema.idParam,
          body: schema.commentBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'returnForRevision'));
        return act(request, viewer, request.params.id, (tx) =>
          returnForRevision(tx, viewer, request.params.id, request.body.version, request.body.comment),
        );
      },
    );

    app.post(
      '/suggestions/:id/decline',
      {
        schema: {
          ...onSuggestion(
            'declineSuggestion',
            '不予立案（联工委）',
            chained('decline', '不予立案，须说明理由。', 'version'),
          ),
          params: schema.idParam,
          body: schema.reasonBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'decline'));
        return act(request, viewer, request.params.id, (tx) =>
          declineSuggestion(tx, viewer, request.params.id, request.body.version, request.body.reason),
        );
      },
    );

    app.post(
      '/suggestions/:id/pre-assign',
      {
        schema: {
          ...onSuggestion(
            'preAssignSuggestion',
            '预交办',
            chained(
              'preAssign',
              '预先选定承办单位（units[].unitId 取自 GET /api/directory/units），承办单位可提前查看；正式交办用 POST /api/suggestions/assign。',
              'version',
            ),
          ),
          params: schema.idParam,
          body: schema.preAssignBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'preAssign'));
        return act(request, viewer, request.params.id, (tx) =>
          preAssignSuggestion(tx, viewer, request.params.id, request.body.version, request.body.units),
        );
      },
    );

    app.post(
      '/suggestions/assign',
      {
        schema: {
          tags,
          operationId: 'assignSuggestions',
          summary: '交办（可批量，每件单独成功或失败）',
          description: [
            '前提：各件详情的 abilities.assign 为 true（已立案待交办，联工委或政府办公厅）。items[] 每项一件：suggestionId 与读到的 version（列表或详情中的 version），交办方式 mode 与承办单位 units[]（unitId 取自 GET /api/directory/units）。',
            '每件在各自的事务中交办，互不影响。全部成功答复 200；有任何一件未成功答复 207（Multi-Status），results[] 中逐项给出该件的 status（如单独交办会得到的 HTTP 状态码：409 表示 version 已过期或已不在待交办状态，404 表示不存在或无权查看）、code 与中文 message；成功的一项带交办后的 version。',
          ].join('\n\n'),
          body: schema.assignBody,
          response: { 200: schema.assignResult, 207: schema.assignResult, ...failures(400, 401, 403, 413) },
        },
      },
      async (request, reply) => {
        const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'assign'));
        const results: schema.AssignResult['results'] = [];
        for (const item of request.body.items) {
          try {
            const s = await ctx.db.transaction().execute((tx) => assignSuggestion(tx, viewer, item, ctx.clock));
            results.push({
              suggestionId: item.suggestionId,
              ok: true,
              status: 200,
              version: s.version,
              message: '已交办',
            });
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            results.push({
              suggestionId: item.suggestionId,
              ok: false,
              status: err.status,
              code: err.code,
              message: err.message,
            });
          }
        }
        const failed = results.filter((r) => !r.ok).length;
        // 207 Multi-Status: the batch went through, and each item says how it fared.
        return reply.code(failed > 0 ? 207 : 200).send({ assigned: results.length - failed, failed, results });
      },
    );

    app.post(
      '/suggestions/classes',
      {
        schema: {
          tags,
          operationId: 'groupSuggestionsIntoClass',
          summary: '相似建议归类（联工委）',
          description:
            '前提：各件详情的 abilities.groupIntoClass 为 true。把同一次会议的几件建议归入一类（办理一件，解决一类）：className 为已有类名时归入该类（类名见 GET /api/directory/classes），否则新建。之后可整类交办：POST /api/suggestion-classes/{id}/assign，id 为本答复的 id。',
          body: schema.classBody,
          response: { 200: schema.classAnswer, ...writeFailures },
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'groupIntoClass'));
        return ctx.db
          .transaction()
          .execute((tx) => groupIntoClass(tx, viewer, request.body.suggestionIds, request.body.className));
      },
    );

    app.post(
      '/suggestions/:id/close',
      {
        schema: {
          ...onSuggestion(
            'closeSuggestion',
            '办结（联工委，须说明理由）',
            chained('closeByOffice', '联工委决定办结，须说明理由。', 'version'),
          ),
          params: schema.idParam,
          body: schema.reasonBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'closeByOffice'));
        return act(request, viewer, request.params.id, (tx) =>
          closeByOffice(tx, viewer, request.params.id, request.body, ctx.clock),
        );
      },
    );

    app.post(
      '/suggestions/:id/disclosure',
      {
        schema: {
          ...onSuggestion(
            'setDisclosure',
            '设置是否公开（联工委）',
            chained(
              'setDisclosure',
              '设置是否在公开页面发布（publish）；代表不同意公开（mayDisclose 为 false）的不能发布。',
              'version',
            ),
          ),
          params: schema.idParam,
          body: schema.disclosureBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'setDisclosure'));
        return act(request, viewer, request.params.id, (tx) =>
          setDisclosure(tx, viewer, request.params.id, request.body, ctx.clock),
        );
      },
    );
  };
