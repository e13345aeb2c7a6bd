import type { ColumnType, Generated } from 'kysely';
import type { AssignmentState, SuggestionStatus } from '../modules/suggestion/suggestion.workflow.js';
import type { ReplyState } from '../modules/suggestion/reply.workflow.js';
import type { PromiseStatus } from '../modules/ledger/ledger.workflow.js';

// The tables of a suggestion and its handling records (part A). Kept apart from schema.ts
// only for length; schema.ts re-exports everything and holds the Database type.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SuggestionClassTable {
  id: Generated<number>;
  congress_id: number;
  session_id: number;
  name: string;
  created_at: DefaultedTimestamp;
}

export interface SuggestionTable {
  id: Generated<number>;
  congress_id: number;
  session_id: number;
  period: 'in_session' | 'between_sessions';
  number: number | null;
  title: string;
  body: string;
  category_code: string;
  lead_deputy_id: number;
  delegation_id: number | null;
  deputy_group_id: number | null;
  may_disclose: Generated<boolean>;
  disclosure: Generated<'undecided' | 'published' | 'withheld'>;
  published_at: Timestamp | null;
  /** The suggestion workflow's states (CHECK constraint in the database). */
  status: SuggestionStatus;
  mode: 'sole' | 'lead_co' | 'separate' | null;
  class_id: number | null;
  is_key: Generated<boolean>;
  review_comment: string | null;
  decline_reason: string | null;
  close_kind: 'rated' | 'no_feedback' | 'office' | null;
  close_reason: string | null;
  rehandling_round: Generated<number>;
  /** Last year's unfinished suggestion this one re-assigns with the new session (回头看). */
  continues_suggestion_id: number | null;
  submitted_at: Timestamp | null;
  registered_at: Timestamp | null;
  assigned_on: string | null;
  closed_at: Timestamp | null;
  search_tokens: ColumnType<string | null, string | null | undefined, string | null>;
  /** The import of past years that brought it in; null for one entered here. */
  import_job_id: ColumnType<number | null, number | null | undefined, never>;
  version: Generated<number>;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface SuggestionCosignerTable {
  suggestion_id: number;
  deputy_id: number;
  congress_id: number;
  status: Generated<'invited' | 'confirmed' | 'declined'>;
  responded_at: Timestamp | null;
}

export interface AttachmentTable {
  id: Generated<number>;
  congress_id: number;
  suggestion_id: number;
  file_name: string;
  mime_type: string;
  size_bytes: number;
  content: Buffer;
  uploaded_by: number;
  uploaded_at: DefaultedTimestamp;
}

export type AssignmentRole = 'sole' | 'lead' | 'co' | 'separate';

export interface PreAssignmentTable {
  suggestion_id: number;
  unit_id: number;
  congress_id: number;
  role: AssignmentRole;
  created_at: DefaultedTimestamp;
}

export interface AssignmentTable {
  id: Generated<number>;
  congress_id: number;
  suggestion_id: number;
  unit_id: number;
  role: AssignmentRole;
  /** A unit's part's states (assignment.workflow.ts; CHECK constraint in the database). */
  state: AssignmentState;
  assigned_on: string;
  reply_due: string;
  reply_due_latest: string;
  reply_due_rule: string;
  opinion_due: string | null;
  reassignment_window_until: string;
  /** The window this assignment got from the policy, counted from its own day; never shortened below. */
  reassignment_window_own: string;
  extended_due: string | null;
  rehandling_due: string | null;
  rehandling_round: Generated<number>;
  acknowledged_at: Timestamp | null;
  handler_name: string | null;
  handler_phone: string | null;
  handling_plan: string | null;
  planned_reply_on: string | null;
  replied_at: Timestamp | null;
  replied_on_time: boolean | null;
  opinion_sent_at: Timestamp | null;
  opinion_on_time: boolean | null;
  ended_at: Timestamp | null;
  end_reason: string | null;
  version: Generated<number>;
}

export interface ReassignmentRequestTable {
  id: Generated<number>;
  congress_id: number;
  suggestion_id: number;
  assignment_id: number | null;
  requested_by: number;
  requester_kind: 'unit' | 'deputy';
  reason: string;
  proposed_unit_ids: ColumnType<number[], number[] | undefined, number[]>;
  status: Generated<'pending' | 'accepted' | 'rejected'>;
  ruling_reason: string | null;
  ruled_by: number | null;
  ruled_at: Timestamp | null;
  created_at: DefaultedTimestamp;
}

export interface ContactRecordTable {
  id: Generated<number>;
  congress_id: number;
  suggestion_id: number;
  assignment_id: number;
  phase: 'before' | 'during' | 'after';
  kind: 'visit' | 'meeting' | 'phone' | 'video' | 'message';
  contacted_on: string;
  summary: string;
  recorded_by: number;
  recorded_at: DefaultedTimestamp;
}

export interface CoHandlingOpinionTable {
  id: Generated<number>;
  congress_id: number;
  suggestion_id: number;
  assignment_id: number;
  body: string;
  sent_by: number;
  sent_at: DefaultedTimestamp;
  on_time: boolean;
}

export interface ExtensionRequestTable {
  id: Generated<number>;
  congress_id: number;
  suggestion_id: number;
  assignment_id: number;
  requested_due: string;
  reason: string;
  status: Generated<'pending' | 'granted' | 'refused'>;
  ruling_reason: string | null;
  requested_by: number;
  ruled_by: number | null;
  ruled_at: Timestamp | null;
  created_at: DefaultedTimestamp;
}

export interface ReplyTable {
  id: Generated<number>;
  congress_id: number;
  suggestion_id: number;
  assignment_id: number;
  unit_id: number;
  round: Generated<number>;
  state: ReplyState;
  class_code: string;
  doc_number: Generated<string>;
  body: string;
  handler_name: Generated<string>;
  handler_phone: Generated<string>;
  consulted_units: Generated<string>;
  promise_done_text: Generated<string>;
  promise_planned_text: Generated<string>;
  promise_not_done_reason: Generated<string>;
  review_step: Generated<number>;
  signed_by: number | null;
  signed_at: Timestamp | null;
  sent_at: Timestamp | null;
  on_time: boolean | null;
  /** The deputy's feedback window ends on this day; fixed when the reply is sent. */
  feedback_due: string | null;
  /** The version of the congress's class table the reply was classed under. */
  class_table_version: Generated<string>;
  drafted_by: number;
  created_at: DefaultedTimestamp;
  version: Generated<number>;
}

export interface ReplyReviewTable {
  id: Generated<number>;
  reply_id: number;
  step: number;
  role: string;
  decision: 'submit' | 'approve' | 'sign' | 'return';
  comment: Generated<string>;
  reviewer_id: number;
  reviewed_at: DefaultedTimestamp;
}

export type RatingLevel = 'very_satisfied' | 'satisfied' | 'basically_satisfied' | 'unsatisfied';

export interface RatingTable {
  id: Generated<number>;
  congress_id: number;
  suggestion_id: number;
  reply_id: number;
  deputy_id: number;
  is_lead_deputy: boolean;
  attitude: RatingLevel;
  result: RatingLevel;
  comment: Generated<string>;
  rated_at: DefaultedTimestamp;
}

export interface PromiseTable {
  id: Generated<number>;
  congress_id: number;
  suggestion_id: number;
  unit_id: number;
  reply_id: number;
  class_code: string;
  done_text: Generated<string>;
  planned_text: Generated<string>;
  target_on: string;
  not_done_reason: Generated<string>;
  status: Generated<PromiseStatus>;
  fulfilled_at: Timestamp | null;
  fulfilled_by: number | null;
  fulfil_note: string | null;
  deputy_verdict: 'accepted' | 'disputed' | null;
  deputy_verdict_at: Timestamp | null;
  deputy_verdict_by: number | null;
  deputy_verdict_comment: Generated<string>;
  fulfilment_requested_at: Timestamp | null;
  verdict_due: string | null;
  fulfilled_how: 'deputy_accepted' | 'office_ruling' | null;
  focused: Generated<boolean>;
  focused_at: Timestamp | null;
  focused_by: number | null;
  focus_note: Generated<string>;
  version: Generated<number>;
  created_at: DefaultedTimestamp;
}

export interface PromiseProgressTable {
  id: Generated<number>;
  promise_id: number;
  reported_by: number;
  reported_at: DefaultedTimestamp;
  progress: string;
  deputy_satisfied: boolean | null;
  deputy_comment: Generated<string>;
  deputy_responded_at: Timestamp | null;
}
