import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor } from '../../platform/db.js';
import { suggestionNumberLabel } from '../../shared/labels.js';
import { promisesVisibleTo } from './ledger.policy.js';

export interface LedgerQuery {
  status?: 'open' | 'fulfilled' | undefined;
  unitId?: number | undefined;
  page: number;
  pageSize: number;
}

/** One page of the promise ledger (台账) the viewer may see, with each promise's progress reports. */
export async function listPromises(db: Executor, viewer: Viewer, q: LedgerQuery) {
  let base = db
    .selectFrom('promise as p')
    .innerJoin('suggestion as s', 's.id', 'p.suggestion_id')
    .innerJoin('handling_unit as u', 'u.id', 'p.unit_id')
    .where(promisesVisibleTo(viewer));
  if (q.status) base = base.where('p.status', '=', q.status);
  if (q.unitId) base = base.where('p.unit_id', '=', q.unitId);
  const [rows, total] = await Promise.all([
    base
      .select([
        'p.id', 'p.suggestion_id', 'p.class_code', 'p.done_text', 'p.planned_text', 'p.not_done_reason', 'p.target_on',
        'p.status', 'p.fulfilled_at', 'p.fulfil_note', 'p.version', 's.title', 's.number', 's.period', 'u.name as unit_name',
      ])
      .orderBy('p.target_on')
      .orderBy('p.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const progress = rows.length
    ? await db.selectFrom('promise_progress').selectAll().where('promise_id', 'in', rows.map((r) => r.id)).orderBy('id').execute()
    : [];
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
      progress: progress.filter((p) => p.promise_id === r.id).map((p) => ({ reportedAt: p.reported_at, progress: p.progress })),
    })),
  };
}
