import type { Selectable } from 'kysely';
import type { UrgingNoticeTable } from '../../db/schema.js';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor } from '../../platform/db.js';
import { visibleTo } from '../suggestion/suggestion.policy.js';
import { seesUrgingNotice } from './documents.policy.js';

/**
 * The urging notices of one suggestion (or one notice) that the viewer may see: the
 * suggestion must be visible, and each notice passes `seesUrgingNotice` (a handful per suggestion).
 */
export async function listUrgingNotices(
  db: Executor,
  viewer: Viewer,
  by: { suggestionId: number } | { noticeId: number },
) {
  const rows = await db
    .selectFrom('urging_notice as n')
    .innerJoin('suggestion as s', 's.id', 'n.suggestion_id')
    .innerJoin('handling_unit as u', 'u.id', 'n.unit_id')
    .selectAll('n')
    .select(['u.name as unit_name', 'u.unit_system_id'])
    .$if('suggestionId' in by, (q) => q.where('n.suggestion_id', '=', 'suggestionId' in by ? by.suggestionId : 0))
    .$if('noticeId' in by, (q) => q.where('n.id', '=', 'noticeId' in by ? by.noticeId : 0))
    .where(visibleTo(viewer) as never)
    .orderBy('n.id')
    .execute();
  return rows.filter((r) => seesUrgingNotice(viewer.grant, r));
}

export const presentUrgingNotice = (n: Selectable<UrgingNoticeTable> & { unit_name: string }) => ({
  id: n.id,
  suggestionId: n.suggestion_id,
  assignmentId: n.assignment_id,
  unitId: n.unit_id,
  unitName: n.unit_name,
  docNumber: n.doc_number,
  dueOn: n.due_on,
  overdueDays: n.overdue_days,
  issuedAt: n.issued_at,
});
