import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { invalidInput, invalidState, notFound } from '../../../platform/errors.js';
import { emit } from '../../../platform/events.js';
import { notify } from '../../../platform/outbox.js';
import { formatChineseDate } from '../../deadline/chinese-date.js';
import { chinaToday, computeDeadline } from '../../deadline/deadline.workflow.js';
import { loadDeadlineContext } from '../../handling-rules/handling-rules.repository.js';
import { derivedStatus, setAssignmentState } from '../assignment.repository.js';
import {
  ensureMayFire,
  lockForAction,
  officeUserIds,
  ratingDeputyIds,
  unitUserIds,
  updateSuggestion,
} from '../suggestion.repository.js';
import { nextState } from '../../../platform/workflow.js';
import { assignmentWorkflow, mayFirePart } from '../assignment.workflow.js';
import { opensRehandling, partAfterRating, type AssignmentState, type RatingLevel } from '../suggestion.workflow.js';
import { closeCoHandling, leadRatedEveryLatestReply } from './close-suggestion.js';

export interface RatingInput {
  replyId: number;
  attitude: RatingLevel;
  result: RatingLevel;
  comment: string;
}

/**
 * 测评 (back to back): a deputy rates a sent reply's attitude and result, within the feedback
 * window fixed when it was sent. Where the unit's part goes next is the workflow's
 * `partAfterRating`: any 不满意 re-handling, every confirmed deputy satisfied closing.
 */
export async function rateReply(tx: Tx, viewer: Viewer, id: number, input: RatingInput, clock: Clock) {
  const { s, rel } = await lockForAction(tx, viewer, id);
  ensureMayFire(viewer, 'rate', rel);
  const reply = await tx
    .selectFrom('reply')
    .selectAll()
    .where('id', '=', input.replyId)
    .where('suggestion_id', '=', s.id)
    .where('state', '=', 'sent')
    .executeTakeFirst();
  if (!reply) throw notFound('答复');
  const a = await tx
    .selectFrom('assignment')
    .selectAll()
    .where('id', '=', reply.assignment_id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (!mayFirePart('rate', a.state as AssignmentState, ['deputy'])) throw invalidState('该答复已测评或已进入重新办理');
  const latest = await tx
    .selectFrom('reply')
    .select('id')
    .where('assignment_id', '=', a.id)
    .where('state', '=', 'sent')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  if (latest.id !== reply.id) throw invalidState('只能对最新一次答复进行测评');
  const today = chinaToday(clock.now());
  if (reply.feedback_due !== null && today > reply.feedback_due) {
    throw invalidState(`反馈期限已于${formatChineseDate(reply.feedback_due)}届满，不能再测评`);
  }
  const unsatisfied = opensRehandling(input);
  if (unsatisfied && input.comment === '') throw invalidInput('选择「不满意」时须说明理由，承办单位将据此重新办理');
  const deputyId = viewer.grant.deputyId as number;
  const isLead = deputyId === s.lead_deputy_id;
  const existing = await tx
    .selectFrom('rating')
    .select('id')
    .where('reply_id', '=', reply.id)
    .where('deputy_id', '=', deputyId)
    .executeTakeFirst();
  if (existing) throw invalidState('您已对该答复作出测评');
  const rating = await tx
    .insertInto('rating')
    .values({
      congress_id: s.congress_id,
      suggestion_id: s.id,
      reply_id: reply.id,
      deputy_id: deputyId,
      is_lead_deputy: isLead,
      attitude: input.attitude,
      result: input.result,
      comment: input.comment,
      rated_at: clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // Back to back: the audit keeps who rated what; what units see is filtered by the presenter.
  await recordAudit(tx, viewer, {
    action: 'suggestion.rated',
    entityType: 'reply',
    entityId: reply.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    after: { attitude: input.attitude, result: input.result, isLead },
  });

  await emit(tx, [
    { type: 'reply.rated', congressId: s.congress_id, payload: { suggestionId: s.id, replyId: reply.id } },
  ]);
  let set: Parameters<typeof updateSuggestion>[2] = {};
  const [raters, ratingsOfReply] = await Promise.all([
    ratingDeputyIds(tx, s.id, s.lead_deputy_id),
    tx
      .selectFrom('rating')
      .select(['deputy_id as deputyId', 'attitude', 'result'])
      .where('reply_id', '=', reply.id)
      .execute(),
  ]);
  const next = nextState(
    assignmentWorkflow,
    'rate',
    a.state as AssignmentState,
    partAfterRating(raters, ratingsOfReply),
  );
  if (next === 'rehandling') {
    const { rules, calendar } = await loadDeadlineContext(tx, s.congress_id);
    const due = computeDeadline(today, rules.rehandlingWithin, calendar).due;
    // Re-handling rounds are counted per unit; the suggestion shows the highest of its units.
    const round = a.rehandling_round + 1;
    await setAssignmentState(tx, a, { state: 'rehandling', rehandling_due: due, rehandling_round: round });
    set = { rehandling_round: Math.max(s.rehandling_round, round) };
    await recordAudit(tx, viewer, {
      action: 'suggestion.rehandling_opened',
      entityType: 'assignment',
      entityId: a.id,
      suggestionId: s.id,
      congressId: s.congress_id,
      before: { state: a.state },
      after: { state: 'rehandling', rehandlingDue: due, round, unitId: a.unit_id },
    });
    await notify(tx, [...(await unitUserIds(tx, [a.unit_id])), ...(await officeUserIds(tx, s.congress_id))], {
      congressId: s.congress_id,
      kind: 'rehandling',
      title: `代表测评不满意，须重新办理并于${formatChineseDate(due)}前再次答复：${s.title}`,
      body: input.comment,
      suggestionId: s.id,
    });
  } else if (next === 'closed') {
    await setAssignmentState(tx, a, { state: 'closed' });
  }
  const status = await derivedStatus(tx, s.id);
  if (status === 'closed') {
    // As the scanner decides it: rated if the lead deputy rated every answering unit's latest reply.
    set = {
      ...set,
      close_kind: (await leadRatedEveryLatestReply(tx, s.id, s.lead_deputy_id)) ? 'rated' : 'no_feedback',
      closed_at: clock.now(),
    };
    await closeCoHandling(tx, s.id);
  }
  const updated = await updateSuggestion(tx, s, { ...set, status });
  if (status !== s.status && status === 'closed') {
    await recordAudit(tx, viewer, {
      action: 'suggestion.closed',
      entityType: 'suggestion',
      entityId: s.id,
      suggestionId: s.id,
      congressId: s.congress_id,
      before: { status: s.status },
      after: { status, closeKind: set.close_kind === 'no_feedback' ? 'no_feedback' : 'rated' },
    });
  }
  return { rating, suggestion: updated };
}
