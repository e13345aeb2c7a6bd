import { sql } from 'kysely';
import { bulkRows, takeIds, type Statement } from './import.bulk.js';
import { at, termRows, type PreparedPublish, type PublishScope } from './import.publish.js';
import type { SuggestionPlan } from './suggestions.plan.js';

// Past years' suggestions, published: sessions (and their terms) the file names anew, then
// suggestions, co-signers, units' parts, co-handling opinions, replies, the lead deputy's
// ratings and promises, each table in batches of a JSON parameter. The search words follow
// the commit (import.search-words.ts): cutting and indexing them is most of a publish's work.

async function prepareSessions(
  s: PublishScope,
  sessions: SuggestionPlan['sessions'],
  statements: Statement[],
): Promise<number[]> {
  const newTerms = [...new Set(sessions.filter((p) => p.termId === null).map((p) => p.termOrdinal))];
  const newTermIds = await takeIds(s.db, 'term', newTerms.length);
  const termOf = new Map(newTerms.map((ordinal, i) => [ordinal, newTermIds[i]!]));
  const sessionIds = await takeIds(s.db, 'congress_session', sessions.length);
  statements.push(
    ...(await termRows(
      s,
      newTerms.map((ordinal, i) => ({
        id: newTermIds[i]!,
        ordinal,
        // A term the file brings opens with its first session there.
        startsOn: sessions
          .filter((p) => p.termId === null && p.termOrdinal === ordinal)
          .map((p) => p.opensOn)
          .sort()[0]!,
      })),
    )),
    ...(await bulkRows(
      'congress_session',
      [
        ['id', 'int'],
        ['congress_id', 'int'],
        ['term_id', 'int'],
        ['ordinal', 'int'],
        ['opens_on', 'date'],
        ['closes_on', 'date'],
        ['submission_closes_at', 'timestamptz'],
        ['is_current', 'boolean'],
      ],
      sessions.map((p, i) => ({
        id: sessionIds[i],
        congress_id: s.congressId,
        term_id: p.termId ?? termOf.get(p.termOrdinal),
        ordinal: p.ordinal,
        opens_on: p.opensOn,
        closes_on: p.closesOn,
        submission_closes_at: `${p.closesOn}T23:59:59+08:00`,
        is_current: false,
      })),
    )),
  );
  return sessionIds;
}

export async function prepareSuggestions(s: PublishScope, plan: SuggestionPlan): Promise<PreparedPublish> {
  const { db, congressId } = s;
  const statements: Statement[] = [];
  const sessionIds = await prepareSessions(s, plan.sessions, statements);

  const suggestions = plan.suggestions;
  const parts = suggestions.flatMap((sg) => sg.parts.map((part) => ({ sg, part })));
  const replies = parts.flatMap(({ sg, part }) => part.replies.map((reply) => ({ sg, part, reply })));
  const [suggestionIds, assignmentIds, replyIds] = [
    await takeIds(db, 'suggestion', suggestions.length),
    await takeIds(db, 'assignment', parts.length),
    await takeIds(db, 'reply', replies.length),
  ];
  const suggestionId = new Map(suggestions.map((sg, i) => [sg, suggestionIds[i]!]));
  const assignmentId = new Map(parts.map(({ part }, i) => [part, assignmentIds[i]!]));
  const replyId = new Map(replies.map(({ reply }, i) => [reply, replyIds[i]!]));

  statements.push(
    ...(await bulkRows(
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
        import_job_id: s.jobId,
        created_at: at(sg.submittedOn),
      })),
    )),
  );

  statements.push(
    ...(await bulkRows(
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
    )),
  );

  statements.push(
    ...(await bulkRows(
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
    )),
  );

  statements.push(
    ...(await bulkRows(
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
    )),
  );

  statements.push(
    ...(await bulkRows(
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
    )),
  );

  statements.push(
    ...(await bulkRows(
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
    )),
  );

  statements.push(
    ...(await bulkRows(
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
    )),
  );

  const units = [...new Set(parts.map(({ part }) => part.unitId))];
  if (units.length > 0) statements.push(sql`select bump_unit_list_stamps(${units}::int[])`);
  return {
    statements,
    referencesChecked: true,
    counts: {
      sessions: plan.sessions.length,
      suggestions: suggestions.length,
      assignments: parts.length,
      replies: replies.length,
      ratings: replies.filter((r) => r.reply.rating).length,
      promises: parts.filter((p) => p.part.promise).length,
    },
  };
}
