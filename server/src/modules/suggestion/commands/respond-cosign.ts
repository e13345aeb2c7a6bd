import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Tx } from '../../../platform/db.js';
import { forbidden, invalidState } from '../../../platform/errors.js';
import { notify } from '../../../platform/outbox.js';
import { lockVisibleSuggestion } from '../suggestion.repository.js';
import { checkServingDeputy } from './draft-content.js';

/** An invited deputy confirms or declines co-signing while the suggestion is still a draft. */
export async function respondToCosign(tx: Tx, viewer: Viewer, id: number, accept: boolean) {
  const deputyId = viewer.grant.deputyId;
  if (viewer.grant.role !== 'deputy' || deputyId === null) throw forbidden('只有受邀的代表可以确认联名');
  const s = await lockVisibleSuggestion(tx, viewer, id);
  const invitation = await tx
    .selectFrom('suggestion_cosigner')
    .selectAll()
    .where('suggestion_id', '=', s.id)
    .where('deputy_id', '=', deputyId)
    .executeTakeFirst();
  if (!invitation) throw forbidden('您未被邀请联名此建议');
  if (s.status !== 'draft' && s.status !== 'returned') throw invalidState('建议已提交，不能再更改联名');
  if (accept) await checkServingDeputy(tx, deputyId);
  const status = accept ? 'confirmed' : 'declined';
  await tx
    .updateTable('suggestion_cosigner')
    .set({ status, responded_at: new Date() })
    .where('suggestion_id', '=', s.id)
    .where('deputy_id', '=', deputyId)
    .execute();
  await recordAudit(tx, viewer, {
    action: accept ? 'suggestion.cosign_confirmed' : 'suggestion.cosign_declined',
    entityType: 'suggestion',
    entityId: s.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    before: { status: invitation.status },
    after: { status },
  });
  const lead = await tx.selectFrom('deputy').select('user_id').where('id', '=', s.lead_deputy_id).executeTakeFirst();
  await notify(tx, [lead?.user_id], {
    congressId: s.congress_id,
    kind: 'cosign_answered',
    title: `${viewer.displayName}代表${accept ? '已确认' : '拒绝'}联名：${s.title}`,
    suggestionId: s.id,
  });
  return { status };
}
