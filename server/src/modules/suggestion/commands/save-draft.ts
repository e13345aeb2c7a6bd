import { sql } from 'kysely';
import type { SuggestionRow } from '../../../db/schema.js';
import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Tx } from '../../../platform/db.js';
import { searchDocument } from '../../../text/segment.js';
import type { DraftBody } from '../suggestion.schemas.js';
import { ensureMayFire, ensureVersion, lockForAction, updateSuggestion } from '../suggestion.repository.js';
import { checkContent, syncCosigners } from './draft-content.js';

export async function editDraft(tx: Tx, viewer: Viewer, id: number, input: DraftBody & { version?: number | undefined }): Promise<SuggestionRow> {
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
  await tx
    .updateTable('suggestion')
    .set({ search_tokens: sql<string>`to_tsvector('simple', ${searchDocument(input.title, input.body)})` })
    .where('id', '=', s.id)
    .execute();
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
  return updated;
}
