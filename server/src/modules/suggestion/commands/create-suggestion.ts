import { sql, type CompiledQuery } from 'kysely';
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
  const values: InsertValues = {
    congressId,
    deputyId,
    period: submission?.period ?? 'in_session',
    title: input.title,
    body: input.body,
    categoryCode: input.categoryCode,
    mayDisclose: input.mayDisclose,
    status: submission ? 'submitted' : 'draft',
    submittedAt: submission?.at ?? null,
    searchDocument: searchDocument(input.title, input.body),
    audits: auditRowsJson(viewer, audits),
    noticeTitle: `收到代表建议待审核：${input.title}`,
    sessionId: submission?.session.id ?? null,
    opensOn: submission?.session.opens_on ?? null,
    closesAt: submission?.session.submission_closes_at ?? null,
  };
  return (await db.executeQuery(insertStatement(db, values, submission !== null))).rows[0];
}

/** Every value the insert sends; its text depends only on whether it submits. */
interface InsertValues {
  congressId: number;
  deputyId: number;
  period: string;
  title: string;
  body: string;
  categoryCode: string;
  mayDisclose: boolean;
  status: string;
  submittedAt: Date | null;
  searchDocument: string;
  /** The audit rows as JSON (`auditRowsJson`). */
  audits: string;
  noticeTitle: string;
  /** The remembered current session, when it submits. */
  sessionId: number | null;
  opensOn: string | null;
  closesAt: Date | null;
}
const insertValueKeys: readonly (keyof InsertValues)[] = [
  'congressId',
  'deputyId',
  'period',
  'title',
  'body',
  'categoryCode',
  'mayDisclose',
  'status',
  'submittedAt',
  'searchDocument',
  'audits',
  'noticeTitle',
  'sessionId',
  'opensOn',
  'closesAt',
];

// The busiest write of a session's opening: Kysely took ~0.1 ms of the server's one thread to
// build and compile its 3 KB on every call. Each of its two shapes is compiled once, with a
// stand-in for each value, and each call sends its own values in the stand-ins' places.
const STAND_IN = '\u0000lianxin:';
type Slot = { key: keyof InsertValues } | { constant: unknown };
const insertTemplates = new Map<boolean, { statement: CompiledQuery<SuggestionRow>; slots: Slot[] }>();

function insertStatement(db: Executor, values: InsertValues, submits: boolean): CompiledQuery<SuggestionRow> {
  let template = insertTemplates.get(submits);
  if (!template) {
    const standIns = Object.fromEntries(insertValueKeys.map((k) => [k, `${STAND_IN}${k}`])) as unknown as InsertValues;
    const statement = insertQuery(db, standIns, submits).compile();
    const slots = statement.parameters.map((p): Slot => {
      if (typeof p !== 'string' || !p.startsWith(STAND_IN)) return { constant: p };
      const key = p.slice(STAND_IN.length) as keyof InsertValues;
      // A stand-in built into a longer value would send the stand-in itself.
      if (!insertValueKeys.includes(key)) throw new Error(`the insert's value ${p} is not one of its stand-ins`);
      return { key };
    });
    template = { statement, slots };
    insertTemplates.set(submits, template);
  }
  const { statement, slots } = template;
  return { ...statement, parameters: slots.map((s) => ('key' in s ? values[s.key] : s.constant)) };
}

/**
 * The suggestion with its audit rows and, when it submits, the office's notices and their
 * mail event, in one statement; nothing is written when the deputy (or one who has left), the category (or a retired one) or (when
 * it submits) the remembered session do not match.
 */
function insertQuery(db: Executor, v: InsertValues, submits: boolean) {
  return (
    db
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
                eb.cast<string>(eb.val(v.period), 'text').as('period'),
                eb.cast<string>(eb.val(v.title), 'text').as('title'),
                eb.cast<string>(eb.val(v.body), 'text').as('body'),
                'cat.code',
                'd.id',
                'd.delegation_id',
                'd.deputy_group_id',
                eb.cast<boolean>(eb.val(v.mayDisclose), 'boolean').as('may_disclose'),
                eb.cast<string>(eb.val(v.status), 'text').as('status'),
                eb.cast<Date | null>(eb.val(v.submittedAt), 'timestamptz').as('submitted_at'),
                sql<string>`to_tsvector('simple', ${v.searchDocument})`.as('search_tokens'),
              ])
              .where('d.id', '=', v.deputyId)
              .where('d.congress_id', '=', v.congressId)
              .where('d.status', '=', 'serving')
              .where('ses.is_current', '=', true)
              .$if(submits, (q) =>
                q
                  .where('ses.id', '=', v.sessionId)
                  .where('ses.opens_on', '=', v.opensOn)
                  // Dates in JavaScript stop at milliseconds.
                  .where(sql<Date>`date_trunc('milliseconds', ses.submission_closes_at)`, '=', v.closesAt),
              )
              .where('cat.code', '=', v.categoryCode)
              .where('cat.retired_at', 'is', null),
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
              .crossJoin(sql<AuditEventRow>`jsonb_populate_recordset(null::audit_event, ${v.audits}::jsonb)`.as('a'))
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
                eb.cast<string>(eb.val(v.noticeTitle), 'text').as('title'),
                'created.id',
              ])
              .distinct()
              .where('g.role', '=', 'liaison_office')
              .$if(!submits, (q) => q.where(sql<boolean>`false`)),
          )
          .returning('id'),
      )
      .with('notice_mail', (qc) => noticesWrittenEvent(qc, v.congressId))
      .selectFrom('created')
      .selectAll()
  );
}

/** Nothing was written: say which part was missing. */
async function explainNothingWritten(db: Executor, viewer: Viewer, deputyId: number, input: DraftBody): Promise<never> {
  await checkContent(db, viewer.grant.congressId, { ...input, cosignerDeputyIds: [] }, deputyId);
  throw noSession();
}
