import { sql, type Kysely } from 'kysely';

// A congress administers itself (issue 8):
// - a deputy's private particulars (gender, ethnicity, phone, ID number), seen only by the
//   office; the end of a deputy's term or a resignation is a status with its date, never a
//   deletion, so their suggestions keep their lead deputy. One person who is a deputy of
//   several congresses is one app_user with a deputy row in each;
// - exactly one current session per congress;
// - what a suggestion refers to (delegations, groups, systems, units, committees,
//   categories) is retired, not deleted; a unit keeps its duties (职责) and, when a reform
//   (机构改革) merges or abolishes it, the unit that succeeds it, with a record of the reform;
// - the category tree (a category's parent);
// - the congress's dictionary of its own terms (place and unit names);
// - whether a government office administers the units of its own system.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table deputy add column gender text not null default '' check (gender in ('','male','female'));
alter table deputy add column ethnicity text not null default '';
alter table deputy add column phone text not null default '';
alter table deputy add column id_number text not null default '';
alter table deputy add column status text not null default 'serving'
  check (status in ('serving','term_ended','resigned','removed'));
alter table deputy add column status_on date;
create unique index deputy_id_number_uniq on deputy(congress_id, term_id, id_number) where id_number <> '';

create unique index congress_session_one_current on congress_session(congress_id) where is_current;

alter table delegation add column retired_at timestamptz;
alter table deputy_group add column retired_at timestamptz;
alter table committee add column retired_at timestamptz;
alter table unit_system add column retired_at timestamptz;

alter table handling_unit add column duties text not null default '';
alter table handling_unit add column retired_at timestamptz;
alter table handling_unit add column retired_kind text check (retired_kind in ('retired','merged','abolished'));
alter table handling_unit add column successor_unit_id integer references handling_unit(id);

alter table suggestion_category add column parent_code text;
alter table suggestion_category add column retired_at timestamptz;
alter table suggestion_category add constraint suggestion_category_parent_fk
  foreign key (congress_id, parent_code) references suggestion_category(congress_id, code);

create table unit_reform (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  unit_id integer not null references handling_unit(id),
  successor_unit_id integer references handling_unit(id),
  kind text not null check (kind in ('merged','abolished')),
  effective_on date not null,
  note text not null default '',
  assignments_moved integer not null default 0,
  promises_moved integer not null default 0,
  created_by integer not null references app_user(id),
  created_at timestamptz not null default now(),
  unique (unit_id)
);
create index unit_reform_congress_idx on unit_reform(congress_id, created_at);

create table dictionary_entry (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  kind text not null check (kind in ('place','unit','other')),
  term text not null,
  note text not null default '',
  created_at timestamptz not null default now(),
  unique (congress_id, kind, term)
);

create table administration_setting (
  congress_id integer primary key references congress(id),
  government_office_administers_units boolean not null default false,
  updated_at timestamptz not null default now(),
  updated_by integer references app_user(id)
);
`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
