import { sql } from 'kysely';
import type { Tx } from '../../platform/db.js';
import { searchDocument } from '../../text/segment.js';
import { bulkInsert, takeIds } from './import.bulk.js';
import type { DeputyPlan, Ref, UnitPlan } from './lists.check.js';
import type { SuggestionPlan } from './suggestions.check.js';

// What a checked file becomes, written in the publish's one transaction. Rows carry the job
// that created them (import_job_id). The caller has set `lianxin.bulk_publish`, so the
// unit-list triggers skip these rows; each touched unit's counter is bumped once at the end.

export interface PublishScope {
  tx: Tx;
  congressId: number;
  jobId: number;
  userId: number;
  passwordHash: string | null;
  classTableVersion: string;
}

/** A day as an instant: noon in China, so the day reads the same in every report. */
const at = (day: string) => `${day}T12:00:00+08:00`;
const idOf = (ref: Ref, created: readonly number[]) => ('id' in ref ? ref.id : created[ref.planned]!);

async function insertNamed(tx: Tx, table: 'delegation' | 'deputy_group', congressId: number, names: string[]) {
  if (names.length === 0) return [];
  const rows = await tx
    .insertInto(table)
    .values(names.map((name) => ({ congress_id: congressId, name })))
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

async function createAccounts(
  s: PublishScope,
  accounts: { username: string; displayName: string; phone: string }[],
): Promise<number[]> {
  const ids = await takeIds(s.tx, 'app_user', accounts.length);
  await bulkInsert(
    s.tx,
    'app_user',
    [
      ['id', 'int'],
      ['username', 'text'],
      ['display_name', 'text'],
      ['phone', 'text'],
      ['password_hash', 'text'],
      ['must_change_password', 'boolean'],
    ],
    accounts.map((a, i) => ({
      id: ids[i],
      username: a.username,
      display_name: a.displayName,
      phone: a.phone,
      password_hash: s.passwordHash,
      must_change_password: true,
    })),
  );
  return ids;
}

export async function publishDeputies(s: PublishScope, plan: DeputyPlan): Promise<Record<string, number>> {
  const termIds: number[] = [];
  for (const t of plan.terms) {
    const row = await s.tx
      .insertInto('term')
      .values({ congress_id: s.congressId, ordinal: t.ordinal, starts_on: t.startsOn, ends_on: t.endsOn })
      .returning('id')
      .executeTakeFirstOrThrow();
    termIds.push(row.id);
  }
  const delegationIds = await insertNamed(s.tx, 'delegation', s.congressId, plan.delegations);
  const groupIds = await insertNamed(s.tx, 'deputy_group', s.congressId, plan.groups);
  const withAccount = plan.deputies.filter((d) => d.username);
  const userIds = await createAccounts(
    s,
    withAccount.map((d) => ({ username: d.username!, displayName: d.name, phone: '' })),
  );
  const userOf = new Map(withAccount.map((d, i) => [d, userIds[i]!]));
  const deputyIds = await takeIds(s.tx, 'deputy', plan.deputies.length);
  await bulkInsert(
    s.tx,
    'deputy',
    [
      ['id', 'int'],
      ['congress_id', 'int'],
      ['term_id', 'int'],
      ['user_id', 'int'],
      ['name', 'text'],
      ['delegation_id', 'int'],
      ['deputy_group_id', 'int'],
      ['occupation', 'text'],
      ['gender', 'text'],
      ['ethnicity', 'text'],
      ['phone', 'text'],
      ['id_number', 'text'],
      ['import_job_id', 'int'],
    ],
    plan.deputies.map((d, i) => ({
      id: deputyIds[i],
      congress_id: s.congressId,
      term_id: idOf(d.term, termIds),
      user_id: userOf.get(d) ?? null,
      name: d.name,
      delegation_id: d.delegation ? idOf(d.delegation, delegationIds) : null,
      deputy_group_id: d.group ? idOf(d.group, groupIds) : null,
      occupation: d.occupation,
      gender: d.gender,
      ethnicity: d.ethnicity,
      phone: d.phone,
      id_number: d.idNumber,
      import_job_id: s.jobId,
    })),
  );
  await bulkInsert(
    s.tx,
    'role_grant',
    [
      ['user_id', 'int'],
      ['congress_id', 'int'],
      ['role', 'text'],
      ['deputy_id', 'int'],
    ],
    plan.deputies.flatMap((d, i) =>
      userOf.has(d)
        ? [{ user_id: userOf.get(d), congress_id: s.congressId, role: 'deputy', deputy_id: deputyIds[i] }]
        : [],
    ),
  );
  return {
    terms: plan.terms.length,
    delegations: plan.delegations.length,
    groups: plan.groups.length,
    deputies: plan.deputies.length,
    accounts: withAccount.length,
  };
}

export async function publishUnits(s: PublishScope, plan: UnitPlan): Promise<Record<string, number>> {
  const systemIds: number[] = [];
  for (const sys of plan.systems) {
    const row = await s.tx
      .insertInto('unit_system')
      .values({ congress_id: s.congressId, name: sys.name, is_government: sys.isGovernment })
      .returning('id')
      .executeTakeFirstOrThrow();
    systemIds.push(row.id);
  }
  const unitIds: number[] = [];
  for (const u of plan.units) {
    const row = await sql<{ id: number }>`
      insert into handling_unit (congress_id, unit_system_id, name, short_name, doc_prefix, review_chain, import_job_id)
      values (${s.congressId}, ${idOf(u.system, systemIds)}, ${u.name}, ${u.shortName}, ${u.docPrefix}, ${u.reviewChain}, ${s.jobId})
      returning id`.execute(s.tx);
    unitIds.push(row.rows[0]!.id);
  }
  const userIds = await createAccounts(
    s,
    plan.staff.map((p) => ({ username: p.username, displayName: p.name, phone: p.phone })),
  );
  await bulkInsert(
    s.tx,
    'role_grant',
    [
      ['user_id', 'int'],
      ['congress_id', 'int'],
      ['role', 'text'],
      ['unit_id', 'int'],
    ],
    plan.staff.map((p, i) => ({
      user_id: userIds[i],
      congress_id: s.congressId,
      role: p.role,
      unit_id: idOf(p.unit, unitIds),
    })),
  );
  return { systems: plan.systems.length, units: plan.units.length, accounts: plan.staff.length };
}

export async function publishSuggestions(s: PublishScope, plan: SuggestionPlan): Promise<Record<string, number>> {
  const { tx, congressId } = s;
  const termIds = new Map<number, number>();
  const sessionIds: number[] = [];
  for (const p of plan.sessions) {
    let termId = p.termId ?? termIds.get(p.termOrdinal);
    if (termId === undefined) {
      termId = (
        await tx
          .insertInto('term')
          .values({ congress_id: congressId, ordinal: p.termOrdinal, starts_on: p.opensOn })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      termIds.set(p.termOrdinal, termId);
    }
    const row = await tx
      .insertInto('congress_session')
      .values({
        congress_id: congressId,
        term_id: termId,
        ordinal: p.ordinal,
        opens_on: p.opensOn,
        closes_on: p.closesOn,
        submission_closes_at: `${p.closesOn}T23:59:59+08:00`,
        is_current: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    sessionIds.push(row.id);
  }

  const suggestions = plan.suggestions;
  const parts = suggestions.flatMap((sg) => sg.parts.map((part) => ({ sg, part })));
  const replies = parts.flatMap(({ sg, part }) => part.replies.map((reply) => ({ sg, part, reply })));
  const [suggestionIds, assignmentIds, replyIds] = [
    await takeIds(tx, 'suggestion', suggestions.length),
    await takeIds(tx, 'assignment', parts.length),
    await takeIds(tx, 'reply', replies.length),
  ];
  const suggestionId = new Map(suggestions.map((sg, i) => [sg, suggestionIds[i]!]));
  const assignmentId = new Map(parts.map(({ part }, i) => [part, assignmentIds[i]!]));
  const replyId = new Map(replies.map(({ reply }, i) => [reply, replyIds[i]!]));

  await bulkInsert(
    tx,
    'suggestion',
    [
      ['id', 'int'],
      ['congress_id', 'int'],
      ['session_id', 'int'],
      ['period', 'text'],
      ['number', 'int'],
      ['title', 'text'],
      ['body', 'text'],
      ['category_code', 'text'],
      ['lead_deputy_id', 'int'],
      ['delegation_id', 'int'],
      ['deputy_group_id', 'int'],
      ['status', 'text'],
      ['mode', 'text'],
      ['close_kind', 'text'],
      ['rehandling_round', 'int'],
      ['submitted_at', 'timestamptz'],
      ['registered_at', 'timestamptz'],
      ['assigned_on', 'date'],
      ['closed_at', 'timestamptz'],
      ['search_tokens', 'tsvector', `to_tsvector('simple', x.search_doc)`],
      ['import_job_id', 'int'],
      ['created_at', 'timestamptz'],
    ],
    suggestions.map((sg) => ({
      id: suggestionId.get(sg),
      congress_id: congressId,
      session_id: 'id' in sg.session ? sg.session.id : sessionIds[sg.session.planned],
      period: sg.period,
      number: sg.number,
      title: sg.title,
      body: sg.body,
      category_code: sg.categoryCode,
      lead_deputy_id: sg.leadDeputyId,
      delegation_id: sg.delegationId,
      deputy_group_id: sg.deputyGroupId,
      status: sg.status,
      mode: sg.mode,
      close_kind: sg.closeKind,
      rehandling_round: sg.rehandlingRound,
      submitted_at: at(sg.submittedOn),
      registered_at: at(sg.registeredOn),
      assigned_on: sg.assignedOn,
      closed_at: sg.closedOn ? at(sg.closedOn) : null,
      search_doc: searchDocument(sg.title, sg.body),
      import_job_id: s.jobId,
      created_at: at(sg.submittedOn),
    })),
    [['search_doc', 'text']],
  );

  await bulkInsert(
    tx,
    'suggestion_cosigner',
    [
      ['suggestion_id', 'int'],
      ['deputy_id', 'int'],
      ['congress_id', 'int'],
      ['status', 'text'],
      ['responded_at', 'timestamptz'],
    ],
    suggestions.flatMap((sg) =>
      sg.cosignerIds.map((d) => ({
        suggestion_id: suggestionId.get(sg),
        deputy_id: d,
        congress_id: congressId,
        status: 'confirmed',
        responded_at: at(sg.submittedOn),
      })),
    ),
  );

  await bulkInsert(
    tx,
    'assignment',
    [
      ['id', 'int'],
      ['congress_id', 'int'],
      ['suggestion_id', 'int'],
      ['unit_id', 'int'],
      ['role', 'text'],
      ['state', 'text'],
      ['assigned_on', 'date'],
      ['reply_due', 'date'],
      ['reply_due_latest', 'date'],
      ['reply_due_rule', 'text'],
      ['opinion_due', 'date'],
      ['reassignment_window_until', 'date'],
      ['reassignment_window_own', 'date'],
      ['rehandling_due', 'date'],
      ['rehandling_round', 'int'],
      ['acknowledged_at', 'timestamptz'],
      ['replied_at', 'timestamptz'],
      ['replied_on_time', 'boolean'],
      ['opinion_sent_at', 'timestamptz'],
      ['opinion_on_time', 'boolean'],
    ],
    parts.map(({ sg, part }) => {
      const latest = part.replies.at(-1);
      return {
        id: assignmentId.get(part),
        congress_id: congressId,
        suggestion_id: suggestionId.get(sg),
        unit_id: part.unitId,
        role: part.role,
        state: part.state,
        assigned_on: part.assignedOn,
        ...part.deadlines,
        rehandling_due: part.rehandlingDue,
        rehandling_round: part.rehandlingRound,
        acknowledged_at: at(part.assignedOn),
        replied_at: latest ? at(latest.repliedOn) : null,
        replied_on_time: latest ? latest.onTime : null,
        opinion_sent_at: part.opinion ? at(part.opinion.on) : null,
        opinion_on_time: part.opinion ? part.opinion.onTime : null,
      };
    }),
  );

  await bulkInsert(
    tx,
    'co_handling_opinion',
    [
      ['congress_id', 'int'],
      ['suggestion_id', 'int'],
      ['assignment_id', 'int'],
      ['body', 'text'],
      ['sent_by', 'int'],
      ['sent_at', 'timestamptz'],
      ['on_time', 'boolean'],
    ],
    parts.flatMap(({ sg, part }) =>
      part.opinion
        ? [
            {
              congress_id: congressId,
              suggestion_id: suggestionId.get(sg),
              assignment_id: assignmentId.get(part),
              body: '（历史数据导入）',
              sent_by: s.userId,
              sent_at: at(part.opinion.on),
              on_time: part.opinion.onTime,
            },
          ]
        : [],
    ),
  );

  await bulkInsert(
    tx,
    'reply',
    [
      ['id', 'int'],
      ['congress_id', 'int'],
      ['suggestion_id', 'int'],
      ['assignment_id', 'int'],
      ['unit_id', 'int'],
      ['round', 'int'],
      ['state', 'text'],
      ['class_code', 'text'],
      ['doc_number', 'text'],
      ['body', 'text'],
      ['promise_done_text', 'text'],
      ['promise_planned_text', 'text'],
      ['promise_not_done_reason', 'text'],
      ['signed_at', 'timestamptz'],
      ['sent_at', 'timestamptz'],
      ['on_time', 'boolean'],
      ['feedback_due', 'date'],
      ['class_table_version', 'text'],
      ['drafted_by', 'int'],
      ['created_at', 'timestamptz'],
    ],
    replies.map(({ sg, part, reply }) => {
      const promise = reply === part.replies.at(-1) ? part.promise : null;
      return {
        id: replyId.get(reply),
        congress_id: congressId,
        suggestion_id: suggestionId.get(sg),
        assignment_id: assignmentId.get(part),
        unit_id: part.unitId,
        round: reply.round,
        state: 'sent',
        class_code: reply.classCode,
        doc_number: reply.docNumber,
        body: '（历史数据导入，答复函正文未导入）',
        promise_done_text: promise?.doneText ?? '',
        promise_planned_text: promise?.plannedText ?? '',
        promise_not_done_reason: promise?.notDoneReason ?? '',
        signed_at: at(reply.repliedOn),
        sent_at: at(reply.repliedOn),
        on_time: reply.onTime,
        feedback_due: reply.feedbackDue,
        class_table_version: s.classTableVersion,
        drafted_by: s.userId,
        created_at: at(reply.repliedOn),
      };
    }),
  );

  await bulkInsert(
    tx,
    'rating',
    [
      ['congress_id', 'int'],
      ['suggestion_id', 'int'],
      ['reply_id', 'int'],
      ['deputy_id', 'int'],
      ['is_lead_deputy', 'boolean'],
      ['attitude', 'text'],
      ['result', 'text'],
      ['comment', 'text'],
      ['rated_at', 'timestamptz'],
    ],
    replies.flatMap(({ sg, reply }) =>
      reply.rating
        ? [
            {
              congress_id: congressId,
              suggestion_id: suggestionId.get(sg),
              reply_id: replyId.get(reply),
              deputy_id: sg.leadDeputyId,
              is_lead_deputy: true,
              attitude: reply.rating.attitude,
              result: reply.rating.result,
              comment: reply.rating.comment,
              rated_at: at(reply.rating.ratedOn),
            },
          ]
        : [],
    ),
  );

  await bulkInsert(
    tx,
    'promise',
    [
      ['congress_id', 'int'],
      ['suggestion_id', 'int'],
      ['unit_id', 'int'],
      ['reply_id', 'int'],
      ['class_code', 'text'],
      ['done_text', 'text'],
      ['planned_text', 'text'],
      ['target_on', 'date'],
      ['not_done_reason', 'text'],
      ['status', 'text'],
      ['fulfilled_at', 'timestamptz'],
      ['fulfilled_by', 'int'],
      ['fulfilled_how', 'text'],
      ['fulfil_note', 'text'],
      ['created_at', 'timestamptz'],
    ],
    parts.flatMap(({ sg, part }) => {
      const p = part.promise;
      const latest = part.replies.at(-1);
      if (!p || !latest) return [];
      return [
        {
          congress_id: congressId,
          suggestion_id: suggestionId.get(sg),
          unit_id: part.unitId,
          reply_id: replyId.get(latest),
          class_code: p.classCode,
          done_text: p.doneText,
          planned_text: p.plannedText,
          target_on: p.targetOn,
          not_done_reason: p.notDoneReason,
          status: p.fulfilledOn ? 'fulfilled' : 'open',
          fulfilled_at: p.fulfilledOn ? at(p.fulfilledOn) : null,
          fulfilled_by: p.fulfilledOn ? s.userId : null,
          fulfilled_how: p.fulfilledOn ? 'office_ruling' : null,
          fulfil_note: p.fulfilledOn ? '历史数据导入：已销号' : null,
          created_at: at(latest.repliedOn),
        },
      ];
    }),
  );

  const units = [...new Set(parts.map(({ part }) => part.unitId))];
  if (units.length > 0) await sql`select bump_unit_list_stamps(${units}::int[])`.execute(tx);
  return {
    sessions: plan.sessions.length,
    suggestions: suggestions.length,
    assignments: parts.length,
    replies: replies.length,
    ratings: replies.filter((r) => r.reply.rating).length,
    promises: parts.filter((p) => p.part.promise).length,
  };
}
