import type { SuggestionRow } from '../../../db/schema.js';
import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { notify } from '../../../platform/outbox.js';
import { suggestionNumberLabel } from '../../../shared/labels.js';
import {
  deputyUserIds,
  ensureMayFire,
  ensureVersion,
  lockForAction,
  nextSuggestionNumber,
  updateSuggestion,
} from '../suggestion.repository.js';
import type { SuggestionAction } from '../suggestion.workflow.js';

// 审核：the liaison office registers a suggestion with its number, returns it to the
// deputy for revision with a comment, or does not register it, with a reason.

async function review(
  tx: Tx,
  viewer: Viewer,
  id: number,
  version: number | undefined,
  action: SuggestionAction,
  change: (s: SuggestionRow) => Promise<Parameters<typeof updateSuggestion>[2]>,
  audit: 'suggestion.registered' | 'suggestion.returned' | 'suggestion.declined',
  noticeTitle: (s: SuggestionRow) => string,
) {
  const { s, rel } = await lockForAction(tx, viewer, id);
  ensureVersion(s, version);
  ensureMayFire(viewer, action, rel);
  const updated = await updateSuggestion(tx, s, await change(s));
  await recordAudit(tx, viewer, {
    action: audit,
    entityType: 'suggestion',
    entityId: s.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    before: { status: s.status },
    after: {
      status: updated.status,
      number: updated.number,
      comment: updated.review_comment,
      reason: updated.decline_reason,
    },
  });
  await notify(tx, await deputyUserIds(tx, s.id, s.lead_deputy_id), {
    congressId: s.congress_id,
    kind: audit,
    title: noticeTitle(updated),
    suggestionId: s.id,
  });
  return updated;
}

export const registerSuggestion = (tx: Tx, viewer: Viewer, id: number, version: number | undefined, clock: Clock) =>
  review(
    tx,
    viewer,
    id,
    version,
    'register',
    async (s) => ({
      status: 'registered',
      number: await nextSuggestionNumber(tx, s.session_id, s.period),
      registered_at: clock.now(),
    }),
    'suggestion.registered',
    (s) => `您的建议已立案，编为${suggestionNumberLabel(s.period, s.number)}：${s.title}`,
  );

export const returnForRevision = (tx: Tx, viewer: Viewer, id: number, version: number | undefined, comment: string) =>
  review(
    tx,
    viewer,
    id,
    version,
    'returnForRevision',
    async () => ({ status: 'returned', review_comment: comment }),
    'suggestion.returned',
    (s) => `您的建议被退回修改：${s.title}。意见：${comment}`,
  );

export const declineSuggestion = (tx: Tx, viewer: Viewer, id: number, version: number | undefined, reason: string) =>
  review(
    tx,
    viewer,
    id,
    version,
    'decline',
    async () => ({ status: 'declined', decline_reason: reason }),
    'suggestion.declined',
    (s) => `您的建议未予立案：${s.title}。理由：${reason}`,
  );
