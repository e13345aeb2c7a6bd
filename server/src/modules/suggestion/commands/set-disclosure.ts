import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { invalidState } from '../../../platform/errors.js';
import { ensureMayFire, ensureVersion, lockForAction, updateSuggestion } from '../suggestion.repository.js';

/** 阳光公开: publishing is decided apart from handling; a suggestion marked not for disclosure never is. */
export async function setDisclosure(
  tx: Tx,
  viewer: Viewer,
  id: number,
  input: { publish: boolean; version?: number | undefined },
  clock: Clock,
) {
  const { s, rel } = await lockForAction(tx, viewer, id);
  ensureVersion(s, input.version);
  ensureMayFire(viewer, 'setDisclosure', rel);
  if (input.publish && !s.may_disclose) throw invalidState('代表已注明该建议不宜公开，不能公开');
  const updated = await updateSuggestion(tx, s, {
    disclosure: input.publish ? 'published' : 'withheld',
    published_at: input.publish ? clock.now() : null,
  });
  await recordAudit(tx, viewer, {
    action: 'suggestion.disclosure_set',
    entityType: 'suggestion',
    entityId: s.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    before: { disclosure: s.disclosure },
    after: { disclosure: updated.disclosure },
  });
  return updated;
}
