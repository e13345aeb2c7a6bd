import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireRole } from '../../platform/auth/roles.js';
import type { AppContext } from '../../platform/context.js';
import { rolesFor } from '../../platform/workflow.js';
import { assignmentWorkflow } from './assignment.workflow.js';
import { acknowledgeAssignment } from './commands/acknowledge-assignment.js';
import { draftReply } from './commands/draft-reply.js';
import { requestExtension } from './commands/extension-request.js';
import { rateReply } from './commands/rate-reply.js';
import { recordContact } from './commands/record-contact.js';
import { requestReassignment } from './commands/request-reassignment.js';
import { reviewReply, submitReplyForReview } from './commands/review-reply.js';
import { sendCoHandlingOpinion } from './commands/send-co-handling-opinion.js';
import { replyWorkflow } from './reply.workflow.js';
import { chained, onSuggestion, suggestionAnswers } from './suggestion.answers.js';
import * as schema from './suggestion.schemas.js';
import { suggestionWorkflow } from './suggestion.workflow.js';

// The handling of a suggestion once assigned: a unit signs for its part, keeps in touch with
// the deputy, sends co-handling opinions, asks for reassignment or more time, drafts its reply
// and takes it up its review chain; the deputy rates the reply.

export const handlingRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const { act } = suggestionAnswers(ctx);

    app.post(
      '/suggestions/:id/reassignment-requests',
      {
        schema: {
          ...onSuggestion(
            'requestReassignment',
            '申请调整承办单位（承办单位或领衔代表）',
            chained(
              'requestReassignment',
              '承办单位或领衔代表在调整期限内（assignments[].reassignmentWindowUntil）申请调整承办单位，proposedUnitIds 取自 GET /api/directory/units。联工委在 GET /api/reassignment-requests 中看到并裁定。',
              'version',
            ),
          ),
          params: schema.idParam,
          body: schema.reassignmentRequestBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'requestReassignment'));
        return act(request, viewer, request.params.id, (tx) =>
          requestReassignment(tx, viewer, request.params.id, request.body, ctx.clock),
        );
      },
    );

    app.post(
      '/suggestions/:id/acknowledge',
      {
        schema: {
          ...onSuggestion(
            'acknowledgeAssignment',
            '签收并确定经办人、办理计划（承办单位）',
            chained(
              'acknowledge',
              '承办单位签收本单位承办的部分，登记经办人、联系电话、办理计划与计划答复日期。',
              'no version',
            ),
          ),
          params: schema.idParam,
          body: schema.acknowledgeBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(assignmentWorkflow, 'acknowledge'));
        return act(request, viewer, request.params.id, (tx) =>
          acknowledgeAssignment(tx, viewer, request.params.id, request.body, ctx.clock),
        );
      },
    );

    app.post(
      '/suggestions/:id/contacts',
      {
        schema: {
          ...onSuggestion(
            'recordContact',
            '登记与代表的沟通联系',
            chained('recordContact', '登记办前、办中、办后与代表的沟通（走访、座谈、电话等）。', 'no version'),
          ),
          params: schema.idParam,
          body: schema.contactBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(assignmentWorkflow, 'recordContact'));
        return act(request, viewer, request.params.id, (tx) =>
          recordContact(tx, viewer, request.params.id, request.body, ctx.clock),
        );
      },
    );

    app.post(
      '/suggestions/:id/opinions',
      {
        schema: {
          ...onSuggestion(
            'sendCoHandlingOpinion',
            '提交会办意见（会办单位）',
            chained('sendOpinion', '会办单位向主办单位提交会办意见，期限见 assignments[].opinionDue。', 'no version'),
          ),
          params: schema.idParam,
          body: schema.opinionBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(assignmentWorkflow, 'sendOpinion'));
        return act(request, viewer, request.params.id, (tx) =>
          sendCoHandlingOpinion(tx, viewer, request.params.id, request.body.body, ctx.clock),
        );
      },
    );

    app.post(
      '/suggestions/:id/extension-requests',
      {
        schema: {
          ...onSuggestion(
            'requestExtension',
            '申请延期答复（承办单位）',
            chained(
              'requestExtension',
              '承办单位申请延期答复，requestedDue 不得晚于 assignments[].replyDueLatest。联工委在 GET /api/extension-requests 中看到并裁定。',
              'no version',
            ),
          ),
          params: schema.idParam,
          body: schema.extensionBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(assignmentWorkflow, 'requestExtension'));
        return act(request, viewer, request.params.id, (tx) =>
          requestExtension(tx, viewer, request.params.id, request.body, ctx.clock),
        );
      },
    );

    app.put(
      '/suggestions/:id/reply',
      {
        schema: {
          ...onSuggestion(
            'draftReply',
            '起草或修改答复（经办人）',
            chained(
              'draftReply',
              '经办人起草或修改本单位的答复（整件替换）；classCode 取自 GET /api/rules 的 rules.replyClasses[].code。草稿只有本单位看得到（replies[] 中 state 为 draft）。',
              'no version',
            ),
          ),
          params: schema.idParam,
          body: schema.replyDraftBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(assignmentWorkflow, 'draftReply'));
        return act(request, viewer, request.params.id, (tx) => draftReply(tx, viewer, request.params.id, request.body));
      },
    );

    app.post(
      '/suggestions/:id/reply/submit',
      {
        schema: {
          ...onSuggestion(
            'submitReplyForReview',
            '答复送审（经办人）',
            chained(
              'submitReply',
              '把本单位的答复草稿送入本单位的审核链（审核人、签发人，见 GET /api/directory/units 的 reviewChain）；没有审核链的单位直接签发。',
              'no version',
            ),
          ),
          params: schema.idParam,
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(replyWorkflow, 'submitForReview'));
        return act(request, viewer, request.params.id, (tx) =>
          submitReplyForReview(tx, viewer, request.params.id, ctx.clock),
        );
      },
    );

    app.post(
      '/suggestions/:id/reply/review',
      {
        schema: {
          ...onSuggestion(
            'reviewReply',
            '审核或签发答复（审核人、签发人）',
            chained(
              'reviewReply',
              '审核链上当前一步的审核人或签发人通过（approve: true）或退回（approve: false，附意见）。签发后答复函发给代表，replies[].feedbackDue 为测评的最后一天。',
              'no version',
            ),
          ),
          params: schema.idParam,
          body: schema.replyReviewBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, [
          ...rolesFor(replyWorkflow, 'approve'),
          ...rolesFor(replyWorkflow, 'sign'),
        ]);
        return act(request, viewer, request.params.id, (tx) =>
          reviewReply(tx, viewer, request.params.id, request.body, ctx.clock),
        );
      },
    );

    app.post(
      '/suggestions/:id/ratings',
      {
        schema: {
          ...onSuggestion(
            'rateReply',
            '代表测评答复（背靠背）',
            chained(
              'rate',
              '领衔代表和已确认的联名代表分别测评一个单位最新签发的答复：replyId 取自 abilities.ratableReplyIds（即 replies[].id），须在 replies[].feedbackDue 之前。任何一项不满意即转重新办理；承办单位只看到测评结果，看不到是谁。',
              'no version',
            ),
          ),
          params: schema.idParam,
          body: schema.rateBody,
        },
      },
      async (request) => {
        const viewer = requireRole(request, rolesFor(suggestionWorkflow, 'rate'));
        return act(request, viewer, request.params.id, (tx) =>
          rateReply(tx, viewer, request.params.id, request.body, ctx.clock),
        );
      },
    );
  };
