import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor } from '../../platform/db.js';
import { notFound } from '../../platform/errors.js';
import { detailPrivacyOf } from '../suggestion/suggestion.privacy.js';
import { visibleTo } from '../suggestion/suggestion.policy.js';
import { seesUrgingNotice } from './documents.policy.js';
import type { ReplyLetterFacts, SuggestionFacts, UrgingNoticeFacts } from './reply-letter.js';

// What the documents are made of, read only by a viewer who may see them: a reply letter as
// the suggestion's detail shows that reply, an urging notice by documents.policy.ts.

/** A document's facts, and whose letterhead it is printed under. */
export interface Loaded<F> {
  facts: F;
  issuer: { kind: 'unit' | 'congress'; id: number };
}

/** The suggestion's naming facts: congress, term, session, number, title. */
export function suggestionFactsQuery(db: Executor) {
  return db
    .selectFrom('suggestion as s')
    .innerJoin('congress as c', 'c.id', 's.congress_id')
    .innerJoin('congress_session as cs', 'cs.id', 's.session_id')
    .innerJoin('term as t', 't.id', 'cs.term_id')
    .innerJoin('deputy as lead', 'lead.id', 's.lead_deputy_id')
    .select([
      'c.name as congress_name',
      'c.short_name as congress_short_name',
      't.ordinal as term_ordinal',
      'cs.ordinal as session_ordinal',
      's.period',
      's.number',
      's.title',
      'lead.name as lead_name',
    ]);
}

type FactsRow = {
  congress_name: string;
  congress_short_name: string;
  term_ordinal: number;
  session_ordinal: number;
  period: 'in_session' | 'between_sessions';
  number: number | null;
  title: string;
};

export const suggestionFactsOf = (r: FactsRow): SuggestionFacts => ({
  congressName: r.congress_name,
  congressShortName: r.congress_short_name,
  termOrdinal: r.term_ordinal,
  sessionOrdinal: r.session_ordinal,
  period: r.period,
  number: r.number,
  title: r.title,
});

/** A reply's letter, if the viewer may see that reply (404 otherwise, as for the reply itself). */
export async function loadReplyLetter(
  db: Executor,
  viewer: Viewer,
  replyId: number,
): Promise<Loaded<ReplyLetterFacts>> {
  const row = await suggestionFactsQuery(db)
    .innerJoin('reply as r', 'r.suggestion_id', 's.id')
    .innerJoin('handling_unit as u', 'u.id', 'r.unit_id')
    .innerJoin('unit_system as us', 'us.id', 'u.unit_system_id')
    .select([
      's.id as suggestion_id',
      'r.state',
      'r.unit_id',
      'r.class_code',
      'r.doc_number',
      'r.body',
      'r.consulted_units',
      'r.handler_name',
      'r.handler_phone',
      'r.sent_at',
      'u.name as unit_name',
      'us.is_government',
    ])
    .where('r.id', '=', replyId)
    .where(visibleTo(viewer) as never)
    .executeTakeFirst();
  if (!row || !detailPrivacyOf(viewer).seesReply(row)) throw notFound('答复函');
  const cosigners = await db
    .selectFrom('suggestion_cosigner as c')
    .innerJoin('deputy as d', 'd.id', 'c.deputy_id')
    .select('d.name')
    .where('c.suggestion_id', '=', row.suggestion_id)
    .where('c.status', '=', 'confirmed')
    .orderBy('d.id')
    .execute();
  const facts: ReplyLetterFacts = {
    suggestion: suggestionFactsOf(row),
    deputyNames: [row.lead_name, ...cosigners.map((c) => c.name)],
    unitName: row.unit_name,
    isGovernmentUnit: row.is_government,
    classCode: row.class_code,
    docNumber: row.state === 'sent' ? row.doc_number : '',
    body: row.body,
    consultedUnits: row.consulted_units,
    handlerName: row.handler_name,
    handlerPhone: row.handler_phone,
    sentAt: row.state === 'sent' ? row.sent_at : null,
  };
  return { facts, issuer: { kind: 'unit', id: row.unit_id } };
}

/** An urging notice, if the viewer may see it (404 otherwise). */
export async function loadUrgingNotice(
  db: Executor,
  viewer: Viewer,
  noticeId: number,
): Promise<Loaded<UrgingNoticeFacts>> {
  const row = await suggestionFactsQuery(db)
    .innerJoin('urging_notice as n', 'n.suggestion_id', 's.id')
    .innerJoin('assignment as a', 'a.id', 'n.assignment_id')
    .innerJoin('handling_unit as u', 'u.id', 'n.unit_id')
    .innerJoin('unit_system as us', 'us.id', 'u.unit_system_id')
    .select([
      'n.congress_id',
      'n.unit_id',
      'n.doc_number',
      'n.due_on',
      'n.overdue_days',
      'n.contact_name',
      'n.contact_phone',
      'n.issued_at',
      'a.role',
      'a.assigned_on',
      'n.rehandling',
      'u.name as unit_name',
      'u.unit_system_id',
      'us.is_government',
    ])
    .where('n.id', '=', noticeId)
    .executeTakeFirst();
  if (!row || !seesUrgingNotice(viewer.grant, row)) throw notFound('催办函');
  return { facts: urgingFactsOf(row), issuer: { kind: 'congress', id: row.congress_id } };
}

export function urgingFactsOf(
  row: FactsRow & {
    lead_name: string;
    unit_name: string;
    is_government: boolean;
    role: UrgingNoticeFacts['role'];
    assigned_on: string;
    rehandling: boolean;
    due_on: string;
    overdue_days: number;
    doc_number: string;
    contact_name: string;
    contact_phone: string;
    issued_at: Date;
  },
): UrgingNoticeFacts {
  return {
    suggestion: suggestionFactsOf(row),
    leadDeputyName: row.lead_name,
    unitName: row.unit_name,
    isGovernmentUnit: row.is_government,
    role: row.role,
    rehandling: row.rehandling,
    assignedOn: row.assigned_on,
    dueOn: row.due_on,
    overdueDays: row.overdue_days,
    docNumber: row.doc_number,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    issuedAt: row.issued_at,
  };
}

/** The letterhead a document of this issuer is printed under, if it uploaded one. */
export async function letterheadOf(db: Executor, owner: Loaded<unknown>['issuer']) {
  return db
    .selectFrom('letterhead')
    .select(['id', 'file_name', 'size_bytes', 'uploaded_at', 'content'])
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .executeTakeFirst();
}
