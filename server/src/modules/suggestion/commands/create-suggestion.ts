import { sql } from 'kysely';
import type { AuditEventTable, SuggestionRow } from '../../../db/schema.js';
import { auditRowsJson, type AuditEntry } from '../../../platform/audit.js';
import type { Viewer } from '../../../platform/auth/viewer.js';
import { noticesWrittenEvent } from '../../../platform/outbox.js';
import type { Clock } from '../../../platform/clock.js';
import type { Db, Executor } from '../../../platform/db.js';
import { invalidState } from '../../../platform/errors.js';
import { searchDocument } from '../../../text/segment.js';
import { chinaToday } from '../../deadline/deadline.workflow.js';
import type { DraftBody } from '../suggestion.schemas.js';
import { submissionPeriod } from '../suggestion.workflow.js';
import type { CurrentSession, CurrentSessions } from '../current-sessions.js';
import { checkContent, checkCosignersExist, checkDraftShape, ownDeputyId, syncCosigners } from './draft-content.js';

// A deputy's new suggestion in the congress's current session: kept as a draft, or written
// and submitted at once. A thousand deputies do this at the opening of a session, so without
// co-signers each is one statement — the suggestion with its audit rows and notices, the
// session, delegation and category looked up inside it — and needs no transaction around it.

type AuditEventRow = { [K in keyof AuditEventTable]: unknown };

const noSession = () => invalidState('本级人大尚未设置当前会议，暂不能提出建议');

export async function createDraft(db: Db, viewer: Viewer, input: DraftBody): Promise<SuggestionRow> {
  const deputyId = ownDeputyId(viewer);
  checkDraftShape(input, deputyId);
  if (input.cosignerDeputyIds.length === 0)
    return (
      (await insertSuggestion(db, viewer, deputyId, input, null)) ?? explainNothingWritten(db, viewer, deputyId, input)
    );
  return db.transaction().execute(async (tx) => {
    await checkCosignersExist(tx, viewer.grant.congressId, input);
    const s =
      (await insertSuggestion(tx, viewer, deputyId, input, null)) ??
      (await explainNothingWritten(tx, viewer, deputyId, input));
    await syncCosigners(tx, viewer, s, input.cosignerDeputyIds, true);
    return s;
  });
}

/** Written and submitted in one go: only without co-signers, who must confirm first. */
export async function submitNewSuggestion(
  db: Db,
  viewer: Viewer,
  input: DraftBody,
  clock: Clock,
  sessions: CurrentSessions,
): Promise<SuggestionRow> {
  const deputyId = ownDeputyId(viewer);
  checkDraftShape(input, deputyId);
  if (input.cosignerDeputyIds.length > 0) throw invalidState('有联名代表的建议须先保存草稿，待联名代表确认后再提交');
  const congressId = viewer.grant.congressId;
  const now = clock.now();
  for (let attempt = 0; ; attempt++) {
    const session = await sessions.get(db, congressId);
    if (!session) throw noSession();
    const period = submissionPeriod(session, now, chinaToday(now));
    const row = await insertSuggestion(db, viewer, deputyId, input, { session, period, at: now });
    if (row) return row;
    // The remembered session may have changed meanwhile: read it afresh once.
    sessions.forget(congressId);
    if (attempt > 0) return explainNothingWritten(db, viewer, deputyId, input);
  }
}

interface Submission {
  /** The current session as the caller read it; nothing is written unless it still is. */
  session: CurrentSession;
  period: 'in_session' | 'between_sessions';
  at: Date;
}

async function insertSuggestion(
  db: Executor,
  viewer: Viewer,
  deputyId: number,
  input: DraftBody,
  submission: Submission | null,
): Promise<SuggestionRow | undefined> {
  const congressId = viewer.grant.congressId;
  const audits: AuditEntry[] = [
    {
      action: 'suggestion.created',
      entityType: 'suggestion',
      entityId: null,
      congressId,
      after: { title: input.title, categoryCode: input.categoryCode },
    },
  ];
  if (submission) {
    audits.push({
      action: 'suggestion.submitted',
      entityType: 'suggestion',
      entityId: null,
      congressId,
      before: { status: 'draft' },
      after: { status: 'submitted', period: submission.period },
    });
  }
  const row = await db
    .with('created', (qc) =>
      qc
        .insertInto('suggestion')
        .columns([
          'congress_id',
          'session_id',
          'period',
          'title',
          'body',
          'category_code',
          'lead_deputy_id',
          'delegation_id',
          'deputy_group_id',
          'may_disclose',
          'status',
          'submitted_at',
          'search_tokens',
        ])
        .expression(
          qc
            .selectFrom('deputy as d')
            .innerJoin('congress_session as ses', 'ses.congress_id', 'd.congress_id')
            .innerJoin('suggestion_category as cat', 'cat.congress_id', 'd.congress_id')
            .select((eb) => [
              'd.congress_id',
              'ses.id',
              eb.cast<string>(eb.val(submission?.period ?? 'in_session'), 'text').as('period'),
              eb.cast<string>(eb.val(input.title), 'text').as('title'),
              eb.cast<string>(eb.val(input.body), 'text').as('body'),
              'cat.code',
              'd.id',
              'd.delegation_id',
              'd.deputy_group_id',
              eb.cast<boolean>(eb.val(input.mayDisclose), 'boolean').as('may_disclose'),
              eb.cast<string>(eb.val(submission ? 'submitted' : 'draft'), 'text').as('status'),
              eb.cast<Date | null>(eb.val(submission?.at ?? null), 'timestamptz').as('submitted_at'),
              sql<string>`to_tsvector('simple', ${searchDocument(input.title, input.body)})`.as('search_tokens'),
            ])
            .where('d.id', '=', deputyId)
            .where('d.congress_id', '=', congressId)
            .where('ses.is_current', '=', true)
            .$if(submission !== null, (q) =>
              q
                .where('ses.id', '=', submission!.session.id)
                .where('ses.opens_on', '=', submission!.session.opens_on)
                // Dates in JavaScript stop at milliseconds.
                .where(
                  sql<Date>`date_trunc('milliseconds', ses.submission_closes_at)`,
                  '=',
                  submission!.session.submission_closes_at,
                ),
            )
            .where('cat.code', '=', input.categoryCode),
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
            .selectFrom('created')
            .crossJoin(
              sql<AuditEventRow>`jsonb_populate_recordset(null::audit_event, ${auditRowsJson(viewer, audits)}::jsonb)`.as(
                'a',
              ),
            )
            .select([
              'created.congress_id',
              'a.actor_user_id',
              'a.actor_role',
              'a.action',
              'a.entity_type',
              'created.id as entity_id',
              'created.id as suggestion_id',
              'a.before_state',
              'a.after_state',
            ]),
        ),
    )
    // The liaison office hears of every submission.
    .with('notice', (qc) =>
      qc
        .insertInto('outbox')
        .columns(['congress_id', 'recipient_user_id', 'kind', 'title', 'suggestion_id'])
        .expression(
          qc
            .selectFrom('created')
            .innerJoin('role_grant as g', 'g.congress_id', 'created.congress_id')
            .select((eb) => [
              'created.congress_id',
              'g.user_id',
              eb.cast<string>(eb.val('submitted'), 'text').as('kind'),
              eb.cast<string>(eb.val(`收到代表建议待审核：${input.title}`), 'text').as('title'),
              'created.id',
            ])
            .distinct()
            .where('g.role', '=', 'liaison_office')
            .$if(submission === null, (q) => q.where(sql<boolean>`false`)),
        )
        .returning('id'),
    )
    .with('notice_mail', (qc) => noticesWrittenEvent(qc, viewer.grant.congressId))
    .selectFrom('created')
    .selectAll()
    .executeTakeFirst();
  return row;
}

/** Nothing was written: say which part was missing. */
async function explainNothingWritten(db: Executor, viewer: Viewer, deputyId: number, input: DraftBody): Promise<never> {
  await checkContent(db, viewer.grant.congressId, { ...input, cosignerDeputyIds: [] }, deputyId);
  throw noSession();
}
