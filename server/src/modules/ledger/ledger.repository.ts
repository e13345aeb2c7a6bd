import type { Viewer } from '../../platform/auth/viewer.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db.js';
import { suggestionNumberLabel } from '../../shared/labels.js';
import { chinaToday } from '../deadline/deadline.workflow.js';
import { promiseActors, promisesVisibleTo } from './ledger.policy.js';
import { promiseFacts } from './ledger.presenter.js';
import { promiseAbilities } from './ledger.workflow.js';
import type { LedgerQuery } from './ledger.schemas.js';

/** One page of the promise ledger (台账) the viewer may see, with each promise's progress reports. */
export async function listPromises(db: Executor, viewer: Viewer, q: LedgerQuery, clock: Clock) {
  let base = db
    .selectFrom('promise as p')
    .innerJoin('suggestion as s', 's.id', 'p.suggestion_id')
    .innerJoin('handling_unit as u', 'u.id', 'p.unit_id')
    .where(promisesVisibleTo(viewer));
  if (q.status) base = base.where('p.status', '=', q.status);
  if (q.unitId) base = base.where('p.unit_id', '=', q.unitId);
  if (q.sessionId) base = base.where('s.session_id', '=', q.sessionId);
  if (q.beforeSessionId) {
    const before = q.beforeSessionId;
    // 回头看: every session of the same congress that opened before the given one.
    base = base.where('s.session_id', 'in', (eb) =>
      eb
        .selectFrom('congress_session as earlier')
        .innerJoin('congress_session as given', 'given.congress_id', 'earlier.congress_id')
        .select('earlier.id')
        .where('given.id', '=', before)
        .whereRef('earlier.opens_on', '<', 'given.opens_on'),
    );
  }
  if (q.year)
    base = base.where('s.assigned_on', '>=', `${q.year}-01-01`).where('s.assigned_on', '<=', `${q.year}-12-31`);
  if (q.focused) base = base.where('p.focused', '=', q.focused === 'true');
  const [rows, total] = await Promise.all([
    base
      .select([
        'p.id',
        'p.suggestion_id',
        'p.class_code',
        'p.done_text',
        'p.planned_text',
        'p.not_done_reason',
        'p.target_on',
        'p.status',
        'p.fulfilled_at',
        'p.fulfil_note',
        'p.fulfilled_how',
        'p.version',
        's.title',
        's.number',
        's.period',
        's.session_id',
        'u.name as unit_name',
        'p.fulfilment_requested_at',
        'p.verdict_due',
        'p.deputy_verdict',
        'p.deputy_verdict_at',
        'p.deputy_verdict_comment',
        'p.focused',
        'p.focus_note',
        'p.unit_id',
        's.lead_deputy_id',
      ])
      .select((eb) =>
        eb
          .selectFrom('suggestion_cosigner as c')
          .select('c.status')
          .whereRef('c.suggestion_id', '=', 'p.suggestion_id')
          .where('c.deputy_id', '=', viewer.grant.deputyId ?? -1)
          .as('my_cosigner_status'),
      )
      .orderBy('p.target_on')
      .orderBy('p.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const progress = rows.length
    ? await db
        .selectFrom('promise_progress')
        .selectAll()
        .where(
          'promise_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('id')
        .execute()
    : [];
  const today = chinaToday(clock.now());
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      suggestionId: r.suggestion_id,
      suggestionTitle: r.title,
      suggestionNumber: suggestionNumberLabel(r.period, r.number),
      unitName: r.unit_name,
      classCode: r.class_code,
      doneText: r.done_text,
      plannedText: r.planned_text,
      notDoneReason: r.not_done_reason,
      targetOn: r.target_on,
      status: r.status,
      fulfilledAt: r.fulfilled_at,
      fulfilNote: r.fulfil_note,
      fulfilledHow: r.fulfilled_how,
      sessionId: r.session_id,
      fulfilmentRequestedAt: r.fulfilment_requested_at,
      verdictDue: r.verdict_due,
      deputyVerdict: r.deputy_verdict,
      deputyVerdictAt: r.deputy_verdict_at,
      deputyVerdictComment: r.deputy_verdict_comment,
      focused: r.focused,
      focusNote: r.focus_note,
      version: r.version,
      abilities: promiseAbilities(
        promiseFacts(r),
        promiseActors(viewer, {
          unitId: r.unit_id,
          leadDeputyId: r.lead_deputy_id,
          myCosignerStatus: r.my_cosigner_status,
        }),
        today,
      ),
      progress: progress
        .filter((p) => p.promise_id === r.id)
        .map((p) => ({
          id: p.id,
          reportedAt: p.reported_at,
          progress: p.progress,
          deputySatisfied: p.deputy_satisfied,
          deputyComment: p.deputy_comment,
          deputyRespondedAt: p.deputy_responded_at,
        })),
    })),
  };
}
