import type { ColumnType, Generated, Selectable } from 'kysely';

// The typed database boundary: one interface per table, kept in step with migrations/.
// Dates (`date` columns) travel as 'YYYY-MM-DD' strings; timestamps as Date objects.

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface CongressTable {
  id: Generated<number>;
  parent_id: number | null;
  level: 'national' | 'province' | 'city' | 'county' | 'township';
  name: string;
  short_name: string;
  doc_prefix: Generated<string>;
  created_at: DefaultedTimestamp;
}

export interface TermTable {
  id: Generated<number>;
  congress_id: number;
  ordinal: number;
  starts_on: string;
  ends_on: string | null;
}

export interface CongressSessionTable {
  id: Generated<number>;
  congress_id: number;
  term_id: number;
  ordinal: number;
  opens_on: string;
  closes_on: string;
  submission_closes_at: Timestamp;
  reassignment_window_until: string | null;
  is_current: Generated<boolean>;
}

export interface NamedTable {
  id: Generated<number>;
  congress_id: number;
  name: string;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  display_name: string;
  phone: Generated<string>;
  email: Generated<string>;
  is_active: Generated<boolean>;
  created_at: DefaultedTimestamp;
  password_changed_at: Timestamp | null;
}

export interface DeputyTable {
  id: Generated<number>;
  congress_id: number;
  term_id: number;
  user_id: number | null;
  name: string;
  name_pinyin: Generated<string>;
  delegation_id: number | null;
  deputy_group_id: number | null;
  occupation: Generated<string>;
}

export interface UnitSystemTable {
  id: Generated<number>;
  congress_id: number;
  name: string;
  is_government: Generated<boolean>;
}

export interface HandlingUnitTable {
  id: Generated<number>;
  congress_id: number;
  unit_system_id: number;
  name: string;
  short_name: string;
  doc_prefix: Generated<string>;
  review_chain: ColumnType<string[], string[] | undefined, string[]>;
}

export interface SuggestionCategoryTable {
  congress_id: number;
  code: string;
  name: string;
  committee_id: number | null;
}

export type RoleName =
  | 'deputy'
  | 'liaison_office'
  | 'government_office'
  | 'unit_handler'
  | 'unit_reviewer'
  | 'unit_signer'
  | 'committee'
  | 'leader';

export interface RoleGrantTable {
  id: Generated<number>;
  user_id: number;
  congress_id: number;
  role: RoleName;
  deputy_id: number | null;
  unit_id: number | null;
  unit_system_id: number | null;
  committee_id: number | null;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  role_grant_id: number | null;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
}

export interface CongressPolicyTable {
  congress_id: number;
  settings: Json<unknown>;
  version: Generated<number>;
  updated_at: DefaultedTimestamp;
  updated_by: number | null;
}

export interface CalendarDayTable {
  congress_id: number;
  day: string;
  kind: 'holiday' | 'workday';
  name: Generated<string>;
}

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
  status: string;
  mode: 'sole' | 'lead_co' | 'separate' | null;
  class_id: number | null;
  is_key: Generated<boolean>;
  review_comment: string | null;
  decline_reason: string | null;
  close_kind: 'rated' | 'no_feedback' | 'office' | null;
  close_reason: string | null;
  rehandling_round: Generated<number>;
  submitted_at: Timestamp | null;
  registered_at: Timestamp | null;
  assigned_on: string | null;
  closed_at: Timestamp | null;
  search_tokens: ColumnType<string | null, string | null | undefined, string | null>;
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
  state: string;
  assigned_on: string;
  reply_due: string;
  reply_due_latest: string;
  reply_due_rule: string;
  opinion_due: string | null;
  reassignment_window_until: string;
  extended_due: string | null;
  rehandling_due: string | null;
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
  state: 'draft' | 'in_review' | 'sent';
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
  status: Generated<'open' | 'fulfilled'>;
  fulfilled_at: Timestamp | null;
  fulfilled_by: number | null;
  fulfil_note: string | null;
  version: Generated<number>;
  created_at: DefaultedTimestamp;
}

export interface PromiseProgressTable {
  id: Generated<number>;
  promise_id: number;
  reported_by: number;
  reported_at: DefaultedTimestamp;
  progress: string;
}

export interface AuditEventTable {
  id: Generated<number>;
  congress_id: number | null;
  actor_user_id: number | null;
  actor_role: string | null;
  at: DefaultedTimestamp;
  action: string;
  entity_type: string;
  entity_id: number | null;
  suggestion_id: number | null;
  before_state: Json<unknown> | null;
  after_state: Json<unknown> | null;
}

export interface OutboxTable {
  id: Generated<number>;
  congress_id: number | null;
  recipient_user_id: number;
  kind: string;
  title: string;
  body: Generated<string>;
  suggestion_id: number | null;
  created_at: DefaultedTimestamp;
  read_at: Timestamp | null;
  delivered_at: Timestamp | null;
  mail_attempts: Generated<number>;
  mail_error: string | null;
}

export interface ReminderSentTable {
  assignment_id: number;
  day: string;
  kind: 'before' | 'overdue';
}

export interface Database {
  congress: CongressTable;
  term: TermTable;
  congress_session: CongressSessionTable;
  delegation: NamedTable;
  deputy_group: NamedTable;
  app_user: AppUserTable;
  deputy: DeputyTable;
  unit_system: UnitSystemTable;
  handling_unit: HandlingUnitTable;
  committee: NamedTable;
  suggestion_category: SuggestionCategoryTable;
  role_grant: RoleGrantTable;
  user_session: UserSessionTable;
  congress_policy: CongressPolicyTable;
  calendar_day: CalendarDayTable;
  suggestion_class: SuggestionClassTable;
  suggestion: SuggestionTable;
  suggestion_cosigner: SuggestionCosignerTable;
  attachment: AttachmentTable;
  pre_assignment: PreAssignmentTable;
  assignment: AssignmentTable;
  reassignment_request: ReassignmentRequestTable;
  contact_record: ContactRecordTable;
  co_handling_opinion: CoHandlingOpinionTable;
  extension_request: ExtensionRequestTable;
  reply: ReplyTable;
  reply_review: ReplyReviewTable;
  rating: RatingTable;
  promise: PromiseTable;
  promise_progress: PromiseProgressTable;
  audit_event: AuditEventTable;
  outbox: OutboxTable;
  reminder_sent: ReminderSentTable;
}

export type SuggestionRow = Selectable<SuggestionTable>;
export type AssignmentRow = Selectable<AssignmentTable>;
export type ReplyRow = Selectable<ReplyTable>;
