import { sql, type Kysely } from 'kysely';

// Accounts for a congress that starts from nothing:
// - the roles the later modules need (platform/auth/role-table.ts), each with exactly the one
//   scope column it needs, and deputy groups as a scope (their leaders);
// - the installation's administrator: a flag on app_user, never a role of a congress;
// - a password an administrator set must be changed by its holder before anything else;
// - failed logins counted per account and per address in the database, so that every server
//   process sharing it sees the same lock;
// - sessions remember when they were last used (idle expiry);
// - a congress carries its administrative code (行政区划代码);
// - the office's audit log is read by person, action and date within one congress.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table role_grant add column deputy_group_id integer references deputy_group(id);
alter table role_grant drop constraint role_grant_role_check;
alter table role_grant add constraint role_grant_role_check check (role in (
  'deputy','liaison_office','government_office','unit_handler','unit_reviewer','unit_signer','committee','leader',
  'standing_member','group_leader','evaluator','township_presidium','party_reviewer','township_government','station_staff'));
alter table role_grant add constraint role_grant_scope_check check (
  (deputy_id is not null) = (role = 'deputy')
  and (unit_id is not null) = (role in ('unit_handler','unit_reviewer','unit_signer'))
  and (unit_system_id is not null) = (role = 'government_office')
  and (committee_id is not null) = (role = 'committee')
  and (deputy_group_id is not null) = (role = 'group_leader'));
alter table role_grant drop constraint role_grant_user_id_congress_id_role_deputy_id_unit_id_unit__key;
alter table role_grant add constraint role_grant_once unique nulls not distinct
  (user_id, congress_id, role, deputy_id, unit_id, unit_system_id, committee_id, deputy_group_id);
create index role_grant_congress_idx on role_grant(congress_id, user_id);

alter table app_user add column is_system_admin boolean not null default false;
alter table app_user add column must_change_password boolean not null default false;

alter table user_session add column last_seen_at timestamptz not null default now();

create table login_throttle (
  scope text not null check (scope in ('account','address')),
  key text not null,
  failures integer not null,
  window_started_at timestamptz not null,
  locked_until timestamptz,
  primary key (scope, key)
);

alter table congress add column admin_code text;
create unique index congress_admin_code_idx on congress(admin_code) where admin_code is not null;
create unique index congress_parent_name_idx on congress(coalesce(parent_id, 0), name);

create index audit_event_congress_actor_idx on audit_event(congress_id, actor_user_id, id);
create index audit_event_congress_action_idx on audit_event(congress_id, action, id);
create index audit_event_congress_at_idx on audit_event(congress_id, at);
`,
    )
    .execute(db);
}
