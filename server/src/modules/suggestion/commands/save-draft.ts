import { sql } from 'kysely';
import type { SuggestionRow } from '../../../db/schema.js';
import { auditRow, recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Db, Executor, Tx } from '../../../platform/db.js';
import { forbidden, invalidInput, invalidState } from '../../../platform/errors.js';
import { notify } from '../../../platform/outbox.js';
import { searchDocument } from '../../../text/segment.js';
import type { DraftBody } from '../suggestion.schemas.js';
import { ensureMayFire, ensureVersion, lockForAction, updateSuggestion } from '../suggestion.repository.js';
import { checkTitle } from '../suggestion.workflow.js';

function ownDeputyId(viewer: Viewer): number {
  if (viewer.grant.role !== 'deputy' || viewer.grant.deputyId === null) throw forbidden('只有人大代表可以提出建议');
  return viewer.grant.deputyId;
}

async function checkContent(tx: Executor, congressId: number, input: DraftBody, leadDeputyId: number): Promise<void> {
  checkCosignerShape(input, leadDeputyId);
  const category = await tx
    .selectFrom('suggestion_category')
    .select('code')
    .where('congress_id', '=', congressId)
    .where('code', '=', input.categoryCode)
    .executeTakeFirst();
  if (!category) throw invalidInput('建议类别不存在');
  await checkCosignersExist(tx, congressId, input);
}

function checkCosignerShape(input: DraftBody, leadDeputyId: number): void {
  const titleProblem = checkTitle(input.title);
  if (titleProblem) throw invalidInput(titleProblem);
  if (input.cosignerDeputyIds.includes(leadDeputyId)) throw invalidInput('领衔代表不能同时作为联名代表');
}

async function checkCosignersExist(tx: Executor, congressId: number, input: DraftBody): Promise<void> {
  if (input.cosignerDeputyIds.length === 0) return;
  const found = await tx
    .selectFrom('deputy')
    .select('id')
    .where('congress_id', '=', congressId)
    .where('id', 'in', input.cosignerDeputyIds)
    .execute();
  if (found.length !== new Set(input.cosignerDeputyIds).size) throw invalidInput('联名代表须为本级人大代表');
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

/**
 * A deputy's new draft in the congress's current session. Without co-signers it is one
 * statement — the draft and its audit row, with the session, delegation and category looked
 * up inside it — since a thousand deputies may be writing at the opening of a session.
 */
export async function createDraft(db: Db, viewer: Viewer, input: DraftBody): Promise<SuggestionRow> {
  const deputyId = ownDeputyId(viewer);
  checkCosignerShape(input, deputyId);
  if (input.cosignerDeputyIds.length === 0) return insertDraft(db, viewer, deputyId, input);
  return db.transaction().execute(async (tx) => {
    await checkCosignersExist(tx, viewer.grant.congressId, input);
    const s = await insertDraft(tx, viewer, deputyId, input);
    await syncCosigners(tx, viewer, s, input.cosignerDeputyIds, true);
    return s;
  });
}

async function insertDraft(db: Executor, viewer: Viewer, deputyId: number, input: DraftBody): Promise<SuggestionRow> {
  const congressId = viewer.grant.congressId;
  const audit = auditRow(viewer, {
    action: 'suggestion.created',
    entityType: 'suggestion',
    entityId: null,
    congressId,
    after: { title: input.title, categoryCode: input.categoryCode },
  });
  const row = await db
    .with('draft', (qc) =>
      qc
        .insertInto('suggestion')
        .columns(['congress_id', 'session_id', 'period', 'title', 'body', 'category_code', 'lead_deputy_id', 'delegation_id', 'deputy_group_id', 'may_disclose', 'status', 'search_tokens'])
        .expression(
          qc
            .selectFrom('deputy as d')
            .innerJoin('congress_session as ses', 'ses.congress_id', 'd.congress_id')
            .innerJoin('suggestion_category as cat', 'cat.congress_id', 'd.congress_id')
            .select((eb) => [
              'd.congress_id',
              'ses.id',
              eb.cast<string>(eb.val('in_session'), 'text').as('period'),
              eb.cast<string>(eb.val(input.title), 'text').as('title'),
              eb.cast<string>(eb.val(input.body), 'text').as('body'),
              'cat.code',
              'd.id',
              'd.delegation_id',
              'd.deputy_group_id',
              eb.cast<boolean>(eb.val(input.mayDisclose), 'boolean').as('may_disclose'),
              eb.cast<string>(eb.val('draft'), 'text').as('status'),
              sql<string>`to_tsvector('simple', ${searchDocument(input.title, input.body)})`.as('search_tokens'),
            ])
            .where('d.id', '=', deputyId)
            .where('d.congress_id', '=', congressId)
            .where('ses.is_current', '=', true)
            .where('cat.code', '=', input.categoryCode),
        )
        .returningAll(),
    )
    .with('audit', (qc) =>
      qc
        .insertInto('audit_event')
        .columns(['congress_id', 'actor_user_id', 'actor_role', 'action', 'entity_type', 'entity_id', 'suggestion_id', 'after_state'])
        .expression(
          qc
            .selectFrom('draft')
            .select((eb) => [
              'draft.congress_id',
              eb.cast<number>(eb.val(audit.actor_user_id), 'integer').as('actor_user_id'),
              eb.cast<string>(eb.val(audit.actor_role), 'text').as('actor_role'),
              eb.cast<string>(eb.val(audit.action), 'text').as('action'),
              eb.cast<string>(eb.val(audit.entity_type), 'text').as('entity_type'),
              'draft.id as entity_id',
              'draft.id as suggestion_id',
              eb.cast<string>(eb.val(audit.after_state), 'jsonb').as('after_state'),
            ]),
        ),
    )
    .selectFrom('draft')
    .selectAll()
    .executeTakeFirst();
  if (row) return row;
  // Nothing was written: say which part was missing.
  await checkContent(db, congressId, { ...input, cosignerDeputyIds: [] }, deputyId);
  throw invalidState('本级人大尚未设置当前会议，暂不能提出建议');
}

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
