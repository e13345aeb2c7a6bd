import { officeOrganName } from '../documents/documents.policy.js';
import type { Executor } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { sessionLabel } from '../../shared/labels.js';
import type { TopicAnalysisInput, TopicCommittee } from './topic-analysis.js';

// What the topic analysis reads, in three statements: the session (of this congress only), its
// registered in-session suggestions with their lead deputies and delegations, and the category
// catalogue with the committee each category is mapped to (类别管理 › 对口专门委员会).

export interface TopicAnalysisData {
  input: TopicAnalysisInput;
  /** The office that issues it (联工委). */
  organ: string;
}

/** The session asked for, or without one the congress's current (else latest) session. */
async function sessionOf(db: Executor, congressId: number, sessionId: number | undefined) {
  const session = await db
    .selectFrom('congress_session as cs')
    .innerJoin('term as t', 't.id', 'cs.term_id')
    .innerJoin('congress as c', 'c.id', 'cs.congress_id')
    .select(['cs.id', 'cs.ordinal', 't.ordinal as term_ordinal', 'c.short_name', 'c.name as congress_name'])
    .where('cs.congress_id', '=', congressId)
    .$if(sessionId !== undefined, (q) => q.where('cs.id', '=', sessionId ?? -1))
    .orderBy('cs.is_current', 'desc')
    .orderBy('cs.opens_on', 'desc')
    .limit(1)
    .executeTakeFirst();
  // Another congress's session is as absent as one that never was.
  if (!session) throw notFound('会议');
  return session;
}

export async function topicAnalysisData(
  db: Executor,
  congressId: number,
  sessionId: number | undefined,
): Promise<TopicAnalysisData> {
  const session = await sessionOf(db, congressId, sessionId);
  // Raised at the session and registered (立案, numbered); last year's suggestions carried over
  // into it (回头看) and between-session ones (闭会期间) were not raised there.
  const suggestions = await db
    .selectFrom('suggestion as s')
    .innerJoin('deputy as d', 'd.id', 's.lead_deputy_id')
    .leftJoin('delegation as dl', 'dl.id', 's.delegation_id')
    .select([
      's.number',
      's.title',
      's.body',
      's.category_code',
      'd.name as lead_deputy_name',
      'dl.name as delegation',
      's.delegation_id',
    ])
    .where('s.congress_id', '=', congressId)
    .where('s.session_id', '=', session.id)
    .where('s.period', '=', 'in_session')
    .where('s.number', 'is not', null)
    .where('s.continues_suggestion_id', 'is', null)
    .orderBy('s.number')
    .execute();
  // Retired categories still name the suggestions filed under them; otherwise only live ones.
  const used = new Set(suggestions.map((s) => s.category_code));
  const categories = (
    await db
      .selectFrom('suggestion_category as c')
      .leftJoin('committee as m', 'm.id', 'c.committee_id')
      .select(['c.code', 'c.name', 'c.committee_id', 'c.retired_at', 'm.name as committee_name'])
      .where('c.congress_id', '=', congressId)
      .orderBy('c.code')
      .execute()
  ).filter((c) => c.retired_at === null || used.has(c.code));
  const committees = new Map<number, TopicCommittee>();
  for (const c of categories) {
    if (c.committee_id !== null && c.committee_name !== null) {
      committees.set(c.committee_id, { id: c.committee_id, name: c.committee_name });
    }
  }
  return {
    organ: officeOrganName(session.congress_name),
    input: {
      sessionLabel: sessionLabel(session.short_name, session.term_ordinal, session.ordinal),
      suggestions: suggestions.map((s) => ({
        number: s.number ?? 0,
        title: s.title,
        body: s.body,
        categoryCode: s.category_code,
        leadDeputyName: s.lead_deputy_name,
        delegationName: s.delegation,
        delegationId: s.delegation_id,
      })),
      categories: categories.map((c) => ({ code: c.code, name: c.name, committeeId: c.committee_id })),
      committees: [...committees.values()].sort((a, b) => a.id - b.id),
    },
  };
}
