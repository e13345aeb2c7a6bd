import { sql, type Kysely } from 'kysely';

// The rollup every figure reads (modules/figures/figures.facts.ts): each registered
// suggestion's cohort columns, and each part's counted state on every day its suggestion
// changed, so that a figure of any day reads a version per part without going back to the
// replies and ratings of ten years. A write only marks the suggestions it touched as stale, in its own
// transaction (one insert per statement); the next reader of figures counts the marked
// suggestions' facts again before it counts (figures.refresh.ts). The marking is a trigger
// so that no write path — commands, fast paths, imports, seeds — can forget it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
-- A suggestion's cohort columns and its counted state (the figures' suggestion facts) from
-- one day (valid_from) until the next day it changed (valid_until; null for the state now).
create table figure_suggestion_version (
  suggestion_id integer not null references suggestion(id) on delete cascade,
  valid_from date not null,
  valid_until date,
  congress_id integer not null,
  session_id integer not null,
  period text not null check (period in ('in_session','between_sessions')),
  registered_on date not null,
  continued boolean not null,
  category_code text not null,
  delegation_id integer,
  is_key boolean not null,
  disclosed boolean not null,
  replied boolean not null,
  rehandling boolean not null,
  unsatisfied_given boolean not null,
  att_rank integer,
  res_rank integer,
  primary key (suggestion_id, valid_from),
  check (valid_until is null or valid_until > valid_from)
);
-- A day's versions are those valid until after it (or still open), found by valid_until.
create index figure_suggestion_version_session_idx on figure_suggestion_version(session_id, valid_until);

-- A part's counted state from one day (valid_from) until the next day its suggestion
-- changed (valid_until; null for the state in force now).
create table figure_part_version (
  assignment_id integer not null references assignment(id) on delete cascade,
  valid_from date not null,
  valid_until date,
  suggestion_id integer not null references suggestion(id) on delete cascade,
  congress_id integer not null,
  session_id integer not null,
  unit_id integer not null,
  role text not null check (role in ('sole','lead','co','separate')),
  continued boolean not null,
  opinion_sent boolean not null,
  opinion_on_time boolean not null,
  reply_id integer,
  class_code text,
  first_on_time boolean,
  rehandling boolean not null,
  att_rank integer,
  res_rank integer,
  unsatisfied_given boolean not null,
  primary key (assignment_id, valid_from),
  check (valid_until is null or valid_until > valid_from)
);
create index figure_part_version_suggestion_idx on figure_part_version(suggestion_id);
create index figure_part_version_session_idx on figure_part_version(session_id, valid_until);
create index figure_part_version_unit_idx on figure_part_version(unit_id, session_id, valid_until);

-- The same by the parts of one system (a government office's figures, the system filter).
create table figure_system_version (
  suggestion_id integer not null references suggestion(id) on delete cascade,
  unit_system_id integer not null,
  valid_from date not null,
  valid_until date,
  congress_id integer not null,
  session_id integer not null,
  period text not null check (period in ('in_session','between_sessions')),
  continued boolean not null,
  replied boolean not null,
  rehandling boolean not null,
  unsatisfied_given boolean not null,
  att_rank integer,
  res_rank integer,
  primary key (suggestion_id, unit_system_id, valid_from),
  check (valid_until is null or valid_until > valid_from)
);
create index figure_system_version_session_idx on figure_system_version(unit_system_id, session_id, valid_until);

-- A log, not a set: a mark written by a transaction still open must survive a reader that
-- clears the older marks of the same suggestion meanwhile.
create table figure_stale (
  id bigint generated always as identity primary key,
  suggestion_id integer not null
);

create function figure_mark_changed() returns trigger language plpgsql as $$
begin
  insert into figure_stale(suggestion_id)
    select distinct suggestion_id from changed order by 1;
  return null;
end $$;

create function figure_mark_sent() returns trigger language plpgsql as $$
begin
  insert into figure_stale(suggestion_id)
    select distinct suggestion_id from changed where state = 'sent' order by 1;
  return null;
end $$;

create function figure_mark_registered() returns trigger language plpgsql as $$
begin
  insert into figure_stale(suggestion_id)
    select id from changed where number is not null order by 1;
  return null;
end $$;

create function figure_mark_suggestion() returns trigger language plpgsql as $$
begin
  insert into figure_stale(suggestion_id) values (new.id);
  return null;
end $$;

-- A unit moved to another system takes its parts' figures with it.
create function figure_mark_unit_moved() returns trigger language plpgsql as $$
begin
  insert into figure_stale(suggestion_id)
    select distinct a.suggestion_id from assignment a
    join moved_to n on n.id = a.unit_id join moved_from o on o.id = n.id
    where n.unit_system_id is distinct from o.unit_system_id
    order by 1;
  return null;
end $$;
create trigger handling_unit_figures_update after update on handling_unit
  referencing old table as moved_from new table as moved_to for each statement
  execute function figure_mark_unit_moved();

create trigger assignment_figures_insert after insert on assignment
  referencing new table as changed for each statement execute function figure_mark_changed();
create trigger assignment_figures_update after update on assignment
  referencing new table as changed for each statement execute function figure_mark_changed();
create trigger assignment_figures_delete after delete on assignment
  referencing old table as changed for each statement execute function figure_mark_changed();
create trigger reply_figures_insert after insert on reply
  referencing new table as changed for each statement execute function figure_mark_sent();
create trigger reply_figures_update after update on reply
  referencing new table as changed for each statement execute function figure_mark_sent();
create trigger reply_figures_delete after delete on reply
  referencing old table as changed for each statement execute function figure_mark_sent();
create trigger rating_figures_insert after insert on rating
  referencing new table as changed for each statement execute function figure_mark_changed();
create trigger rating_figures_update after update on rating
  referencing new table as changed for each statement execute function figure_mark_changed();
create trigger rating_figures_delete after delete on rating
  referencing old table as changed for each statement execute function figure_mark_changed();
create trigger suggestion_figures_insert after insert on suggestion
  referencing new table as changed for each statement execute function figure_mark_registered();
-- Updates of a suggestion are one row at a time and mostly of columns no figure reads (its
-- text, its search words, its version): only those that change a counted column mark it.
create trigger suggestion_figures_update after update on suggestion
  for each row when (new.number is not null and (
    old.number is distinct from new.number or old.registered_at is distinct from new.registered_at
    or old.submitted_at is distinct from new.submitted_at or old.session_id is distinct from new.session_id
    or old.period is distinct from new.period or old.close_kind is distinct from new.close_kind
    or old.closed_at is distinct from new.closed_at or old.category_code is distinct from new.category_code
    or old.delegation_id is distinct from new.delegation_id or old.is_key is distinct from new.is_key
    or old.disclosure is distinct from new.disclosure or old.may_disclose is distinct from new.may_disclose
    or old.continues_suggestion_id is distinct from new.continues_suggestion_id))
  execute function figure_mark_suggestion();

-- An import's publish on PGlite runs as a replica (no foreign-key triggers): these still fire.
alter table assignment enable always trigger assignment_figures_insert;
alter table assignment enable always trigger assignment_figures_update;
alter table assignment enable always trigger assignment_figures_delete;
alter table reply enable always trigger reply_figures_insert;
alter table reply enable always trigger reply_figures_update;
alter table reply enable always trigger reply_figures_delete;
alter table rating enable always trigger rating_figures_insert;
alter table rating enable always trigger rating_figures_update;
alter table rating enable always trigger rating_figures_delete;
alter table suggestion enable always trigger suggestion_figures_insert;
alter table suggestion enable always trigger suggestion_figures_update;
alter table handling_unit enable always trigger handling_unit_figures_update;

-- Every registered suggestion there is now is counted by the first reader.
insert into figure_stale(suggestion_id) select id from suggestion where number is not null;
`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
