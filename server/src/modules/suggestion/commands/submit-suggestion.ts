import { sql } from 'kysely';
import type { AuditEventTable, SuggestionRow } from '../../../db/schema.js';
import { auditRow, auditRowsJson } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db, Tx } from '../../../platform/db.js';
import { invalidState, staleVersion } from '../../../platform/errors.js';
import { noticesWrittenEvent, notifyRoleHolders } from '../../../platform/outbox.js';
import { chinaToday } from '../../deadline/deadline.workflow.js';
import type { CurrentSessions } from '../current-sessions.js';
import { visibleTo } from '../suggestion.policy.js';
import { ensureMayFire, ensureVersion, lockForAction } from '../suggestion.repository.js';
import { canFire, submissionPeriod } from '../suggestion.workflow.js';
import { checkCategory, checkServingDeputy } from './draft-content.js';

type AuditEventRow = { [K in keyof AuditEventTable]: unknown };

/**
 * The common case in one statement and no transaction: the lead deputy submits a draft of the
 * current session that has no co-signer left to answer, at the version they read. The update
 * carries every condition of the full command (the workflow table's state and actor, the
 * visibility, the version, no invited or declined co-signer, the session unchanged since it
 * was remembered) and writes the audit row, the office's notices and their mail event with
 * it. Undefined when any condition fails: the full command then decides, and says why.
 */
export async function submitDraftAtOnce(
  db: Db,
  viewer: Viewer,
  id: number,
  version: number | undefined,
  clock: Clock,
  sessions: CurrentSessions,
): Promise<SuggestionRow | undefined> {
  const { deputyId, congressId } = viewer.grant;
  // Without a version the optimistic lock would not guard the conditions read beside the row.
  if (version === undefined || deputyId === null) return undefined;
  if (!canFire('submit', 'draft', ['lead_deputy', 'deputy'])) return undefined;
  const session = await sessions.get(db, congressId);
  if (!session) return undefined;
  const now = clock.now();
  const period = submissionPeriod(session, now, chinaToday(now));
  const audit = auditRowsJson(viewer, [
    {
      action: 'suggestion.submitted',
      entityType: 'suggestion',
      entityId: id,
      suggestionId: id,
      congressId,
      before: { status: 'draft' },
      after: { status: 'submitted', period },
    },
  ]);
  const row = await db
    .with('submitted', (qc) =>
      qc
        .updateTable('suggestion as s')
        .set({ status: 'submitted', period, submitted_at: now, review_comment: null, updated_at: new Date() })
        .set((eb) => ({ version: eb('s.version', '+', 1) }))
        .where('s.id', '=', id)
        .where('s.version', '=', version)
        .where('s.status', '=', 'draft')
        .where('s.submitted_at', 'is', null)
        .where('s.lead_deputy_id', '=', deputyId)
        .where('s.congress_id', '=', congressId)
        .where(visibleTo(viewer))
        .where('s.session_id', '=', session.id)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('congress_session as ses')
              .select('ses.id')
              .whereRef('ses.id', '=', 's.session_id')
              .where('ses.is_current', '=', true)
              .where('ses.opens_on', '=', session.opens_on)
              // Dates in JavaScript stop at milliseconds.
              .where(
                sql<Date>`date_trunc('milliseconds', ses.submission_closes_at)`,
                '=',
                session.submission_closes_at,
              ),
          ),
        )
        // The deputy still serves and the category is still in use; else the full path says why.
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('deputy as d')
              .innerJoin('suggestion_category as cat', 'cat.congress_id', 'd.congress_id')
              .select('d.id')
              .whereRef('d.id', '=', 's.lead_deputy_id')
              .where('d.status', '=', 'serving')
              .whereRef('cat.code', '=', 's.category_code')
              .where('cat.retired_at', 'is', null),
          ),
        )
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('suggestion_cosigner as c')
                .select('c.deputy_id')
                .whereRef('c.suggestion_id', '=', 's.id')
                .where('c.status', 'in', ['invited', 'declined']),
            ),
          ),
        )
        .returningAll(),
    )
    .with('audit', (qc) =>
      qc
        .insertInto('audit_event')
        .columns([
          'congress_id',
          'actor_user_id',
          'actor_role',
          'action',
          'entity_type',
          'entity_id',
          'suggestion_id',
          'before_state',
          'after_state',
        ])
        .expression(
          qc
            .selectFrom('submitted')
            .crossJoin(sql<AuditEventRow>`jsonb_populate_recordset(null::audit_event, ${audit}::jsonb)`.as('a'))
            .select([
              'a.congress_id',
              'a.actor_user_id',
              'a.actor_role',
              'a.action',
              'a.entity_type',
              'a.entity_id',
              'a.suggestion_id',
              'a.before_state',
              'a.after_state',
            ]),
        ),
    )
    // The liaison office hears of every submission, as in the full command.
    .with('notice', (qc) =>
      qc
        .insertInto('outbox')
        .columns(['congress_id', 'recipient_user_id', 'kind', 'title', 'body', 'suggestion_id'])
        .expression(
          qc
            .selectFrom('submitted')
            .innerJoin('role_grant as g', 'g.congress_id', 'submitted.congress_id')
            .select((eb) => [
              'submitted.congress_id',
              'g.user_id',
              eb.cast<string>(eb.val('submitted'), 'text').as('kind'),
              sql<string>`${'收到代表建议待审核：'}::text || submitted.title`.as('title'),
              eb.cast<string>(eb.val(''), 'text').as('body'),
              'submitted.id',
            ])
            .distinct()
            .where('g.role', '=', 'liaison_office'),
        )
        .returning('id'),
    )
    .with('notice_mail', (qc) => noticesWrittenEvent(qc, congressId))
    .selectFrom('submitted')
    .selectAll()
    .executeTakeFirst();
  // The remembered session may be what failed: the next submission reads it afresh.
  if (!row) sessions.forget(congressId);
  return row;
}

/**
 * The lead deputy submits once every invited co-signer has answered. At the opening of a session a thousand deputies do this at once, so it is four statements:
 * lock, the co-signers and the session, the change with its audit and notices, commit.
 */
export async function submitSuggestion(tx: Tx, viewer: Viewer, id: number, version: number | undefined, clock: Clock) {
  const { s, rel } = await lockForAction(tx, viewer, id);
  ensureVersion(s, version);
  ensureMayFire(viewer, 'submit', rel);
  await checkServingDeputy(tx, s.lead_deputy_id);
  await checkCategory(tx, s.congress_id, s.category_code);
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
