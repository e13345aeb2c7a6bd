import type { ColumnType, Generated, Selectable } from 'kysely';
import type {
  SuggestionClassTable,
  SuggestionTable,
  SuggestionCosignerTable,
  AttachmentTable,
  PreAssignmentTable,
  AssignmentTable,
  ReassignmentRequestTable,
  ContactRecordTable,
  CoHandlingOpinionTable,
  ExtensionRequestTable,
  ReplyTable,
  ReplyReviewTable,
  RatingTable,
  PromiseTable,
  PromiseProgressTable,
} from './schema.handling.js';
import type { ImportJobTable, ImportRowTable } from './schema.import.js';
import type { DocumentSeriesTable, LetterheadTable, UrgingNoticeTable } from './schema.documents.js';
import type { LoginThrottleTable } from './schema.accounts.js';
import type { RoleName } from '../platform/auth/role-table.js';
import type {
  AdministrationSettingTable,
  CategoryAdministrationColumns,
  DeputyAdministrationColumns,
  DictionaryEntryTable,
  HandlingUnitAdministrationColumns,
  RetiredColumn,
  UnitReformTable,
} from './schema.administration.js';

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
  admin_code: ColumnType<string | null, string | null | undefined, string | null>;
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

export interface NamedTable extends RetiredColumn {
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
  is_system_admin: Generated<boolean>;
  must_change_password: Generated<boolean>;
}

export interface DeputyTable extends DeputyAdministrationColumns {
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

export interface UnitSystemTable extends RetiredColumn {
  id: Generated<number>;
  congress_id: number;
  name: string;
  is_government: Generated<boolean>;
}

export interface HandlingUnitTable extends HandlingUnitAdministrationColumns {
  id: Generated<number>;
  congress_id: number;
  unit_system_id: number;
  name: string;
  short_name: string;
  doc_prefix: Generated<string>;
  review_chain: ColumnType<string[], string[] | undefined, string[]>;
}

/** Bumped by triggers whenever a unit's suggestion list may show something new. */
export interface UnitListStampTable {
  unit_id: number;
  stamp: number;
}

export interface SuggestionCategoryTable extends CategoryAdministrationColumns {
  congress_id: number;
  code: string;
  name: string;
  committee_id: number | null;
}

export type { RoleName } from '../platform/auth/role-table.js';

export interface RoleGrantTable {
  id: Generated<number>;
  user_id: number;
  congress_id: number;
  role: RoleName;
  deputy_id: number | null;
  unit_id: number | null;
  unit_system_id: number | null;
  committee_id: number | null;
  deputy_group_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  role_grant_id: number | null;
  created_at: DefaultedTimestamp;
  expires_at: Timestamp;
  last_seen_at: DefaultedTimestamp;
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

export interface DomainEventTable {
  id: Generated<number>;
  congress_id: number | null;
  type: string;
  payload: ColumnType<unknown, string, string>;
  occurred_at: DefaultedTimestamp;
  claimed_until: Timestamp | null;
  claimed_by: string | null;
  attempts: Generated<number>;
  last_error: string | null;
  processed_at: Timestamp | null;
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
  /** The due date announced, and for 'before' the mark (days before it) that was reached. */
  due: string | null;
  mark: number | null;
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
  domain_event: DomainEventTable;
  unit_list_stamp: UnitListStampTable;
  document_series: DocumentSeriesTable;
  urging_notice: UrgingNoticeTable;
  letterhead: LetterheadTable;
  unit_reform: UnitReformTable;
  dictionary_entry: DictionaryEntryTable;
  administration_setting: AdministrationSettingTable;
  login_throttle: LoginThrottleTable;
  import_job: ImportJobTable;
  import_row: ImportRowTable;
}

export type * from './schema.handling.js';
export type * from './schema.import.js';
export type * from './schema.documents.js';
export type * from './schema.accounts.js';
export type * from './schema.administration.js';

export type SuggestionRow = Selectable<SuggestionTable>;
export type AssignmentRow = Selectable<AssignmentTable>;
export type ReplyRow = Selectable<ReplyTable>;
export type PromiseRow = Selectable<PromiseTable>;
