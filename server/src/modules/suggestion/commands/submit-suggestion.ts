import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { invalidState } from '../../../platform/errors.js';
import { notify } from '../../../platform/outbox.js';
import { chinaToday } from '../../deadline/deadline.workflow.js';
import { ensureMayFire, ensureVersion, lockVisibleSuggestion, officeUserIds, relationOf, updateSuggestion } from '../suggestion.repository.js';

/**
 * The lead deputy submits once every invited co-signer has answered. During the session
 * (until its closing time) it joins the session's series; afterwards the between-sessions one.
 */
export async function submitSuggestion(tx: Tx, viewer: Viewer, id: number, version: number | undefined, clock: Clock) {
  const s = await lockVisibleSuggestion(tx, viewer, id);
  ensureVersion(s, version);
  ensureMayFire(viewer, 'submit', await relationOf(tx, viewer, s));
  const pending = await tx
    .selectFrom('suggestion_cosigner')
    .select('deputy_id')
    .where('suggestion_id', '=', s.id)
    .where('status', '=', 'invited')
    .execute();
  if (pending.length > 0) throw invalidState(`还有${pending.length}位联名代表未确认，请待其确认或移除后再提交`);
  await tx.deleteFrom('suggestion_cosigner').where('suggestion_id', '=', s.id).where('status', '=', 'declined').execute();

  const now = clock.now();
  const session = await tx.selectFrom('congress_session').selectAll().where('id', '=', s.session_id).executeTakeFirstOrThrow();
  const inSession = chinaToday(now) >= session.opens_on && now <= new Date(session.submission_closes_at);
  const updated = await updateSuggestion(tx, s, {
    status: 'submitted',
    period: inSession ? 'in_session' : 'between_sessions',
    submitted_at: now,
    review_comment: null,
  });
  await recordAudit(tx, viewer, {
    action: 'suggestion.submitted',
    entityType: 'suggestion',
    entityId: s.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    before: { status: s.status },
    after: { status: updated.status, period: updated.period },
  });
  await notify(tx, await officeUserIds(tx, s.congress_id), {
    congressId: s.congress_id,
    kind: 'submitted',
    title: `收到代表建议待审核：${s.title}`,
    suggestionId: s.id,
  });
  return updated;
}
