import type { ReplyRow } from '../../../db/schema.js';
import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { AppError, forbidden, invalidInput, invalidState, notFound } from '../../../platform/errors.js';
import { notify } from '../../../platform/outbox.js';
import { roleLabels } from '../../../shared/labels.js';
import { awaitedCoOpinions, dueInForceSql } from '../assignment.deadlines.js';
import { lockOwnAssignment } from '../assignment.repository.js';
import { formatChineseDate } from '../../deadline/chinese-date.js';
import { chinaToday } from '../../deadline/deadline.workflow.js';
import { lockVisibleSuggestion, unitUserIds, updateSuggestion } from '../suggestion.repository.js';
import { nextState } from '../../../platform/workflow.js';
import { mayFireReply, replyActorsOf, replyWorkflow } from '../reply.workflow.js';
import { isValidChain, nextChainStep, type ChainRole } from '../suggestion.workflow.js';
import { openReplyOf } from './draft-reply.js';
import { sendReply } from './send-reply.js';

async function lockChain(tx: Tx, unitId: number) {
  const unit = await tx.selectFrom('handling_unit').selectAll().where('id', '=', unitId).executeTakeFirstOrThrow();
  if (!isValidChain(unit.review_chain)) throw invalidState('本单位的答复审核流程配置有误，须以签发人结束');
  return unit.review_chain;
}

async function lockOpenReply(tx: Tx, viewer: Viewer, id: number) {
  const s = await lockVisibleSuggestion(tx, viewer, id);
  const a = await lockOwnAssignment(tx, viewer, s.id);
  const reply = await openReplyOf(tx, a.id);
  // The loser of a race (two signers at once) finds the reply already sent: a conflict, not a 404.
  if (!reply) {
    if (a.state === 'replied' || a.state === 'closed')
      throw new AppError('conflict', '该答复已由他人签发，请刷新后查看');
    throw notFound('待审核的答复');
  }
  return { s, a, reply };
}

async function audit(
  tx: Tx,
  viewer: Viewer,
  reply: ReplyRow,
  action: 'suggestion.reply_submitted' | 'suggestion.reply_approved' | 'suggestion.reply_returned',
  after: object,
) {
  await recordAudit(tx, viewer, {
    action,
    entityType: 'reply',
    entityId: reply.id,
    suggestionId: reply.suggestion_id,
    congressId: reply.congress_id,
    before: { state: reply.state, step: reply.review_step },
    after,
  });
}

/** A lead unit's reply waits for the co-units' opinions, or for their deadlines to pass. */
async function ensureCoOpinionsIn(tx: Tx, suggestionId: number, today: string) {
  const coParts = await tx
    .selectFrom('assignment as a')
    .innerJoin('handling_unit as u', 'u.id', 'a.unit_id')
    .select(['a.role', 'a.state', 'u.name as unit_name', dueInForceSql.as('effective_due')])
    .where('a.suggestion_id', '=', suggestionId)
    .where('a.role', '=', 'co')
    .execute();
  const awaited = awaitedCoOpinions(
    coParts.map((p) => ({ ...p, effectiveDue: p.effective_due })),
    today,
  );
  if (awaited.length === 0) return;
  const last =
    awaited
      .map((p) => p.effectiveDue)
      .sort()
      .at(-1) ?? today;
  throw invalidState(
    `会办单位${awaited.map((p) => p.unit_name).join('、')}尚未提出会办意见（期限至${formatChineseDate(last)}），请收到会办意见或期限届满后再送审`,
  );
}

/** The handler sends the draft up the unit's review chain (handler → reviewers → signer). */
export async function submitReplyForReview(tx: Tx, viewer: Viewer, id: number, clock: Clock) {
  if (viewer.grant.role !== 'unit_handler') throw forbidden('答复由经办人送审');
  const { s, a, reply } = await lockOpenReply(tx, viewer, id);
  const chain = await lockChain(tx, a.unit_id);
  if (!mayFireReply('submitForReview', reply.state, replyActorsOf(viewer.grant.role, chain, reply)))
    throw invalidState('答复已在审核中');
  if (a.role === 'lead') await ensureCoOpinionsIn(tx, s.id, chinaToday(clock.now()));
  const updated = await tx
    .updateTable('reply')
    .set({
      state: nextState(replyWorkflow, 'submitForReview', reply.state),
      review_step: 0,
      version: reply.version + 1,
    })
    .where('id', '=', reply.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('reply_review')
    .values({ reply_id: reply.id, step: -1, role: 'unit_handler', decision: 'submit', reviewer_id: viewer.userId })
    .execute();
  await updateSuggestion(tx, s, {});
  await audit(tx, viewer, reply, 'suggestion.reply_submitted', { state: 'in_review', step: 0 });
  await notify(tx, await unitUserIds(tx, [a.unit_id], [chain[0] ?? 'unit_signer']), {
    congressId: s.congress_id,
    kind: 'reply_to_review',
    title: `答复待${roleLabels[chain[0] ?? 'unit_signer']}审核：${s.title}`,
    suggestionId: s.id,
  });
  return updated;
}

/**
 * The reviewer at the current step approves (passing it on) or returns it to the handler;
 * approval by the signer at the last step signs and sends the letter.
 */
export async function reviewReply(
  tx: Tx,
  viewer: Viewer,
  id: number,
  input: { approve: boolean; comment: string },
  clock: Clock,
) {
  const { s, a, reply } = await lockOpenReply(tx, viewer, id);
  if (reply.state !== 'in_review') throw invalidState('答复尚未送审');
  const chain = await lockChain(tx, a.unit_id);
  const expectedRole = chain[reply.review_step];
  const actors = replyActorsOf(viewer.grant.role, chain, reply);
  const action = !input.approve ? 'return' : actors.includes('current_signer') ? 'sign' : 'approve';
  if (!mayFireReply(action, reply.state, actors)) {
    // A reviewer whose step another reviewer of the unit has just passed lost a race: 409.
    const ownStep = chain.indexOf(viewer.grant.role as ChainRole);
    if (ownStep >= 0 && ownStep < reply.review_step) throw new AppError('conflict', '该答复已由他人审核，请刷新后查看');
    throw forbidden(`答复当前待${expectedRole ? roleLabels[expectedRole] : '签发人'}审核`);
  }
  if (!input.approve) {
    if (input.comment === '') throw invalidInput('退回答复时须填写修改意见');
    await tx
      .insertInto('reply_review')
      .values({
        reply_id: reply.id,
        step: reply.review_step,
        role: viewer.grant.role,
        decision: 'return',
        comment: input.comment,
        reviewer_id: viewer.userId,
      })
      .execute();
    const updated = await tx
      .updateTable('reply')
      .set({ state: nextState(replyWorkflow, 'return', reply.state), review_step: 0, version: reply.version + 1 })
      .where('id', '=', reply.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await updateSuggestion(tx, s, {});
    await audit(tx, viewer, reply, 'suggestion.reply_returned', { state: 'draft', comment: input.comment });
    await notify(tx, [reply.drafted_by], {
      congressId: s.congress_id,
      kind: 'reply_returned',
      title: `答复被退回修改：${s.title}`,
      body: input.comment,
      suggestionId: s.id,
    });
    return updated;
  }
  const { sends, nextStep } = nextChainStep(chain, reply.review_step);
  await tx
    .insertInto('reply_review')
    .values({
      reply_id: reply.id,
      step: reply.review_step,
      role: viewer.grant.role,
      decision: sends ? 'sign' : 'approve',
      comment: input.comment,
      reviewer_id: viewer.userId,
    })
    .execute();
  if (sends) return sendReply(tx, viewer, s, a, reply, clock);
  const updated = await tx
    .updateTable('reply')
    .set({ review_step: nextStep, version: reply.version + 1 })
    .where('id', '=', reply.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await updateSuggestion(tx, s, {});
  await audit(tx, viewer, reply, 'suggestion.reply_approved', { step: nextStep });
  const nextRole = chain[nextStep] ?? 'unit_signer';
  await notify(tx, await unitUserIds(tx, [a.unit_id], [nextRole]), {
    congressId: s.congress_id,
    kind: 'reply_to_review',
    title: `答复待${roleLabels[nextRole]}审核：${s.title}`,
    suggestionId: s.id,
  });
  return updated;
}
