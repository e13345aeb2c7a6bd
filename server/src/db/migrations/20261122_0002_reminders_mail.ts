import { sql, type Kysely } from 'kysely';

// Deadline reminders are sent once per assignment and day; notices may also go out by mail.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table app_user add column email text not null default '';

create table reminder_sent (
  assignment_id integer not null references assignment(id),
  day date not null,
  kind text not null check (kind in ('before','overdue')),
  primary key (assignment_id, day)
);

alter table outbox add column mail_attempts integer not null default 0;
alter table outbox add column mail_error text;
`,
    )
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
