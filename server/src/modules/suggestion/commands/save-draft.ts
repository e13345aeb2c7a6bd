import { sql } from 'kysely';
import type { SuggestionRow } from '../../../db/schema.js';
import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Tx } from '../../../platform/db.js';
import { forbidden, invalidInput, invalidState } from '../../../platform/errors.js';
import { notify } from '../../../platform/outbox.js';
import { searchDocument } from '../../../text/segment.js';
import type { DraftBody } from '../suggestion.schemas.js';
import { ensureMayFire, ensureVersion, lockVisibleSuggestion, relationOf, updateSuggestion } from '../suggestion.repository.js';
import { checkTitle } from '../suggestion.workflow.js';

function ownDeputyId(viewer: Viewer): number {
  if (viewer.grant.role !== 'deputy' || viewer.grant.deputyId === null) throw forbidden('只有人大代表可以提出建议');
  return viewer.grant.deputyId;
}

async function checkContent(tx: Tx, congressId: number, input: DraftBody, leadDeputyId: number): Promise<void> {
  const titleProblem = checkTitle(input.title);
  if (titleProblem) throw invalidInput(titleProblem);
  const category = await tx
    .selectFrom('suggestion_category')
    .select('code')
    .where('congress_id', '=', congressId)
    .where('code', '=', input.categoryCode)
    .executeTakeFirst();
  if (!category) throw invalidInput('建议类别不存在');
  if (input.cosignerDeputyIds.includes(leadDeputyId)) throw invalidInput('领衔代表不能同时作为联名代表');
  if (input.cosignerDeputyIds.length > 0) {
    const found = await tx
      .selectFrom('deputy')
      .select('id')
      .where('congress_id', '=', congressId)
      .where('id', 'in', input.cosignerDeputyIds)
      .execute();
    if (found.length !== new Set(input.cosignerDeputyIds).size) throw invalidInput('联名代表须为本级人大代表');
  }
}

/** Invites new co-signers and drops those no longer named; confirmations already given stay. */
async function syncCosigners(tx: Tx, viewer: Viewer, s: SuggestionRow, deputyIds: readonly number[], isNew = false): Promise<void> {
  if (isNew && deputyIds.length === 0) return;
  const existing = await tx.selectFrom('suggestion_cosigner').select('deputy_id').where('suggestion_id', '=', s.id).execute();
  const had = new Set(existing.map((r) => r.deputy_id));
  const wanted = new Set(deputyIds);
  const removed = [...had].filter((d) => !wanted.has(d));
  const added = [...wanted].filter((d) => !had.has(d));
  if (removed.length > 0) {
    await tx.deleteFrom('suggestion_cosigner').where('suggestion_id', '=', s.id).where('deputy_id', 'in', removed).execute();
  }
  if (added.length === 0) return;
  await tx
    .insertInto('suggestion_cosigner')
    .values(added.map((deputyId) => ({ suggestion_id: s.id, deputy_id: deputyId, congress_id: s.congress_id })))
    .execute();
  const users = await tx.selectFrom('deputy').select('user_id').where('id', 'in', added).execute();
  await notify(
    tx,
    users.map((u) => u.user_id),
    { congressId: s.congress_id, kind: 'cosign_invited', title: `${viewer.displayName}代表邀请您联名：${s.title}`, suggestionId: s.id },
  );
  await recordAudit(tx, viewer, {
    action: 'suggestion.cosigner_invited',
    entityType: 'suggestion',
    entityId: s.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    after: { deputyIds: added },
  });
}

export async function createDraft(tx: Tx, viewer: Viewer, input: DraftBody): Promise<SuggestionRow> {
  const deputyId = ownDeputyId(viewer);
  const congressId = viewer.grant.congressId;
  await checkContent(tx, congressId, input, deputyId);
  const deputy = await tx.selectFrom('deputy').selectAll().where('id', '=', deputyId).executeTakeFirstOrThrow();
  const session = await tx
    .selectFrom('congress_session')
    .select('id')
    .where('congress_id', '=', congressId)
    .where('is_current', '=', true)
    .executeTakeFirst();
  if (!session) throw invalidState('本级人大尚未设置当前会议，暂不能提出建议');
  const s = await tx
    .insertInto('suggestion')
    .values({
      congress_id: congressId,
      session_id: session.id,
      period: 'in_session',
      title: input.title,
      body: input.body,
      category_code: input.categoryCode,
      lead_deputy_id: deputyId,
      delegation_id: deputy.delegation_id,
      deputy_group_id: deputy.deputy_group_id,
      may_disclose: input.mayDisclose,
      status: 'draft',
      search_tokens: sql<string>`to_tsvector('simple', ${searchDocument(input.title, input.body)})`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, viewer, {
    action: 'suggestion.created',
    entityType: 'suggestion',
    entityId: s.id,
    suggestionId: s.id,
    congressId,
    after: { title: s.title, categoryCode: s.category_code },
  });
  await syncCosigners(tx, viewer, s, input.cosignerDeputyIds, true);
  return s;
}

export async function editDraft(tx: Tx, viewer: Viewer, id: number, input: DraftBody & { version?: number | undefined }): Promise<SuggestionRow> {
  const s = await lockVisibleSuggestion(tx, viewer, id);
  ensureVersion(s, input.version);
  ensureMayFire(viewer, 'editDraft', await relationOf(tx, viewer, s));
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
