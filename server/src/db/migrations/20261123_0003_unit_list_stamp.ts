import { sql, type Kysely } from 'kysely';

// A change counter per handling unit, bumped in the same transaction as anything that can
// change what the unit's suggestion list shows. A server may keep a unit's list pages and
// serve them again while the counter is unchanged: one indexed read instead of the list
// query. Triggers keep it true for every writer — commands, scheduled jobs, seeds, manual SQL.
//
// The counter is a row updated under lock until commit, so a reader that sees the new count
// also sees the change; a sequence or a timestamp could be read before an earlier writer commits.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
-- Each submission notifies the liaison office; its people are found by congress and role.
create index role_grant_congress_role_idx on role_grant(congress_id, role);

create table unit_list_stamp (
  unit_id integer primary key references handling_unit(id),
  stamp bigint not null default 1
);
insert into unit_list_stamp (unit_id) select id from handling_unit;

-- Rows are locked in unit order, so two writers on the same units queue rather than deadlock.
create function bump_unit_list_stamps(unit_ids integer[]) returns void language sql as $$
  insert into unit_list_stamp (unit_id)
  select distinct u from unnest(unit_ids) as u where u is not null order by u
  on conflict (unit_id) do update set stamp = unit_list_stamp.stamp + 1
$$;

-- Every unit that holds or held a part of the suggestion, or was told of it in advance.
create function units_of_suggestion(sid integer) returns integer[] language sql stable as $$
  select coalesce(array_agg(unit_id), '{}') from (
    select unit_id from assignment where suggestion_id = sid
    union select unit_id from pre_assignment where suggestion_id = sid
  ) units
$$;

-- Suggestions, ratings and replies: what the suggestion's units show changes.
create function suggestion_touches_units() returns trigger language plpgsql as $$
begin
  perform bump_unit_list_stamps(units_of_suggestion(new.id));
  return null;
end $$;
create function suggestion_record_touches_units() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform bump_unit_list_stamps(units_of_suggestion(old.suggestion_id));
  else
    perform bump_unit_list_stamps(units_of_suggestion(new.suggestion_id));
  end if;
  return null;
end $$;
-- Before registration no unit holds or awaits any part of a suggestion: drafting and
-- submitting, the busiest writes at the opening of a session, touch no unit's list.
create trigger suggestion_unit_list_stamp after update on suggestion
  for each row when (new.status not in ('draft','submitted','returned','declined'))
  execute function suggestion_touches_units();
create trigger rating_unit_list_stamp after insert or update or delete on rating
  for each row execute function suggestion_record_touches_units();
create trigger reply_unit_list_stamp after insert or update or delete on reply
  for each row execute function suggestion_record_touches_units();

-- A part's state shows in the lists of all units of the suggestion, and the unit it moved
-- from or to must see the suggestion appear or go.
create function part_touches_units() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform bump_unit_list_stamps(units_of_suggestion(old.suggestion_id) || old.unit_id);
  elsif tg_op = 'UPDATE' then
    perform bump_unit_list_stamps(units_of_suggestion(new.suggestion_id) || new.unit_id || old.unit_id);
  else
    perform bump_unit_list_stamps(units_of_suggestion(new.suggestion_id) || new.unit_id);
  end if;
  return null;
end $$;
create trigger assignment_unit_list_stamp after insert or update or delete on assignment
  for each row execute function part_touches_units();
create trigger pre_assignment_unit_list_stamp after insert or update or delete on pre_assignment
  for each row execute function part_touches_units();

-- Names of units, deputies, delegations and categories, and a unit's review chain, show in
-- every list: a rare edit to them renews every unit's pages.
create function directory_touches_all_units() returns trigger language plpgsql as $$
begin
  update unit_list_stamp set stamp = stamp + 1;
  return null;
end $$;
create trigger handling_unit_list_stamp after update on handling_unit
  for each statement execute function directory_touches_all_units();
create trigger deputy_list_stamp after update of name on deputy
  for each statement execute function directory_touches_all_units();
create trigger delegation_list_stamp after update on delegation
  for each statement execute function directory_touches_all_units();
create trigger suggestion_category_list_stamp after update on suggestion_category
  for each statement execute function directory_touches_all_units();

create function unit_gets_list_stamp() returns trigger language plpgsql as $$
begin
  insert into unit_list_stamp (unit_id) values (new.id);
  return null;
end $$;
create trigger handling_unit_new_list_stamp after insert on handling_unit
  for each row execute function unit_gets_list_stamp();
`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
