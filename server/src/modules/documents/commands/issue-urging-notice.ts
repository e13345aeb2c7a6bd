import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { writeEffects } from '../../../platform/commit.js';
import { forbidden, invalidState, notFound } from '../../../platform/errors.js';
import { chinaToday, daysBetween } from '../../deadline/iso-date.js';
import { dueInForce } from '../../suggestion/assignment.deadlines.js';
import { visibleTo } from '../../suggestion/suggestion.policy.js';
import { unitUserIds } from '../../suggestion/suggestion.repository.js';
import { formatDocNumber, nextDocNumber, seriesWord } from '../doc-number.js';
import { mayIssueUrgingNotice } from '../documents.policy.js';

/** The parts a unit still owes: not signed for, handling, re-handling (a co-unit's opinion not sent). */
const owing = ['pending_ack', 'handling', 'rehandling'] as const;

/**
 * 催办: the office sends a unit whose part is past its due date in force an urging notice
 * under the congress's header, numbered in the congress's series of the year; the unit's
 * staff are told.
 */
export async function issueUrgingNotice(tx: Tx, viewer: Viewer, assignmentId: number, clock: Clock) {
  if (!mayIssueUrgingNotice(viewer.grant)) throw forbidden('只有联工委（代表工作机构）可以发出催办函');
  const a = await tx
    .selectFrom('assignment as a')
    .innerJoin('suggestion as s', 's.id', 'a.suggestion_id')
    .innerJoin('congress as c', 'c.id', 's.congress_id')
    .selectAll('a')
    .select(['s.title', 'c.doc_prefix', 'c.short_name'])
    .where('a.id', '=', assignmentId)
    .where(visibleTo(viewer) as never)
    .forUpdate('a')
    .executeTakeFirst();
  if (!a) throw notFound('承办记录');
  if (!(owing as readonly string[]).includes(a.state)) throw invalidState('该承办单位已答复或已不再承办，无需催办');
  const now = clock.now();
  const today = chinaToday(now);
  const dueOn = dueInForce(a);
  const overdueDays = daysBetween(dueOn, today);
  if (overdueDays <= 0) throw invalidState(`该承办单位的办理期限为${dueOn}，尚未逾期，无需催办`);
  const year = Number(today.slice(0, 4));
  const n = await nextDocNumber(tx, { issuerKind: 'congress', issuerId: a.congress_id, series: 'urging', year });
  const docNumber = formatDocNumber(`${a.doc_prefix || a.short_name}人大${seriesWord.urging}`, year, n);
  const me = await tx.selectFrom('app_user').select('phone').where('id', '=', viewer.userId).executeTakeFirstOrThrow();
  const notice = await tx
    .insertInto('urging_notice')
    .values({
      congress_id: a.congress_id,
      suggestion_id: a.suggestion_id,
      assignment_id: a.id,
      unit_id: a.unit_id,
      doc_number: docNumber,
      due_on: dueOn,
      overdue_days: overdueDays,
      rehandling: a.state === 'rehandling',
      contact_name: viewer.displayName,
      contact_phone: me.phone,
      issued_by: viewer.userId,
      issued_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeEffects(tx, viewer, {
    audit: [
      {
        action: 'document.urging_notice_issued',
        entityType: 'urging_notice',
        entityId: notice.id,
        suggestionId: a.suggestion_id,
        congressId: a.congress_id,
        after: { docNumber, unitId: a.unit_id, assignmentId: a.id, dueOn, overdueDays },
      },
    ],
    notices: [
      {
        recipients: await unitUserIds(tx, [a.unit_id], ['unit_handler', 'unit_reviewer', 'unit_signer']),
        notice: {
          congressId: a.congress_id,
          kind: 'urging_notice',
          title: `催办函（${docNumber}）：${a.title}已逾期${overdueDays}日`,
          suggestionId: a.suggestion_id,
        },
      },
    ],
  });
  return notice;
}
