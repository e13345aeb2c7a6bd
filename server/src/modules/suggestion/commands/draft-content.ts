import type { SuggestionRow } from '../../../db/schema.js';
import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Executor, Tx } from '../../../platform/db.js';
import { forbidden, invalidInput } from '../../../platform/errors.js';
import { notify } from '../../../platform/outbox.js';
import { putForwardProblem } from '../../administration/administration.rules.js';
import type { DraftBody } from '../suggestion.schemas.js';
import { checkTitle } from '../suggestion.workflow.js';

// What a draft may contain, whether new or edited, and its co-signers' invitations.

export function ownDeputyId(viewer: Viewer): number {
  if (viewer.grant.role !== 'deputy' || viewer.grant.deputyId === null) throw forbidden('只有人大代表可以提出建议');
  return viewer.grant.deputyId;
}

export async function checkContent(
  tx: Executor,
  congressId: number,
  input: DraftBody,
  leadDeputyId: number,
): Promise<void> {
  checkDraftShape(input, leadDeputyId);
  await checkServingDeputy(tx, leadDeputyId);
  await checkCategory(tx, congressId, input.categoryCode);
  await checkCosignersExist(tx, congressId, input);
}

/** The deputy still serves: one who has left keeps past suggestions but puts forward or signs none. */
export async function checkServingDeputy(tx: Executor, deputyId: number): Promise<void> {
  const deputy = await tx.selectFrom('deputy').select('status').where('id', '=', deputyId).executeTakeFirst();
  const problem = deputy ? putForwardProblem(deputy.status) : '代表不存在';
  if (problem) throw forbidden(problem);
}

/** A category in use: a retired one stays on the suggestions that have it, and takes no new one. */
export async function checkCategory(tx: Executor, congressId: number, code: string): Promise<void> {
  const category = await tx
    .selectFrom('suggestion_category')
    .select(['name', 'retired_at'])
    .where('congress_id', '=', congressId)
    .where('code', '=', code)
    .executeTakeFirst();
  if (!category) throw invalidInput('建议类别不存在');
  if (category.retired_at !== null) throw invalidInput(`建议类别「${category.name}」已停用，请选择其他类别`);
}

export function checkDraftShape(input: DraftBody, leadDeputyId: number): void {
  const titleProblem = checkTitle(input.title);
  if (titleProblem) throw invalidInput(titleProblem);
  if (input.cosignerDeputyIds.includes(leadDeputyId)) throw invalidInput('领衔代表不能同时作为联名代表');
}

export async function checkCosignersExist(tx: Executor, congressId: number, input: DraftBody): Promise<void> {
  if (input.cosignerDeputyIds.length === 0) return;
  const found = await tx
    .selectFrom('deputy')
    .select(['name', 'status'])
    .where('congress_id', '=', congressId)
    .where('id', 'in', input.cosignerDeputyIds)
    .execute();
  if (found.length !== new Set(input.cosignerDeputyIds).size) throw invalidInput('联名代表须为本级人大代表');
  const left = found.find((d) => putForwardProblem(d.status) !== null);
  if (left) throw invalidInput(`${left.name}${putForwardProblem(left.status)}`);
}

/** Invites new co-signers and drops those no longer named; confirmations already given stay. */
export async function syncCosigners(
  tx: Tx,
  viewer: Viewer,
  s: SuggestionRow,
  deputyIds: readonly number[],
  isNew = false,
): Promise<void> {
  if (isNew && deputyIds.length === 0) return;
  const existing = await tx
    .selectFrom('suggestion_cosigner')
    .select('deputy_id')
    .where('suggestion_id', '=', s.id)
    .execute();
  const had = new Set(existing.map((r) => r.deputy_id));
  const wanted = new Set(deputyIds);
  const removed = [...had].filter((d) => !wanted.has(d));
  const added = [...wanted].filter((d) => !had.has(d));
  if (removed.length > 0) {
    await tx
      .deleteFrom('suggestion_cosigner')
      .where('suggestion_id', '=', s.id)
      .where('deputy_id', 'in', removed)
      .execute();
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
    {
      congressId: s.congress_id,
      kind: 'cosign_invited',
      title: `${viewer.displayName}代表邀请您联名：${s.title}`,
      suggestionId: s.id,
    },
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
