import { sql, type Kysely } from 'kysely';

// The core schema: tenants, people, units, suggestions and their handling records,
// audit and outbox. Every row that belongs to a congress carries congress_id and every
// unique key includes it, so tenants stay apart.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table congress (
  id integer generated always as identity primary key,
  parent_id integer references congress(id),
  level text not null check (level in ('national','province','city','county','township')),
  name text not null,
  short_name text not null,
  doc_prefix text not null default '',
  created_at timestamptz not null default now()
);
create index congress_parent_idx on congress(parent_id);

create table term (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  ordinal integer not null,
  starts_on date not null,
  ends_on date,
  unique (congress_id, ordinal)
);

create table congress_session (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  term_id integer not null references term(id),
  ordinal integer not null,
  opens_on date not null,
  closes_on date not null,
  submission_closes_at timestamptz not null,
  reassignment_window_until date,
  is_current boolean not null default false,
  unique (congress_id, term_id, ordinal)
);

create table delegation (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  name text not null,
  unique (congress_id, name)
);

create table deputy_group (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  name text not null,
  unique (congress_id, name)
);

create table app_user (
  id integer generated always as identity primary key,
  username text not null unique,
  password_hash text not null,
  display_name text not null,
  phone text not null default '',
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  password_changed_at timestamptz
);

create table deputy (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  term_id integer not null references term(id),
  user_id integer references app_user(id),
  name text not null,
  name_pinyin text not null default '',
  delegation_id integer references delegation(id),
  deputy_group_id integer references deputy_group(id),
  occupation text not null default '',
  unique (congress_id, term_id, user_id)
);
create index deputy_user_idx on deputy(user_id);

create table unit_system (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  name text not null,
  is_government boolean not null default false,
  unique (congress_id, name)
);

create table handling_unit (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  unit_system_id integer not null references unit_system(id),
  name text not null,
  short_name text not null,
  doc_prefix text not null default '',
  review_chain text[] not null default array['unit_signer'],
  unique (congress_id, name)
);

create table committee (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  name text not null,
  unique (congress_id, name)
);

create table suggestion_category (
  congress_id integer not null references congress(id),
  code text not null,
  name text not null,
  committee_id integer references committee(id),
  primary key (congress_id, code)
);

create table role_grant (
  id integer generated always as identity primary key,
  user_id integer not null references app_user(id),
  congress_id integer not null references congress(id),
  role text not null check (role in ('deputy','liaison_office','government_office','unit_handler','unit_reviewer','unit_signer','committee','leader')),
  deputy_id integer references deputy(id),
  unit_id integer references handling_unit(id),
  unit_system_id integer references unit_system(id),
  committee_id integer references committee(id),
  unique (user_id, congress_id, role, deputy_id, unit_id, unit_system_id, committee_id)
);
create index role_grant_user_idx on role_grant(user_id);

create table user_session (
  token_hash text primary key,
  user_id integer not null references app_user(id),
  csrf_token text not null,
  role_grant_id integer references role_grant(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index user_session_user_idx on user_session(user_id);

create table congress_policy (
  congress_id integer primary key references congress(id),
  settings jsonb not null,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by integer references app_user(id)
);

create table calendar_day (
  congress_id integer not null references congress(id),
  day date not null,
  kind text not null check (kind in ('holiday','workday')),
  name text not null default '',
  primary key (congress_id, day)
);

create table suggestion_class (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  session_id integer not null references congress_session(id),
  name text not null,
  created_at timestamptz not null default now(),
  unique (congress_id, session_id, name)
);

create table suggestion (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  session_id integer not null references congress_session(id),
  period text not null check (period in ('in_session','between_sessions')),
  number integer,
  title text not null,
  body text not null,
  category_code text not null,
  lead_deputy_id integer not null references deputy(id),
  delegation_id integer references delegation(id),
  deputy_group_id integer references deputy_group(id),
  may_disclose boolean not null default true,
  disclosure text not null default 'undecided' check (disclosure in ('undecided','published','withheld')),
  published_at timestamptz,
  status text not null,
  mode text check (mode in ('sole','lead_co','separate')),
  class_id integer references suggestion_class(id),
  is_key boolean not null default false,
  review_comment text,
  decline_reason text,
  close_kind text check (close_kind in ('rated','no_feedback','office')),
  close_reason text,
  rehandling_round integer not null default 0,
  submitted_at timestamptz,
  registered_at timestamptz,
  assigned_on date,
  closed_at timestamptz,
  search_tokens tsvector,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (congress_id, session_id, period, number)
);
create index suggestion_congress_status_idx on suggestion(congress_id, status, id);
create index suggestion_session_idx on suggestion(session_id, period, number);
create index suggestion_lead_deputy_idx on suggestion(lead_deputy_id, id);
create index suggestion_search_idx on suggestion using gin(search_tokens);
create index suggestion_class_idx on suggestion(class_id);

create table suggestion_cosigner (
  suggestion_id integer not null references suggestion(id),
  deputy_id integer not null references deputy(id),
  congress_id integer not null references congress(id),
  status text not null default 'invited' check (status in ('invited','confirmed','declined')),
  responded_at timestamptz,
  primary key (suggestion_id, deputy_id)
);
create index suggestion_cosigner_deputy_idx on suggestion_cosigner(deputy_id);

create table attachment (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  suggestion_id integer not null references suggestion(id),
  file_name text not null,
  mime_type text not null,
  size_bytes integer not null,
  content bytea not null,
  uploaded_by integer not null references app_user(id),
  uploaded_at timestamptz not null default now()
);
create index attachment_suggestion_idx on attachment(suggestion_id);

create table pre_assignment (
  suggestion_id integer not null references suggestion(id),
  unit_id integer not null references handling_unit(id),
  congress_id integer not null references congress(id),
  role text not null check (role in ('sole','lead','co','separate')),
  created_at timestamptz not null default now(),
  primary key (suggestion_id, unit_id)
);
create index pre_assignment_unit_idx on pre_assignment(unit_id);

create table assignment (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  suggestion_id integer not null references suggestion(id),
  unit_id integer not null references handling_unit(id),
  role text not null check (role in ('sole','lead','co','separate')),
  state text not null,
  assigned_on date not null,
  reply_due date not null,
  reply_due_latest date not null,
  reply_due_rule text not null,
  opinion_due date,
  reassignment_window_until date not null,
  extended_due date,
  rehandling_due date,
  acknowledged_at timestamptz,
  handler_name text,
  handler_phone text,
  handling_plan text,
  planned_reply_on date,
  replied_at timestamptz,
  replied_on_time boolean,
  opinion_sent_at timestamptz,
  opinion_on_time boolean,
  ended_at timestamptz,
  end_reason text,
  version integer not null default 1
);
create index assignment_unit_state_idx on assignment(unit_id, state, suggestion_id);
create index assignment_suggestion_idx on assignment(suggestion_id);

create table reassignment_request (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  suggestion_id integer not null references suggestion(id),
  assignment_id integer references assignment(id),
  requested_by integer not null references app_user(id),
  requester_kind text not null check (requester_kind in ('unit','deputy')),
  reason text not null,
  proposed_unit_ids integer[] not null default '{}',
  status text not null default 'pending' check (status in ('pending','accepted','rejected')),
  ruling_reason text,
  ruled_by integer references app_user(id),
  ruled_at timestamptz,
  created_at timestamptz not null default now()
);
create index reassignment_request_suggestion_idx on reassignment_request(suggestion_id);
create index reassignment_request_status_idx on reassignment_request(congress_id, status);

create table contact_record (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  suggestion_id integer not null references suggestion(id),
  assignment_id integer not null references assignment(id),
  phase text not null check (phase in ('before','during','after')),
  kind text not null check (kind in ('visit','meeting','phone','video','message')),
  contacted_on date not null,
  summary text not null,
  recorded_by integer not null references app_user(id),
  recorded_at timestamptz not null default now()
);
create index contact_record_suggestion_idx on contact_record(suggestion_id);

create table co_handling_opinion (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  suggestion_id integer not null references suggestion(id),
  assignment_id integer not null references assignment(id),
  body text not null,
  sent_by integer not null references app_user(id),
  sent_at timestamptz not null default now(),
  on_time boolean not null
);
create index co_handling_opinion_suggestion_idx on co_handling_opinion(suggestion_id);

create table extension_request (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  suggestion_id integer not null references suggestion(id),
  assignment_id integer not null references assignment(id),
  requested_due date not null,
  reason text not null,
  status text not null default 'pending' check (status in ('pending','granted','refused')),
  ruling_reason text,
  requested_by integer not null references app_user(id),
  ruled_by integer references app_user(id),
  ruled_at timestamptz,
  created_at timestamptz not null default now()
);
create index extension_request_status_idx on extension_request(congress_id, status);

create table reply (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  suggestion_id integer not null references suggestion(id),
  assignment_id integer not null references assignment(id),
  unit_id integer not null references handling_unit(id),
  round integer not null default 0,
  state text not null check (state in ('draft','in_review','sent')),
  class_code text not null,
  doc_number text not null default '',
  body text not null,
  handler_name text not null default '',
  handler_phone text not null default '',
  consulted_units text not null default '',
  promise_done_text text not null default '',
  promise_planned_text text not null default '',
  promise_not_done_reason text not null default '',
  review_step integer not null default 0,
  signed_by integer references app_user(id),
  signed_at timestamptz,
  sent_at timestamptz,
  on_time boolean,
  drafted_by integer not null references app_user(id),
  created_at timestamptz not null default now(),
  version integer not null default 1
);
create index reply_suggestion_idx on reply(suggestion_id);
create index reply_assignment_idx on reply(assignment_id);

create table reply_review (
  id integer generated always as identity primary key,
  reply_id integer not null references reply(id),
  step integer not null,
  role text not null,
  decision text not null check (decision in ('submit','approve','sign','return')),
  comment text not null default '',
  reviewer_id integer not null references app_user(id),
  reviewed_at timestamptz not null default now()
);
create index reply_review_reply_idx on reply_review(reply_id);

create table rating (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  suggestion_id integer not null references suggestion(id),
  reply_id integer not null references reply(id),
  deputy_id integer not null references deputy(id),
  is_lead_deputy boolean not null,
  attitude text not null check (attitude in ('very_satisfied','satisfied','basically_satisfied','unsatisfied')),
  result text not null check (result in ('very_satisfied','satisfied','basically_satisfied','unsatisfied')),
  comment text not null default '',
  rated_at timestamptz not null default now(),
  unique (reply_id, deputy_id)
);
create index rating_suggestion_idx on rating(suggestion_id);

create table promise (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  suggestion_id integer not null references suggestion(id),
  unit_id integer not null references handling_unit(id),
  reply_id integer not null references reply(id),
  class_code text not null,
  done_text text not null default '',
  planned_text text not null default '',
  target_on date not null,
  not_done_reason text not null default '',
  status text not null default 'open' check (status in ('open','fulfilled')),
  fulfilled_at timestamptz,
  fulfilled_by integer references app_user(id),
  fulfil_note text,
  version integer not null default 1,
  created_at timestamptz not null default now()
);
create index promise_unit_idx on promise(unit_id, status);
create index promise_congress_idx on promise(congress_id, status);

create table promise_progress (
  id integer generated always as identity primary key,
  promise_id integer not null references promise(id),
  reported_by integer not null references app_user(id),
  reported_at timestamptz not null default now(),
  progress text not null
);

create table audit_event (
  id bigint generated always as identity primary key,
  congress_id integer references congress(id),
  actor_user_id integer references app_user(id),
  actor_role text,
  at timestamptz not null default now(),
  action text not null,
  entity_type text not null,
  entity_id integer,
  suggestion_id integer,
  before_state jsonb,
  after_state jsonb
);
create index audit_event_suggestion_idx on audit_event(suggestion_id, id);
create index audit_event_congress_idx on audit_event(congress_id, id);

create table outbox (
  id bigint generated always as identity primary key,
  congress_id integer references congress(id),
  recipient_user_id integer not null references app_user(id),
  kind text not null,
  title text not null,
  body text not null default '',
  suggestion_id integer,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  delivered_at timestamptz
);
create index outbox_recipient_idx on outbox(recipient_user_id, id);
create index outbox_undelivered_idx on outbox(id) where delivered_at is null;
`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
