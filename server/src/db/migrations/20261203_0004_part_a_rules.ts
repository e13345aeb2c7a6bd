import { sql, type Kysely } from 'kysely';
import { searchDocument } from '../../text/segment.js';

// The office's rules of part A that the first schema left out:
// - re-handling rounds are counted per unit (分别办理: one unit's round is not another's);
// - each assignment keeps its own reassignment window, so a session-wide date can only add to it;
// - a reply stores its feedback deadline and the version of the class table it was classed under;
// - a promise records the deputy's verdict on the unit's reports, how it was fulfilled, and
//   whether the office picked it for focused supervision (回头看);
// - a suggestion re-assigned with a new session remembers the one it continues;
// - reminders remember which mark of which due date they announced, so a scanner that was
//   down sends one catch-up notice instead of none or one per missed day;
// - search words keep the common ones, so every suggestion is segmented again;
// - domain events (an outbox of side effects handled after the commit);
// - state columns accept only the states of the workflow tables.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
alter table assignment add column reassignment_window_own date;
update assignment set reassignment_window_own = reassignment_window_until;
alter table assignment alter column reassignment_window_own set not null;

alter table assignment add column rehandling_round integer not null default 0;
update assignment a set rehandling_round = s.rehandling_round from suggestion s where s.id = a.suggestion_id and a.role <> 'co';

alter table reply add column feedback_due date;
alter table reply add column class_table_version text not null default '';
update reply set feedback_due = ((sent_at at time zone 'Asia/Shanghai')::date + interval '1 month')::date where state = 'sent';

alter table promise drop constraint promise_status_check;
alter table promise add constraint promise_status_check check (status in ('open','fulfilled','superseded'));
alter table promise add column deputy_verdict text check (deputy_verdict in ('accepted','disputed'));
alter table promise add column deputy_verdict_at timestamptz;
alter table promise add column deputy_verdict_by integer references app_user(id);
alter table promise add column deputy_verdict_comment text not null default '';
alter table promise add column fulfilment_requested_at timestamptz;
alter table promise add column verdict_due date;
alter table promise add column fulfilled_how text check (fulfilled_how in ('deputy_accepted','office_ruling'));
alter table promise add column focused boolean not null default false;
alter table promise add column focused_at timestamptz;
alter table promise add column focused_by integer references app_user(id);
alter table promise add column focus_note text not null default '';
create index promise_suggestion_unit_idx on promise(suggestion_id, unit_id);

alter table promise_progress add column deputy_satisfied boolean;
alter table promise_progress add column deputy_comment text not null default '';
alter table promise_progress add column deputy_responded_at timestamptz;

alter table suggestion add column continues_suggestion_id integer references suggestion(id);
create index suggestion_continues_idx on suggestion(continues_suggestion_id) where continues_suggestion_id is not null;

alter table reminder_sent add column due date;
alter table reminder_sent add column mark integer;
create unique index reminder_sent_mark_idx on reminder_sent(assignment_id, due, mark) where mark is not null;

-- Domain events, written in the command's transaction and handled after the commit by a
-- worker in whichever server process claims them first (a lease; SKIP LOCKED).
create table domain_event (
  id bigint generated always as identity primary key,
  congress_id integer references congress(id),
  type text not null,
  payload jsonb not null,
  occurred_at timestamptz not null default now(),
  claimed_until timestamptz,
  claimed_by text,
  attempts integer not null default 0,
  last_error text,
  processed_at timestamptz
);
create index domain_event_pending_idx on domain_event(id) where processed_at is null;


alter table suggestion add constraint suggestion_status_check
  check (status in ('draft','submitted','returned','declined','registered','assigned','replied','rehandling','closed'));
alter table assignment add constraint assignment_state_check
  check (state in ('pending_ack','handling','replied','rehandling','opinion_sent','closed','ended'));
`,
    )
    .execute(db);
  await reindexSearchWords(db);
}

/** Search words now keep the common ones (加强, 推进 …): every suggestion is segmented again. */
async function reindexSearchWords(db: Kysely<unknown>): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await sql<{
      id: number;
      title: string;
      body: string;
    }>`select id, title, body from suggestion where id > ${after} order by id limit 500`.execute(db);
    if (rows.rows.length === 0) return;
    for (const r of rows.rows) {
      await sql`update suggestion set search_tokens = to_tsvector('simple', ${searchDocument(r.title, r.body)}) where id = ${r.id}`.execute(
        db,
      );
    }
    after = rows.rows.at(-1)!.id;
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
