import type { SuggestionRow } from '../../../db/schema.js';
import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Tx } from '../../../platform/db.js';
import { emit } from '../../../platform/events.js';
import { notify } from '../../../platform/outbox.js';
import type { DraftBody } from '../suggestion.schemas.js';
import { ensureMayFire, ensureVersion, lockForAction, updateSuggestion } from '../suggestion.repository.js';
import { checkContent, syncCosigners } from './draft-content.js';

export async function editDraft(
  tx: Tx,
  viewer: Viewer,
  id: number,
  input: DraftBody & { version?: number | undefined },
): Promise<SuggestionRow> {
  const { s, rel } = await lockForAction(tx, viewer, id);
  ensureVersion(s, input.version);
  ensureMayFire(viewer, 'editDraft', rel);
  await checkContent(tx, s.congress_id, input, s.lead_deputy_id);
  const updated = await updateSuggestion(tx, s, {
    title: input.title,
    body: input.body,
    category_code: input.categoryCode,
    may_disclose: input.mayDisclose,
  });
  // Its search words are cut again after the commit (jieba is the slow part of an edit).
  if (updated.title !== s.title || updated.body !== s.body) {
    await emit(tx, [{ type: 'suggestion.text_changed', congressId: s.congress_id, payload: { suggestionId: s.id } }]);
  }
  await recordAudit(tx, viewer, {
    action: 'suggestion.edited',
    entityType: 'suggestion',
    entityId: s.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    before: { title: s.title, body: s.body, categoryCode: s.category_code },
    after: { title: updated.title, body: updated.body, categoryCode: updated.category_code },
  });
  await syncCosigners(tx, viewer, updated, input.cosignerDeputyIds);
  // Co-signers confirmed a text; when the text changes they confirm the new one before it goes in again.
  if (updated.title !== s.title || updated.body !== s.body) await askCosignersAgain(tx, viewer, updated);
  return updated;
}

async function askCosignersAgain(tx: Tx, viewer: Viewer, s: SuggestionRow): Promise<void> {
  const reset = await tx
    .updateTable('suggestion_cosigner')
    .set({ status: 'invited', responded_at: null })
    .where('suggestion_id', '=', s.id)
    .where('status', '=', 'confirmed')
    .returning('deputy_id')
    .execute();
  if (reset.length === 0) return;
  const deputyIds = reset.map((r) => r.deputy_id);
  const users = await tx.selectFrom('deputy').select('user_id').where('id', 'in', deputyIds).execute();
  await notify(
    tx,
    users.map((u) => u.user_id),
    {
      congressId: s.congress_id,
      kind: 'cosign_invited',
      title: `${viewer.displayName}代表修改了联名建议，请重新确认：${s.title}`,
      suggestionId: s.id,
    },
  );
  await recordAudit(tx, viewer, {
    action: 'suggestion.cosigner_invited',
    entityType: 'suggestion',
    entityId: s.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    after: { deputyIds, reason: 'text_changed' },
  });
}
