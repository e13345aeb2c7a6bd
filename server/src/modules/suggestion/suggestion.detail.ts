import { sql } from 'kysely';
import type { AssignmentRow, ReplyRow, SuggestionRow } from '../../db/schema.js';
import type {
  RatingTable,
  ContactRecordTable,
  CoHandlingOpinionTable,
  ExtensionRequestTable,
  ReassignmentRequestTable,
} from '../../db/schema.handling.js';
import type { Selectable } from 'kysely';
import type { Viewer } from '../../platform/auth/viewer.js';
import type { Executor } from '../../platform/db.js';
import type { SuggestionRelation } from './suggestion.policy.js';
import { findWithRelationQuery, relationOf } from './suggestion.repository.js';

// Everything one suggestion's detail shows, read in one statement: the suggestion with the
// viewer's relation to it (through the visibility condition, so an invisible one reads
// nothing), and each of its parts as a JSON array beside it. The parts are read whole;
// what of them this viewer may see is decided by suggestion.privacy.ts in the presenter.

export type DetailAssignment = AssignmentRow & { unit_name: string };
export type DetailReply = ReplyRow & { unit_name: string };
export type DetailRating = Selectable<RatingTable> & { deputy_name: string };
export type DetailContact = Selectable<ContactRecordTable> & { unit_name: string };
export type DetailOpinion = Selectable<CoHandlingOpinionTable> & { unit_name: string; unit_id: number };
export type DetailExtension = Selectable<ExtensionRequestTable> & { unit_name: string; unit_id: number };
export type DetailReassignment = Selectable<ReassignmentRequestTable> & { requester_name: string };
export interface DetailCosigner {
  deputy_id: number;
  name: string;
  status: 'invited' | 'confirmed' | 'declined';
}
export interface DetailPreAssignment {
  unit_id: number;
  role: AssignmentRow['role'];
  unit_name: string;
}
export interface DetailAttachment {
  id: number;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  uploaded_at: Date;
}
export interface DetailEvent {
  id: number;
  at: Date;
  action: string;
  actor_role: string | null;
  display_name: string | null;
}

export interface SuggestionDetailRows {
  s: SuggestionRow;
  rel: SuggestionRelation;
  session: { session_ordinal: number; term_ordinal: number; short_name: string };
  leadName: string | null;
  delegationName: string | null;
  categoryName: string | null;
  className: string | null;
  cosigners: DetailCosigner[];
  assignments: DetailAssignment[];
  preAssignments: DetailPreAssignment[];
  replies: DetailReply[];
  ratings: DetailRating[];
  contacts: DetailContact[];
  opinions: DetailOpinion[];
  extensions: DetailExtension[];
  reassignments: DetailReassignment[];
  attachments: DetailAttachment[];
  events: DetailEvent[];
  /** `congress_policy.settings` of the suggestion's congress, null when none is stored. */
  policySettings: unknown;
}

/** One JSON array of a part's rows (`[]` when none), correlated on the outer `s`. */
const rowsOf = (row: string, from: string, order?: string) =>
  sql.raw<unknown>(`(select coalesce(json_agg(${row}${order ? ` order by ${order}` : ''}), '[]') from ${from})`);

// No parameters: the text of every part is the same on every request.
const parts = [
  sql
    .raw<SuggestionDetailRows['session']>(
      `(select json_build_object('session_ordinal', cs.ordinal, 'term_ordinal', t.ordinal, 'short_name', c.short_name)
         from congress_session cs join term t on t.id = cs.term_id join congress c on c.id = cs.congress_id where cs.id = s.session_id)`,
    )
    .as('detail_session'),
  sql.raw<string | null>(`(select d.name from deputy d where d.id = s.lead_deputy_id)`).as('detail_lead_name'),
  sql
    .raw<string | null>(`(select dl.name from delegation dl where dl.id = s.delegation_id)`)
    .as('detail_delegation_name'),
  sql
    .raw<string | null>(
      `(select sc.name from suggestion_category sc where sc.congress_id = s.congress_id and sc.code = s.category_code)`,
    )
    .as('detail_category_name'),
  sql.raw<string | null>(`(select cl.name from suggestion_class cl where cl.id = s.class_id)`).as('detail_class_name'),
  rowsOf(
    `json_build_object('deputy_id', c.deputy_id, 'name', d.name, 'status', c.status)`,
    `suggestion_cosigner c join deputy d on d.id = c.deputy_id where c.suggestion_id = s.id`,
    `d.name_pinyin, c.deputy_id`,
  ).as('detail_cosigners'),
  rowsOf(
    `to_jsonb(a) || jsonb_build_object('unit_name', u.name)`,
    `assignment a join handling_unit u on u.id = a.unit_id where a.suggestion_id = s.id`,
    `a.id`,
  ).as('detail_assignments'),
  rowsOf(
    `json_build_object('unit_id', p.unit_id, 'role', p.role, 'unit_name', u.name)`,
    `pre_assignment p join handling_unit u on u.id = p.unit_id where p.suggestion_id = s.id`,
  ).as('detail_pre_assignments'),
  rowsOf(
    `to_jsonb(r) || jsonb_build_object('unit_name', u.name)`,
    `reply r join handling_unit u on u.id = r.unit_id where r.suggestion_id = s.id`,
    `r.id`,
  ).as('detail_replies'),
  rowsOf(
    `to_jsonb(r) || jsonb_build_object('deputy_name', d.name)`,
    `rating r join deputy d on d.id = r.deputy_id where r.suggestion_id = s.id`,
    `r.id`,
  ).as('detail_ratings'),
  rowsOf(
    `to_jsonb(c) || jsonb_build_object('unit_name', u.name)`,
    `contact_record c join assignment a on a.id = c.assignment_id join handling_unit u on u.id = a.unit_id where c.suggestion_id = s.id`,
    `c.contacted_on, c.id`,
  ).as('detail_contacts'),
  rowsOf(
    `to_jsonb(o) || jsonb_build_object('unit_name', u.name, 'unit_id', a.unit_id)`,
    `co_handling_opinion o join assignment a on a.id = o.assignment_id join handling_unit u on u.id = a.unit_id where o.suggestion_id = s.id`,
    `o.id`,
  ).as('detail_opinions'),
  rowsOf(
    `to_jsonb(e) || jsonb_build_object('unit_name', u.name, 'unit_id', a.unit_id)`,
    `extension_request e join assignment a on a.id = e.assignment_id join handling_unit u on u.id = a.unit_id where e.suggestion_id = s.id`,
    `e.id`,
  ).as('detail_extensions'),
  rowsOf(
    `to_jsonb(r) || jsonb_build_object('requester_name', p.display_name)`,
    `reassignment_request r join app_user p on p.id = r.requested_by where r.suggestion_id = s.id`,
    `r.id`,
  ).as('detail_reassignments'),
  // Never the file's content: the attachment route alone sends that.
  rowsOf(
    `json_build_object('id', f.id, 'file_name', f.file_name, 'mime_type', f.mime_type, 'size_bytes', f.size_bytes, 'uploaded_at', f.uploaded_at)`,
    `attachment f where f.suggestion_id = s.id`,
    `f.id`,
  ).as('detail_attachments'),
  rowsOf(
    `json_build_object('id', e.id, 'at', e.at, 'action', e.action, 'actor_role', e.actor_role, 'display_name', p.display_name)`,
    `audit_event e left join app_user p on p.id = e.actor_user_id where e.suggestion_id = s.id`,
    `e.id`,
  ).as('detail_events'),
  sql
    .raw<unknown>(`(select cp.settings from congress_policy cp where cp.congress_id = s.congress_id)`)
    .as('detail_policy_settings'),
] as const;

/** The suggestion's detail rows if the viewer may see it, in one statement; otherwise undefined. */
export async function readSuggestionDetail(
  db: Executor,
  viewer: Viewer,
  id: number,
): Promise<SuggestionDetailRows | undefined> {
  const row = await findWithRelationQuery(db, viewer, id).select(parts).executeTakeFirst();
  if (!row) return undefined;
  const {
    detail_session,
    detail_lead_name,
    detail_delegation_name,
    detail_category_name,
    detail_class_name,
    detail_cosigners,
    detail_assignments,
    detail_pre_assignments,
    detail_replies,
    detail_ratings,
    detail_contacts,
    detail_opinions,
    detail_extensions,
    detail_reassignments,
    detail_attachments,
    detail_events,
    detail_policy_settings,
    ...withRelation
  } = row;
  const { s, rel } = relationOf(withRelation);
  return {
    s,
    rel,
    session: detail_session,
    leadName: detail_lead_name,
    delegationName: detail_delegation_name,
    categoryName: detail_category_name,
    className: detail_class_name,
    cosigners: detail_cosigners as DetailCosigner[],
    assignments: withDates<DetailAssignment>(detail_assignments, {
      acknowledged_at: true,
      replied_at: true,
      opinion_sent_at: true,
      ended_at: true,
    }),
    preAssignments: detail_pre_assignments as DetailPreAssignment[],
    replies: withDates<DetailReply>(detail_replies, { signed_at: true, sent_at: true, created_at: true }),
    ratings: withDates<DetailRating>(detail_ratings, { rated_at: true }),
    contacts: withDates<DetailContact>(detail_contacts, { recorded_at: true }),
    opinions: withDates<DetailOpinion>(detail_opinions, { sent_at: true }),
    extensions: withDates<DetailExtension>(detail_extensions, { ruled_at: true, created_at: true }),
    reassignments: withDates<DetailReassignment>(detail_reassignments, { ruled_at: true, created_at: true }),
    attachments: withDates<DetailAttachment>(detail_attachments, { uploaded_at: true }),
    events: withDates<DetailEvent>(detail_events, { at: true }),
    policySettings: detail_policy_settings,
  };
}

/** The keys of a row type whose values are timestamps. */
type TimestampColumn<T> = { [K in keyof T]-?: NonNullable<T[K]> extends Date ? K : never }[keyof T];

/**
 * JSON carries timestamps as text: turns them back into the Date objects that the driver
 * gives for a plain column (same instant, same millisecond). `columns` must name every
 * timestamp column of the row type — the type checker says when one is missing.
 */
function withDates<T>(rows: unknown, columns: Record<TimestampColumn<T>, true>): T[] {
  const keys = Object.keys(columns);
  const list = rows as Record<string, unknown>[];
  for (const row of list) {
    for (const k of keys) {
      const v = row[k];
      if (typeof v === 'string') row[k] = new Date(v);
    }
  }
  return list as T[];
}
