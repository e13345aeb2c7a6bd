import type { SuggestionRow } from '../../../db/schema.js';
import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { notify } from '../../../platform/outbox.js';
import { deputyUserIds, ensureMayFire, ensureVersion, lockForAction, updateSuggestion } from '../suggestion.repository.js';

/** Co-handling parts end with the suggestion. */
export async function closeCoHandling(tx: Tx, suggestionId: number): Promise<void> {
  await tx
    .updateTable('assignment')
    .set((eb) => ({ state: 'closed', version: eb('version', '+', 1) }))
    .where('suggestion_id', '=', suggestionId)
    .where('state', 'not in', ['ended', 'closed'])
    .execute();
}

async function close(tx: Tx, actor: Viewer | null, s: SuggestionRow, kind: 'office' | 'no_feedback', reason: string, clock: Clock) {
  await closeCoHandling(tx, s.id);
  const updated = await updateSuggestion(tx, s, { status: 'closed', close_kind: kind, close_reason: reason, closed_at: clock.now() });
  await recordAudit(tx, actor, {
    action: 'suggestion.closed',
    entityType: 'suggestion',
    entityId: s.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    before: { status: s.status },
    after: { status: 'closed', closeKind: kind, reason },
  });
  await notify(tx, await deputyUserIds(tx, s.id, s.lead_deputy_id), {
    congressId: s.congress_id,
    kind: 'closed',
    title: `建议已办结：${s.title}`,
    body: reason,
    suggestionId: s.id,
  });
  return updated;
}

/** The office closes a suggestion with its reason. */
export async function closeByOffice(tx: Tx, viewer: Viewer, id: number, input: { reason: string; version?: number | undefined }, clock: Clock) {
  const { s, rel } = await lockForAction(tx, viewer, id);
  ensureVersion(s, input.version);
  ensureMayFire(viewer, 'closeByOffice', rel);
  return close(tx, viewer, s, 'office', input.reason, clock);
}

/** The scheduled job: a replied suggestion whose deputy gave no rating within the window (未反馈). */
export async function closeForNoFeedback(tx: Tx, suggestionId: number, clock: Clock) {
  const s = await tx.selectFrom('suggestion').selectAll().where('id', '=', suggestionId).forUpdate().executeTakeFirst();
  if (!s || s.status !== 'replied') return null;
  return close(tx, null, s, 'no_feedback', '代表在反馈期限内未测评', clock);
}
