import { sql, type Kysely } from 'kysely';

// Official documents (公文, GB/T 9704):
// - a number series per issuer, series and year, taken with one upsert so that two letters
//   signed at the same moment never share a number; the units' reply series start after the
//   highest number already issued;
// - the urging notices (催办函) the office sends for overdue parts;
// - each unit's and office's own letterhead template.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
create table document_series (
  issuer_kind text not null check (issuer_kind in ('unit','congress')),
  issuer_id integer not null,
  series text not null check (series in ('reply','urging')),
  year integer not null check (year between 1949 and 9999),
  last_number integer not null check (last_number >= 0),
  primary key (issuer_kind, issuer_id, series, year)
);

insert into document_series (issuer_kind, issuer_id, series, year, last_number)
select 'unit', unit_id, 'reply', substring(doc_number from '〔([0-9]{4})〕')::int,
       max(substring(doc_number from '〔[0-9]{4}〕([0-9]+)号$')::int)
from reply
where state = 'sent' and doc_number ~ '〔[0-9]{4}〕[0-9]+号$'
group by unit_id, substring(doc_number from '〔([0-9]{4})〕');

create table urging_notice (
  id serial primary key,
  congress_id integer not null references congress(id),
  suggestion_id integer not null references suggestion(id),
  assignment_id integer not null references assignment(id),
  unit_id integer not null references handling_unit(id),
  doc_number text not null unique,
  due_on date not null,
  overdue_days integer not null check (overdue_days > 0),
  rehandling boolean not null,
  contact_name text not null,
  contact_phone text not null,
  issued_by integer not null references app_user(id),
  issued_at timestamptz not null default now()
);
create index urging_notice_assignment_idx on urging_notice (assignment_id);
create index urging_notice_suggestion_idx on urging_notice (suggestion_id);

create table letterhead (
  id serial primary key,
  congress_id integer not null references congress(id),
  owner_kind text not null check (owner_kind in ('unit','congress')),
  owner_id integer not null,
  file_name text not null,
  content bytea not null,
  size_bytes integer not null check (size_bytes > 0),
  uploaded_by integer not null references app_user(id),
  uploaded_at timestamptz not null default now(),
  unique (owner_kind, owner_id)
);
`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql.raw('drop table letterhead; drop table urging_notice; drop table document_series;').execute(db);
}
