import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireViewer } from '../../platform/auth/auth.plugin.js';
import { requireRole } from '../../platform/auth/roles.js';
import { rolesFor } from '../../platform/workflow.js';
import { assignmentWorkflow } from './assignment.workflow.js';
import { replyWorkflow } from './reply.workflow.js';
import { suggestionWorkflow } from './suggestion.workflow.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { AppContext } from '../../platform/context.js';
import type { SuggestionRow } from '../../db/schema.js';
import type { Tx } from '../../platform/db.js';
import { AppError, notFound } from '../../platform/errors.js';
import { chinaToday } from '../deadline/deadline.workflow.js';
import { loadRules } from '../handling-rules/handling-rules.repository.js';
import { acknowledgeAssignment } from './commands/acknowledge-assignment.js';
import { assignSuggestion, preAssignSuggestion } from './commands/assign-suggestion.js';
import { closeByOffice } from './commands/close-suggestion.js';
import { draftReply } from './commands/draft-reply.js';
import { requestExtension } from './commands/extension-request.js';
import { groupIntoClass } from './commands/group-into-class.js';
import { rateReply } from './commands/rate-reply.js';
import { recordContact } from './commands/record-contact.js';
import { requestReassignment } from './commands/request-reassignment.js';
import { respondToCosign } from './commands/respond-cosign.js';
import { declineSuggestion, registerSuggestion, returnForRevision } from './commands/review-suggestion.js';
import { reviewReply, submitReplyForReview } from './commands/review-reply.js';
import { createDraft, submitNewSuggestion } from './commands/create-suggestion.js';
import { editDraft } from './commands/save-draft.js';
import { sendCoHandlingOpinion } from './commands/send-co-handling-opinion.js';
import { setDisclosure } from './commands/set-disclosure.js';
import { submitSuggestion } from './commands/submit-suggestion.js';
import { listSuggestions } from './suggestion.list.js';
import { UnitListPages } from './unit-list-pages.js';
import { CurrentSessions } from './current-sessions.js';
import { presentSuggestion } from './suggestion.presenter.js';
import { findVisibleSuggestion } from './suggestion.repository.js';
import { readSuggestionDetail } from './suggestion.detail.js';
import * as schema from './suggestion.schemas.js';
import { z } from 'zod';

const tags = ['代表建议'];

export const suggestionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const today = () => chinaToday(ctx.clock.now());
    /**
     * One command in one transaction, then the suggestion as this viewer now sees it — or, when
     * the client sends `Prefer: return=minimal` (RFC 7240), only its id, version and status.
     */
    async function act(request: FastifyRequest, viewer: Viewer, id: number, command: (tx: Tx) => Promise<unknown>) {
      await ctx.db.transaction().execute(command);
      return answer(request, viewer, id);
    }
    /** A command that returns the suggestion it changed can be answered from that row. */
    async function actOn(request: FastifyRequest, viewer: Viewer, command: (tx: Tx) => Promise<SuggestionRow>) {
      return answer(request, viewer, await ctx.db.transaction().execute(command));
    }
    async function answer(request: FastifyRequest, viewer: Viewer, target: number | SuggestionRow) {
      const id = typeof target === 'number' ? target : target.id;
      if (request.headers.prefer !== 'return=minimal') return detail(viewer, id);
      // The row the viewer's own command just wrote needs no second look; otherwise the
      // viewer may have lost sight of it through the change.
      const s = typeof target === 'number' ? await findVisibleSuggestion(ctx.db, viewer, id) : target;
      if (!s) throw notFound('建议');
      return { id: s.id, version: s.version, status: s.status };
    }
    async function detail(viewer: Viewer, id: number) {
      // The detail is one read; what the abilities may read after it shares its connection.
      return ctx.db.connection().execute(async (conn) => {
        const found = await readSuggestionDetail(conn, viewer, id);
        if (!found) throw notFound('建议');
        return presentSuggestion(conn, viewer, found, today());
      });
    }

    const unitListPages = new UnitListPages(ctx.config.listCacheMb * 1024 * 1024);
    const currentSessions = new CurrentSessions();

    app.get('/suggestions', { schema: { tags, summary: '建议列表（按权限过滤、服务器分页）', querystring: schema.listQuery } }, async (request, reply) => {
      const viewer = requireViewer(request);
      const nearDueDays = request.query.nearDue === 'true' ? (await loadRules(ctx.db, viewer.grant.congressId)).rules.nearDueDays : undefined;
      const day = today();
      const queryKey = `${day}|${nearDueDays ?? ''}|${JSON.stringify(request.query)}`;
      const page = await unitListPages.read(ctx.db, viewer, queryKey, () => listSuggestions(ctx.db, viewer, request.query, day, nearDueDays));
      if (page.etag) {
        // The browser keeps the page and asks each time whether it is still current.
        reply.header('etag', page.etag).header('cache-control', 'private, no-cache');
        if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
      }
      return reply.type('application/json; charset=utf-8').send(page.json);
    });

    app.get('/suggestions/:id', { schema: { tags, summary: '建议详情、办理记录与可执行操作', params: schema.idParam } }, async (request) =>
      detail(requireViewer(request), request.params.id),
    );

    app.post('/suggestions', { schema: { tags, summary: '起草建议，或写好即提交（代表）', body: schema.newSuggestionBody } }, async (request, reply) => {
      const viewer = requireViewer(request);
      const { submit, ...draft } = request.body;
      const s = submit ? await submitNewSuggestion(ctx.db, viewer, draft, ctx.clock, currentSessions) : await createDraft(ctx.db, viewer, draft);
      reply.status(201);
      return answer(request, viewer, s);
    });

    app.put('/suggestions/:id', { schema: { tags, summary: '修改草稿或退回的建议', params: schema.idParam, body: schema.editDraftBody } }, async (request) => {
      const viewer = requireViewer(request);
      return act(request, viewer, request.params.id, (tx) => editDraft(tx, viewer, request.params.id, request.body));
    });

    app.post('/suggestions/:id/cosign', { schema: { tags, summary: '确认或拒绝联名', params: schema.idParam, body: schema.cosignBody } }, async (request) => {
      const viewer = requireViewer(request);
      return act(request, viewer, request.params.id, (tx) => respondToCosign(tx, viewer, request.params.id, request.body.accept));
    });

    app.post('/suggestions/:id/submit', { schema: { tags, summary: '提交建议', params: schema.idParam, body: schema.versionBody } }, async (request) => {
      const viewer = requireViewer(request);
      return actOn(request, viewer, (tx) => submitSuggestion(tx, viewer, request.params.id, request.body.version, ctx.clock));
    });

    app.post('/suggestions/:id/register', { schema: { tags, summary: '立案并编号（联工委）', params: schema.idParam, body: schema.versionBody } }, async (request) => {
      const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'register'));
      return act(request, viewer, request.params.id, (tx) => registerSuggestion(tx, viewer, request.params.id, request.body.version, ctx.clock));
    });

    app.post('/suggestions/:id/return', { schema: { tags, summary: '退回修改（联工委）', params: schema.idParam, body: schema.commentBody } }, async (request) => {
      const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'returnForRevision'));
      return act(request, viewer, request.params.id, (tx) => returnForRevision(tx, viewer, request.params.id, request.body.version, request.body.comment));
    });

    app.post('/suggestions/:id/decline', { schema: { tags, summary: '不予立案（联工委）', params: schema.idParam, body: schema.reasonBody } }, async (request) => {
      const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'decline'));
      return act(request, viewer, request.params.id, (tx) => declineSuggestion(tx, viewer, request.params.id, request.body.version, request.body.reason));
    });

    app.post('/suggestions/:id/pre-assign', { schema: { tags, summary: '预交办', params: schema.idParam, body: schema.preAssignBody } }, async (request) => {
      const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'preAssign'));
      return act(request, viewer, request.params.id, (tx) => preAssignSuggestion(tx, viewer, request.params.id, request.body.version, request.body.units));
    });

    app.post('/suggestions/assign', { schema: { tags, summary: '交办（可批量，每件单独成功或失败）', body: schema.assignBody } }, async (request) => {
      const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'assign'));
      const results = [];
      for (const item of request.body.items) {
        try {
          const s = await ctx.db.transaction().execute((tx) => assignSuggestion(tx, viewer, item, ctx.clock));
          results.push({ suggestionId: item.suggestionId, ok: true as const, version: s.version, message: '已交办' });
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          results.push({ suggestionId: item.suggestionId, ok: false as const, message: err.message });
        }
      }
      return { assigned: results.filter((r) => r.ok).length, failed: results.filter((r) => !r.ok).length, results };
    });

    app.post('/suggestions/classes', { schema: { tags, summary: '相似建议归类（联工委）', body: schema.classBody } }, async (request) => {
      const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'groupIntoClass'));
      return ctx.db.transaction().execute((tx) => groupIntoClass(tx, viewer, request.body.suggestionIds, request.body.className));
    });

    app.post('/suggestions/:id/reassignment-requests', { schema: { tags, summary: '申请调整承办单位（承办单位或领衔代表）', params: schema.idParam, body: schema.reassignmentRequestBody } }, async (request) => {
      const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'requestReassignment'));
      return act(request, viewer, request.params.id, (tx) => requestReassignment(tx, viewer, request.params.id, request.body, ctx.clock));
    });

    app.post('/suggestions/:id/acknowledge', { schema: { tags, summary: '签收并确定经办人、办理计划（承办单位）', params: schema.idParam, body: schema.acknowledgeBody } }, async (request) => {
      const viewer = requireRole(request, rolesFor(assignmentWorkflow, 'acknowledge'));
      return act(request, viewer, request.params.id, (tx) => acknowledgeAssignment(tx, viewer, request.params.id, request.body, ctx.clock));
    });

    app.post('/suggestions/:id/contacts', { schema: { tags, summary: '登记与代表的沟通联系', params: schema.idParam, body: schema.contactBody } }, async (request) => {
      const viewer = requireRole(request, rolesFor(assignmentWorkflow, 'recordContact'));
      return act(request, viewer, request.params.id, (tx) => recordContact(tx, viewer, request.params.id, request.body, ctx.clock));
    });

    app.post('/suggestions/:id/opinions', { schema: { tags, summary: '提交会办意见（会办单位）', params: schema.idParam, body: schema.opinionBody } }, async (request) => {
      const viewer = requireRole(request, rolesFor(assignmentWorkflow, 'sendOpinion'));
      return act(request, viewer, request.params.id, (tx) => sendCoHandlingOpinion(tx, viewer, request.params.id, request.body.body, ctx.clock));
    });

    app.post('/suggestions/:id/extension-requests', { schema: { tags, summary: '申请延期答复（承办单位）', params: schema.idParam, body: schema.extensionBody } }, async (request) => {
      const viewer = requireRole(request, rolesFor(assignmentWorkflow, 'requestExtension'));
      return act(request, viewer, request.params.id, (tx) => requestExtension(tx, viewer, request.params.id, request.body, ctx.clock));
    });

    app.put('/suggestions/:id/reply', { schema: { tags, summary: '起草或修改答复（经办人）', params: schema.idParam, body: schema.replyDraftBody } }, async (request) => {
      const viewer = requireRole(request, rolesFor(assignmentWorkflow, 'draftReply'));
      return act(request, viewer, request.params.id, (tx) => draftReply(tx, viewer, request.params.id, request.body));
    });

    app.post('/suggestions/:id/reply/submit', { schema: { tags, summary: '答复送审（经办人）', params: schema.idParam } }, async (request) => {
      const viewer = requireRole(request, rolesFor(replyWorkflow, 'submitForReview'));
      return act(request, viewer, request.params.id, (tx) => submitReplyForReview(tx, viewer, request.params.id));
    });

    app.post('/suggestions/:id/reply/review', { schema: { tags, summary: '审核或签发答复（审核人、签发人）', params: schema.idParam, body: schema.replyReviewBody } }, async (request) => {
      const viewer = requireRole(request, [...rolesFor(replyWorkflow, 'approve'), ...rolesFor(replyWorkflow, 'sign')]);
      return act(request, viewer, request.params.id, (tx) => reviewReply(tx, viewer, request.params.id, request.body, ctx.clock));
    });

    app.post(
      '/suggestions/:id/ratings',
      { schema: { tags, summary: '代表测评答复（背靠背）', params: schema.idParam, body: schema.ratingBody.extend({ replyId: z.number().int().positive() }) } },
      async (request) => {
        const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'rate'));
        return act(request, viewer, request.params.id, (tx) => rateReply(tx, viewer, request.params.id, request.body, ctx.clock));
      },
    );

    app.post('/suggestions/:id/close', { schema: { tags, summary: '办结（联工委，须说明理由）', params: schema.idParam, body: schema.reasonBody } }, async (request) => {
      const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'closeByOffice'));
      return act(request, viewer, request.params.id, (tx) => closeByOffice(tx, viewer, request.params.id, request.body, ctx.clock));
    });

    app.post('/suggestions/:id/disclosure', { schema: { tags, summary: '设置是否公开（联工委）', params: schema.idParam, body: schema.disclosureBody } }, async (request) => {
      const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'setDisclosure'));
      return act(request, viewer, request.params.id, (tx) => setDisclosure(tx, viewer, request.params.id, request.body, ctx.clock));
    });
  };
