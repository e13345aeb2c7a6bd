import type { PromiseRow } from '../../../db/schema.js';
import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { forbidden, invalidInput, invalidState, notFound } from '../../../platform/errors.js';
import { notify } from '../../../platform/outbox.js';
import { formatChineseDate } from '../../deadline/chinese-date.js';
import { chinaToday, computeDeadline } from '../../deadline/deadline.workflow.js';
import { loadDeadlineContext } from '../../handling-rules/handling-rules.repository.js';
import { deputyUserIds, officeUserIds, unitUserIds } from '../../suggestion/suggestion.repository.js';
import { promiseActors, promisesVisibleTo } from '../ledger.policy.js';
import { promiseFacts } from '../ledger.presenter.js';
import {
  fulfilmentGround,
  mayFirePromise,
  promiseGuardRefusal,
  promiseGuards,
  type PromiseAction,
  type PromiseStatus,
} from '../ledger.workflow.js';

const refusals: Record<PromiseAction, string> = {
  reportProgress: '只有承诺单位的经办人可以报告进展',
  assessProgress: '只有提出建议的代表可以评价承诺进展',
  requestFulfilment: '只有承诺单位的经办人可以申请销号',
  answerFulfilment: '只有领衔代表可以确认是否同意销号',
  fulfil: '承诺事项由联工委销号',
  focus: '只有联工委可以列为重点督办',
};

/** Locks a promise the viewer may see, with the names under which the viewer may act on it. */
async function lockPromise(tx: Tx, viewer: Viewer, id: number, action: PromiseAction, clock: Clock) {
  const row = await tx
    .selectFrom('promise as p')
    .innerJoin('suggestion as s', 's.id', 'p.suggestion_id')
    .selectAll('p')
    .select(['s.lead_deputy_id', 's.title as suggestion_title'])
    .select((eb) =>
      eb
        .selectFrom('suggestion_cosigner as c')
        .select('c.status')
        .whereRef('c.suggestion_id', '=', 'p.suggestion_id')
        .where('c.deputy_id', '=', viewer.grant.deputyId ?? -1)
        .as('my_cosigner_status'),
    )
    .where('p.id', '=', id)
    .where(promisesVisibleTo(viewer))
    .forUpdate('p')
    .executeTakeFirst();
  if (!row) throw notFound('承诺事项');
  const actors = promiseActors(viewer, {
    unitId: row.unit_id,
    leadDeputyId: row.lead_deputy_id,
    myCosignerStatus: row.my_cosigner_status,
  });
  if (!mayFirePromise(action, row.status as PromiseStatus, actors)) {
    if (row.status !== 'open')
      throw invalidState(row.status === 'fulfilled' ? '该承诺事项已销号' : '该承诺事项已被重新办理后的答复取代');
    throw forbidden(refusals[action]);
  }
  const facts = promiseFacts(row);
  if (!promiseGuards[action](facts, chinaToday(clock.now()))) throw invalidState(promiseGuardRefusal(action, facts));
  return row;
}

async function bump(tx: Tx, p: PromiseRow, set: Partial<Omit<PromiseRow, 'id' | 'version'>> = {}) {
  return tx
    .updateTable('promise')
    .set({ ...set, version: p.version + 1 })
    .where('id', '=', p.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The unit reports what has been done since its reply; the deputy is told and may assess it. */
export async function reportPromiseProgress(tx: Tx, viewer: Viewer, id: number, progress: string, clock: Clock) {
  const p = await lockPromise(tx, viewer, id, 'reportProgress', clock);
  const row = await tx
    .insertInto('promise_progress')
    .values({ promise_id: id, reported_by: viewer.userId, progress })
    .returningAll()
    .executeTakeFirstOrThrow();
  await bump(tx, p);
  await recordAudit(tx, viewer, {
    action: 'promise.progress_reported',
    entityType: 'promise',
    entityId: id,
    suggestionId: p.suggestion_id,
    congressId: p.congress_id,
    after: { progress },
  });
  await notify(tx, await deputyUserIds(tx, p.suggestion_id, p.lead_deputy_id), {
    congressId: p.congress_id,
    kind: 'promise_progress',
    title: `承办单位报告了承诺事项进展：${p.suggestion_title}`,
    body: progress,
    suggestionId: p.suggestion_id,
  });
  return row;
}

/** The deputy says whether a progress report satisfies them. */
export async function assessPromiseProgress(
  tx: Tx,
  viewer: Viewer,
  id: number,
  progressId: number,
  input: { satisfied: boolean; comment: string },
  clock: Clock,
) {
  const p = await lockPromise(tx, viewer, id, 'assessProgress', clock);
  if (!input.satisfied && input.comment === '') throw invalidInput('对进展不满意时须说明理由');
  const updated = await tx
    .updateTable('promise_progress')
    .set({ deputy_satisfied: input.satisfied, deputy_comment: input.comment, deputy_responded_at: clock.now() })
    .where('id', '=', progressId)
    .where('promise_id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw notFound('进展报告');
  await bump(tx, p);
  await recordAudit(tx, viewer, {
    action: 'promise.progress_assessed',
    entityType: 'promise',
    entityId: id,
    suggestionId: p.suggestion_id,
    congressId: p.congress_id,
    after: { progressId, satisfied: input.satisfied, comment: input.comment },
  });
  await notify(tx, await unitUserIds(tx, [p.unit_id]), {
    congressId: p.congress_id,
    kind: 'promise_assessed',
    title: `代表${input.satisfied ? '认可' : '不认可'}承诺事项进展：${p.suggestion_title}`,
    body: input.comment,
    suggestionId: p.suggestion_id,
  });
  return updated;
}

/** The unit says the promise is kept and asks for 销号; the deputy has the feedback window to answer. */
export async function requestFulfilment(tx: Tx, viewer: Viewer, id: number, note: string, clock: Clock) {
  const p = await lockPromise(tx, viewer, id, 'requestFulfilment', clock);
  const today = chinaToday(clock.now());
  const { rules, calendar } = await loadDeadlineContext(tx, p.congress_id);
  const verdictDue = computeDeadline(today, rules.feedbackWindow, calendar).due;
  // Asking again after a disagreement starts a new round of the deputy's answer.
  const updated = await bump(tx, p, {
    fulfilment_requested_at: clock.now(),
    verdict_due: verdictDue,
    deputy_verdict: null,
    deputy_verdict_at: null,
    deputy_verdict_by: null,
    deputy_verdict_comment: '',
  });
  await recordAudit(tx, viewer, {
    action: 'promise.fulfilment_requested',
    entityType: 'promise',
    entityId: id,
    suggestionId: p.suggestion_id,
    congressId: p.congress_id,
    after: { note, verdictDue },
  });
  await notify(tx, await deputyUserIds(tx, p.suggestion_id, p.lead_deputy_id), {
    congressId: p.congress_id,
    kind: 'promise_fulfilment_requested',
    title: `承办单位申请承诺事项销号，请于${formatChineseDate(verdictDue)}前确认：${p.suggestion_title}`,
    body: note,
    suggestionId: p.suggestion_id,
  });
  return updated;
}

/** The lead deputy accepts the promise as kept, or disagrees with a reason. */
export async function answerFulfilment(
  tx: Tx,
  viewer: Viewer,
  id: number,
  input: { accept: boolean; comment: string },
  clock: Clock,
) {
  const p = await lockPromise(tx, viewer, id, 'answerFulfilment', clock);
  if (!input.accept && input.comment === '') throw invalidInput('不同意销号时须说明理由');
  const verdict = input.accept ? 'accepted' : 'disputed';
  const updated = await bump(tx, p, {
    deputy_verdict: verdict,
    deputy_verdict_at: clock.now(),
    deputy_verdict_by: viewer.userId,
    deputy_verdict_comment: input.comment,
  });
  await recordAudit(tx, viewer, {
    action: input.accept ? 'promise.fulfilment_accepted' : 'promise.fulfilment_disputed',
    entityType: 'promise',
    entityId: id,
    suggestionId: p.suggestion_id,
    congressId: p.congress_id,
    after: { verdict, comment: input.comment },
  });
  await notify(tx, [...(await unitUserIds(tx, [p.unit_id])), ...(await officeUserIds(tx, p.congress_id))], {
    congressId: p.congress_id,
    kind: 'promise_verdict',
    title: `代表${input.accept ? '同意' : '不同意'}承诺事项销号：${p.suggestion_title}`,
    body: input.comment,
    suggestionId: p.suggestion_id,
  });
  return updated;
}

/**
 * 销号: on the deputy's acceptance; or, when the deputy disagreed or let the feedback window
 * pass, by the office's ruling with its reason. Who accepted is recorded either way.
 */
export async function fulfilPromise(tx: Tx, viewer: Viewer, id: number, note: string, clock: Clock) {
  const p = await lockPromise(tx, viewer, id, 'fulfil', clock);
  const ground = fulfilmentGround(
    { deputyVerdict: p.deputy_verdict, verdictDue: p.verdict_due },
    chinaToday(clock.now()),
  );
  // The guard of lockPromise made sure there is one.
  if (!ground) throw invalidState(promiseGuardRefusal('fulfil', promiseFacts(p)));
  if (ground === 'office_ruling' && note === '') throw invalidInput('代表未同意销号，联工委裁定销号时须说明理由');
  const updated = await bump(tx, p, {
    status: 'fulfilled',
    fulfilled_at: clock.now(),
    fulfilled_by: viewer.userId,
    fulfil_note: note,
    fulfilled_how: ground,
  });
  await recordAudit(tx, viewer, {
    action: 'promise.fulfilled',
    entityType: 'promise',
    entityId: id,
    suggestionId: p.suggestion_id,
    congressId: p.congress_id,
    before: { status: 'open', deputyVerdict: p.deputy_verdict },
    after: {
      status: 'fulfilled',
      note,
      ground,
      acceptedBy: ground === 'deputy_accepted' ? p.deputy_verdict_by : viewer.userId,
    },
  });
  await notify(
    tx,
    [...(await unitUserIds(tx, [p.unit_id])), ...(await deputyUserIds(tx, p.suggestion_id, p.lead_deputy_id))],
    {
      congressId: p.congress_id,
      kind: 'promise_fulfilled',
      title: `承诺事项已销号：${p.suggestion_title}`,
      body: note,
      suggestionId: p.suggestion_id,
    },
  );
  return updated;
}

/** 回头看: the office picks an open promise of a past year or session for focused supervision. */
export async function focusPromise(tx: Tx, viewer: Viewer, id: number, note: string, clock: Clock) {
  const p = await lockPromise(tx, viewer, id, 'focus', clock);
  const updated = await bump(tx, p, {
    focused: true,
    focused_at: clock.now(),
    focused_by: viewer.userId,
    focus_note: note,
  });
  await recordAudit(tx, viewer, {
    action: 'promise.focused',
    entityType: 'promise',
    entityId: id,
    suggestionId: p.suggestion_id,
    congressId: p.congress_id,
    after: { note },
  });
  await notify(tx, await unitUserIds(tx, [p.unit_id]), {
    congressId: p.congress_id,
    kind: 'promise_focused',
    title: `承诺事项被列为重点督办（回头看）：${p.suggestion_title}`,
    body: note,
    suggestionId: p.suggestion_id,
  });
  return updated;
}
