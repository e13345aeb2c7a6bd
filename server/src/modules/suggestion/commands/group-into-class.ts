import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Tx } from '../../../platform/db.js';
import { invalidInput } from '../../../platform/errors.js';
import { ensureMayFire, lockForAction, updateSuggestion } from '../suggestion.repository.js';

/** 办理一件，解决一类: similar suggestions of one session grouped under one class name. */
export async function groupIntoClass(tx: Tx, viewer: Viewer, suggestionIds: readonly number[], className: string) {
  const locked = [];
  for (const id of [...new Set(suggestionIds)].sort((a, b) => a - b)) {
    const { s, rel } = await lockForAction(tx, viewer, id);
    ensureMayFire(viewer, 'groupIntoClass', rel);
    locked.push(s);
  }
  const sessionIds = new Set(locked.map((s) => s.session_id));
  const sessionId = locked[0]?.session_id;
  if (sessionIds.size !== 1 || sessionId === undefined) throw invalidInput('只能将同一次会议的建议归为一类');
  const congressId = viewer.grant.congressId;
  await tx
    .insertInto('suggestion_class')
    .values({ congress_id: congressId, session_id: sessionId, name: className })
    .onConflict((oc) => oc.columns(['congress_id', 'session_id', 'name']).doNothing())
    .execute();
  const cls = await tx
    .selectFrom('suggestion_class')
    .selectAll()
    .where('congress_id', '=', congressId)
    .where('session_id', '=', sessionId)
    .where('name', '=', className)
    .executeTakeFirstOrThrow();
  for (const s of locked) {
    await updateSuggestion(tx, s, { class_id: cls.id });
    await recordAudit(tx, viewer, {
      action: 'suggestion.classed',
      entityType: 'suggestion',
      entityId: s.id,
      suggestionId: s.id,
      congressId,
      before: { classId: s.class_id },
      after: { classId: cls.id, className },
    });
  }
  return { id: cls.id, name: cls.name, suggestionIds: locked.map((s) => s.id) };
}
