import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { forbidden, invalidState, notFound } from '../../../platform/errors.js';
import { notify } from '../../../platform/outbox.js';
import { unitUserIds } from '../../suggestion/suggestion.repository.js';
import { promisesVisibleTo } from '../ledger.policy.js';

async function lockPromise(tx: Tx, viewer: Viewer, id: number) {
  const row = await tx.selectFrom('promise as p').selectAll('p').where('p.id', '=', id).where(promisesVisibleTo(viewer)).forUpdate().executeTakeFirst();
  if (!row) throw notFound('承诺事项');
  return row;
}

/** The unit reports what has been done since its reply. */
export async function reportPromiseProgress(tx: Tx, viewer: Viewer, id: number, progress: string) {
  const promise = await lockPromise(tx, viewer, id);
  if (viewer.grant.unitId !== promise.unit_id) throw forbidden('只有承诺单位可以报告进展');
  if (promise.status !== 'open') throw invalidState('该承诺事项已销号');
  const row = await tx.insertInto('promise_progress').values({ promise_id: id, reported_by: viewer.userId, progress }).returningAll().executeTakeFirstOrThrow();
  await tx.updateTable('promise').set({ version: promise.version + 1 }).where('id', '=', id).execute();
  await recordAudit(tx, viewer, {
    action: 'promise.progress_reported',
    entityType: 'promise',
    entityId: id,
    suggestionId: promise.suggestion_id,
    congressId: promise.congress_id,
    after: { progress },
  });
  return row;
}

/** 销号: the office marks a promise fulfilled once the deputy and the office accept it. */
export async function fulfilPromise(tx: Tx, viewer: Viewer, id: number, note: string, clock: Clock) {
  if (viewer.grant.role !== 'liaison_office') throw forbidden('承诺事项由联工委销号');
  const promise = await lockPromise(tx, viewer, id);
  if (promise.status !== 'open') throw invalidState('该承诺事项已销号');
  const updated = await tx
    .updateTable('promise')
    .set({ status: 'fulfilled', fulfilled_at: clock.now(), fulfilled_by: viewer.userId, fulfil_note: note, version: promise.version + 1 })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, viewer, {
    action: 'promise.fulfilled',
    entityType: 'promise',
    entityId: id,
    suggestionId: promise.suggestion_id,
    congressId: promise.congress_id,
    before: { status: 'open' },
    after: { status: 'fulfilled', note },
  });
  await notify(tx, await unitUserIds(tx, [promise.unit_id]), {
    congressId: promise.congress_id,
    kind: 'promise_fulfilled',
    title: `承诺事项已销号`,
    body: note,
    suggestionId: promise.suggestion_id,
  });
  return updated;
}
