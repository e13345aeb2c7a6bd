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
// nothing), and all its parts in one JSON object beside it. The parts are read whole; what
// of them this viewer may see is decided by suggestion.privacy.ts in the presenter.

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

/** The JSON array of a part's rows, `[]` when there is none. */
const rowsOf = (row: string, from: string, order?: string) =>
  `(select coalesce(json_agg(${row}${order ? ` order by ${order}` : ''}), '[]') from ${from})`;
const unitName = (unitId: string) => `(select u.name from handling_unit u where u.id = ${unitId})`;
/** A part recorded against an assignment shows that assignment's unit. */
const unitOfAssignment = (assignmentId: string) =>
  `(select jsonb_build_object('unit_id', a.unit_id, 'unit_name', u.name) from assignment a join handling_unit u on u.id = a.unit_id where a.id = ${assignmentId})`;

// The parts, as one JSON object beside the suggestion's row, correlated on the outer `s`.
// Names are looked up by primary key row by row. No parameters: the text never changes.
const detailJson = sql.raw<DetailJson>(`json_build_object(
  'session', (select json_build_object('session_ordinal', cs.ordinal, 'term_ordinal', t.ordinal, 'short_name', c.short_name)
    from congress_session cs join term t on t.id = cs.term_id join congress c on c.id = cs.congress_id where cs.id = s.session_id),
  'lead_name', (select d.name from deputy d where d.id = s.lead_deputy_id),
  'delegation_name', (select dl.name from delegation dl where dl.id = s.delegation_id),
  'category_name', (select sc.name from suggestion_category sc where sc.congress_id = s.congress_id and sc.code = s.category_code),
  'class_name', (select cl.name from suggestion_class cl where cl.id = s.class_id),
  'cosigners', ${rowsOf(
    `json_build_object('deputy_id', c.deputy_id, 'name', d.name, 'status', c.status)`,
    `suggestion_cosigner c join deputy d on d.id = c.deputy_id where c.suggestion_id = s.id`,
    `d.name_pinyin, c.deputy_id`,
  )},
  'assignments', ${rowsOf(`to_jsonb(a) || jsonb_build_object('unit_name', ${unitName('a.unit_id')})`, `assignment a where a.suggestion_id = s.id`, `a.id`)},
  'pre_assignments', ${rowsOf(
    `json_build_object('unit_id', p.unit_id, 'role', p.role, 'unit_name', ${unitName('p.unit_id')})`,
    `pre_assignment p where p.suggestion_id = s.id`,
    `p.unit_id`,
  )},
  'replies', ${rowsOf(`to_jsonb(r) || jsonb_build_object('unit_name', ${unitName('r.unit_id')})`, `reply r where r.suggestion_id = s.id`, `r.id`)},
  'ratings', ${rowsOf(
    `to_jsonb(r) || jsonb_build_object('deputy_name', (select d.name from deputy d where d.id = r.deputy_id))`,
    `rating r where r.suggestion_id = s.id`,
    `r.id`,
  )},
  'contacts', ${rowsOf(`to_jsonb(c) || ${unitOfAssignment('c.assignment_id')}`, `contact_record c where c.suggestion_id = s.id`, `c.contacted_on, c.id`)},
  'opinions', ${rowsOf(`to_jsonb(o) || ${unitOfAssignment('o.assignment_id')}`, `co_handling_opinion o where o.suggestion_id = s.id`, `o.id`)},
  'extensions', ${rowsOf(`to_jsonb(e) || ${unitOfAssignment('e.assignment_id')}`, `extension_request e where e.suggestion_id = s.id`, `e.id`)},
  'reassignments', ${rowsOf(
    `to_jsonb(r) || jsonb_build_object('requester_name', (select p.display_name from app_user p where p.id = r.requested_by))`,
    `reassignment_request r where r.suggestion_id = s.id`,
    `r.id`,
  )},
  'attachments', ${rowsOf(
    // Never the file's content: the attachment route alone sends that.
    `json_build_object('id', f.id, 'file_name', f.file_name, 'mime_type', f.mime_type, 'size_bytes', f.size_bytes, 'uploaded_at', f.uploaded_at)`,
    `attachment f where f.suggestion_id = s.id`,
    `f.id`,
  )},
  'events', ${rowsOf(
    `json_build_object('id', e.id, 'at', e.at, 'action', e.action, 'actor_role', e.actor_role, 'display_name', (select p.display_name from app_user p where p.id = e.actor_user_id))`,
    `audit_event e where e.suggestion_id = s.id`,
    `e.id`,
  )},
  'policy_settings', (select cp.settings from congress_policy cp where cp.congress_id = s.congress_id)
)`);

/** The parts as they come out of JSON: timestamps still text. */
interface DetailJson {
  session: SuggestionDetailRows['session'];
  lead_name: string | null;
  delegation_name: string | null;
  category_name: string | null;
  class_name: string | null;
  cosigners: DetailCosigner[];
  pre_assignments: DetailPreAssignment[];
  policy_settings: unknown;
  assignments: unknown;
  replies: unknown;
  ratings: unknown;
  contacts: unknown;
  opinions: unknown;
  extensions: unknown;
  reassignments: unknown;
  attachments: unknown;
  events: unknown;
}

const detailQuery = (db: Executor, viewer: Viewer, id: number) =>
  findWithRelationQuery(db, viewer, id).select(detailJson.as('detail'));
type DetailStatement = ReturnType<ReturnType<typeof detailQuery>['compile']>;

/**
 * The statement's text and parameters follow from the viewer and the id alone, and Kysely
 * takes ~0.1 ms to build and compile its 5 KB on every call: it is compiled once per viewer,
 * with a stand-in for the id that is replaced on each read.
 */
const compiledPerViewer = new Map<string, { statement: DetailStatement; idAt: number[] }>();
const MAX_COMPILED = 5_000;
/** Never an id: outside PostgreSQL's integer range, and never sent. */
const ID_STAND_IN = -3_000_000_000;

function detailStatement(db: Executor, viewer: Viewer, id: number): DetailStatement {
  const key = `${viewer.userId}|${JSON.stringify(viewer.grant)}`;
  let compiled = compiledPerViewer.get(key);
  if (compiled) {
    compiledPerViewer.delete(key); // most recently used last
  } else {
    const statement = detailQuery(db, viewer, ID_STAND_IN).compile();
    const idAt = statement.parameters.flatMap((p, i) => (p === ID_STAND_IN ? [i] : []));
    if (idAt.length === 0) throw new Error('the detail statement lost its id parameter');
    compiled = { statement, idAt };
    if (compiledPerViewer.size >= MAX_COMPILED) compiledPerViewer.delete(compiledPerViewer.keys().next().value!);
  }
  compiledPerViewer.set(key, compiled);
  const parameters = [...compiled.statement.parameters];
  for (const i of compiled.idAt) parameters[i] = id;
  return { ...compiled.statement, parameters };
}

/** The suggestion's detail rows if the viewer may see it, in one statement; otherwise undefined. */
export async function readSuggestionDetail(
  db: Executor,
  viewer: Viewer,
  id: number,
): Promise<SuggestionDetailRows | undefined> {
  const row = (await db.executeQuery(detailStatement(db, viewer, id))).rows[0];
  if (!row) return undefined;
  const { detail: d, ...withRelation } = row;
  const { s, rel } = relationOf(withRelation);
  return {
    s,
    rel,
    session: d.session,
    leadName: d.lead_name,
    delegationName: d.delegation_name,
    categoryName: d.category_name,
    className: d.class_name,
    cosigners: d.cosigners,
    assignments: withDates<DetailAssignment>(d.assignments, {
      acknowledged_at: true,
      replied_at: true,
      opinion_sent_at: true,
      ended_at: true,
    }),
    preAssignments: d.pre_assignments,
    replies: withDates<DetailReply>(d.replies, { signed_at: true, sent_at: true, created_at: true }),
    ratings: withDates<DetailRating>(d.ratings, { rated_at: true }),
    contacts: withDates<DetailContact>(d.contacts, { recorded_at: true }),
    opinions: withDates<DetailOpinion>(d.opinions, { sent_at: true }),
    extensions: withDates<DetailExtension>(d.extensions, { ruled_at: true, created_at: true }),
    reassignments: withDates<DetailReassignment>(d.reassignments, { ruled_at: true, created_at: true }),
    attachments: withDates<DetailAttachment>(d.attachments, { uploaded_at: true }),
    events: withDates<DetailEvent>(d.events, { at: true }),
    policySettings: d.policy_settings,
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
