import { sql, type Kysely } from 'kysely';

// Excel import of a congress's lists and past years (issue 8):
// - an import job per uploaded file, with its progress, its problems and its result, which
//   the web app polls;
// - the file's rows staged as they are read, in small transactions, so a 20,000-row file
//   never holds the database for long; they are published in one short transaction;
// - the rows an import created remember it (import_job_id), so figures and lists can tell
//   history brought from Excel from what was handled in Lianxin;
// - the unit-list triggers can be skipped for the rows of one transaction: a publish bumps
//   each touched unit's counter once, instead of once per inserted row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table import_job (
  id integer generated always as identity primary key,
  congress_id integer not null references congress(id),
  kind text not null check (kind in ('deputies','units','suggestions')),
  state text not null check (state in ('reading','checking','checked','publishing','done','failed')),
  file_name text not null,
  total_rows integer not null default 0,
  done_rows integer not null default 0,
  progress integer not null default 0 check (progress between 0 and 100),
  problem_count integer not null default 0,
  problems jsonb not null default '[]',
  result jsonb,
  error text,
  initial_password_hash text,
  created_by integer not null references app_user(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  finished_at timestamptz
);
create index import_job_congress_idx on import_job(congress_id, id);

create table import_row (
  job_id integer not null references import_job(id) on delete cascade,
  sheet text not null,
  row_no integer not null,
  cells jsonb not null,
  primary key (job_id, sheet, row_no)
);

alter table suggestion add column import_job_id integer references import_job(id);
alter table deputy add column import_job_id integer references import_job(id);
alter table handling_unit add column import_job_id integer references import_job(id);
create index suggestion_import_job_idx on suggestion(import_job_id) where import_job_id is not null;

drop trigger rating_unit_list_stamp on rating;
create trigger rating_unit_list_stamp after insert or update or delete on rating
  for each row when (current_setting('lianxin.bulk_publish', true) is distinct from 'on')
  execute function suggestion_record_touches_units();
drop trigger reply_unit_list_stamp on reply;
create trigger reply_unit_list_stamp after insert or update or delete on reply
  for each row when (current_setting('lianxin.bulk_publish', true) is distinct from 'on')
  execute function suggestion_record_touches_units();
drop trigger assignment_unit_list_stamp on assignment;
create trigger assignment_unit_list_stamp after insert or update or delete on assignment
  for each row when (current_setting('lianxin.bulk_publish', true) is distinct from 'on')
  execute function part_touches_units();
`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
