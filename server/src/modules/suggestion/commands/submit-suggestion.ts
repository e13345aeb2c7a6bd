import { auditRow } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db.js';
import { invalidState, staleVersion } from '../../../platform/errors.js';
import { noticesWrittenEvent, notifyRoleHolders } from '../../../platform/outbox.js';
import { chinaToday } from '../../deadline/deadline.workflow.js';
import { ensureMayFire, ensureVersion, lockForAction } from '../suggestion.repository.js';
import { submissionPeriod } from '../suggestion.workflow.js';

/**
 * The lead deputy submits once every invited co-signer has answered. At the opening of a session a thousand deputies do this at once, so it is four statements:
 * lock, the co-signers and the session, the change with its audit and notices, commit.
 */
export async function submitSuggestion(tx: Tx, viewer: Viewer, id: number, version: number | undefined, clock: Clock) {
  const { s, rel } = await lockForAction(tx, viewer, id);
  ensureVersion(s, version);
  ensureMayFire(viewer, 'submit', rel);
  const context = await tx
    .selectFrom('congress_session as ses')
    .select((eb) => [
      'ses.opens_on',
      'ses.submission_closes_at',
      eb
        .selectFrom('suggestion_cosigner as c')
        .select(eb.fn.countAll<number>().as('n'))
        .where('c.suggestion_id', '=', s.id)
        .where('c.status', '=', 'invited')
        .as('invited'),
      eb
        .selectFrom('suggestion_cosigner as c')
        .select(eb.fn.countAll<number>().as('n'))
        .where('c.suggestion_id', '=', s.id)
        .where('c.status', '=', 'declined')
        .as('declined'),
    ])
    .where('ses.id', '=', s.session_id)
    .executeTakeFirstOrThrow();
  if (Number(context.invited) > 0)
    throw invalidState(`还有${context.invited}位联名代表未确认，请待其确认或移除后再提交`);
  if (Number(context.declined) > 0) {
    await tx
      .deleteFrom('suggestion_cosigner')
      .where('suggestion_id', '=', s.id)
      .where('status', '=', 'declined')
      .execute();
  }

  const now = clock.now();
  // A suggestion returned for revision and submitted again keeps the series it first went into.
  const period = s.submitted_at ? s.period : submissionPeriod(context, now, chinaToday(now));
  const updated = await tx
    .with('notice', (qc) =>
      notifyRoleHolders(qc, 'liaison_office', {
        congressId: s.congress_id,
        kind: 'submitted',
        title: `收到代表建议待审核：${s.title}`,
        suggestionId: s.id,
      }),
    )
    .with('notice_mail', (qc) => noticesWrittenEvent(qc, s.congress_id))
    .with('audit', (qc) =>
      qc.insertInto('audit_event').values(
        auditRow(viewer, {
          action: 'suggestion.submitted',
          entityType: 'suggestion',
          entityId: s.id,
          suggestionId: s.id,
          congressId: s.congress_id,
          before: { status: s.status },
          after: { status: 'submitted', period },
        }),
      ),
    )
    .updateTable('suggestion')
    .set({
      status: 'submitted',
      period,
      submitted_at: now,
      review_comment: null,
      version: s.version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', s.id)
    .where('version', '=', s.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw staleVersion();
  return updated;
}
