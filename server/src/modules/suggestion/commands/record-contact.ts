import { recordAudit } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { invalidInput } from '../../../platform/errors.js';
import { chinaToday } from '../../deadline/deadline.workflow.js';
import { ensurePartMay, lockOwnAssignment } from '../assignment.repository.js';
import { lockVisibleSuggestion } from '../suggestion.repository.js';

/** A contact with the deputy — before, during or after handling — by visit, meeting, phone, video or message. */
export async function recordContact(
  tx: Tx,
  viewer: Viewer,
  id: number,
  input: {
    phase: 'before' | 'during' | 'after';
    kind: 'visit' | 'meeting' | 'phone' | 'video' | 'message';
    contactedOn: string;
    summary: string;
  },
  clock: Clock,
) {
  const s = await lockVisibleSuggestion(tx, viewer, id);
  const a = await lockOwnAssignment(tx, viewer, s.id);
  ensurePartMay(viewer, a, 'recordContact');
  if (input.contactedOn > chinaToday(clock.now())) throw invalidInput('沟通日期不能晚于今天');
  if (input.contactedOn < a.assigned_on) throw invalidInput('沟通日期不能早于交办日期');
  const contact = await tx
    .insertInto('contact_record')
    .values({
      congress_id: s.congress_id,
      suggestion_id: s.id,
      assignment_id: a.id,
      phase: input.phase,
      kind: input.kind,
      contacted_on: input.contactedOn,
      summary: input.summary,
      recorded_by: viewer.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(tx, viewer, {
    action: 'suggestion.contact_recorded',
    entityType: 'assignment',
    entityId: a.id,
    suggestionId: s.id,
    congressId: s.congress_id,
    after: { phase: input.phase, kind: input.kind, contactedOn: input.contactedOn },
  });
  return contact;
}
