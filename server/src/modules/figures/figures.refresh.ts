import { sql } from 'kysely';
import { plannedPerCall, type Db, type Executor } from '../../platform/db.js';
import { partsFromRows, suggestionStates, type FactSource } from './figures.facts.js';

// The rollup of the figures kept up to date: writes mark the suggestions they touched
// (triggers of migration 0010); before figures are counted, the marked suggestions' facts are
// written again from their rows by the first stage of figures.facts.ts — their state on each
// day they changed, each valid until the next — so the rollup is that definition, not a
// second one. Claiming the marks and writing the facts is one transaction:
// a second reader waits for it and then finds the marks gone and the facts written.

/** Suggestions recounted per statement: bounded work even after a large import. */
const CHUNK = 2000;

/** Writes every version of the given suggestions' facts and of their parts'. */
export async function writeFacts(tx: Executor, suggestionIds: readonly number[]): Promise<void> {
  if (suggestionIds.length === 0) return;
  const ids = [...suggestionIds];
  await sql`delete from figure_part_version where suggestion_id = any(${ids}::int[])`.execute(tx);
  await sql`delete from figure_suggestion_version where suggestion_id = any(${ids}::int[])`.execute(tx);
  await sql`delete from figure_system_version where suggestion_id = any(${ids}::int[])`.execute(tx);
  await sql`${sql.raw(plannedPerCall)} ${partsFromRows({ suggestionIds: ids })},
    states as (${suggestionStates(false)}),
    system_states as (${suggestionStates(true, true)}),
    systems as (
      insert into figure_system_version (suggestion_id, unit_system_id, valid_from, valid_until, congress_id,
        session_id, period, continued, replied, rehandling, unsatisfied_given, att_rank, res_rank)
      select c.id, s.unit_system_id, c.as_of, c.until, c.congress_id, c.session_id, c.period, c.continued, s.replied,
        s.rehandling, s.unsatisfied_given, s.att_rank, s.res_rank
      from cohort c join system_states s on s.id = c.id and s.as_of = c.as_of
    ),
    suggestions as (
      insert into figure_suggestion_version (suggestion_id, valid_from, valid_until, congress_id, session_id, period,
        registered_on, continued, category_code, delegation_id, is_key, disclosed, replied, rehandling,
        unsatisfied_given, att_rank, res_rank)
      select c.id, c.as_of, c.until, c.congress_id, c.session_id, c.period, c.registered_on, c.continued,
        c.category_code, c.delegation_id, c.is_key, c.disclosed, s.replied, s.rehandling, s.unsatisfied_given,
        s.att_rank, s.res_rank
      from cohort c join states s on s.id = c.id and s.as_of = c.as_of
    )
    insert into figure_part_version (assignment_id, valid_from, valid_until, suggestion_id, congress_id, session_id,
      unit_id, role, continued, opinion_sent, opinion_on_time, reply_id, class_code, first_on_time, rehandling,
      att_rank, res_rank, unsatisfied_given)
    select ps.id, ps.as_of, ps.until, ps.suggestion_id, c.congress_id, c.session_id, ps.unit_id, ps.role,
      ps.continued, ps.opinion_sent, ps.opinion_on_time, ps.reply_id, ps.class_code, ps.first_on_time, ps.rehandling,
      ps.att_rank, ps.res_rank, ps.unsatisfied_given
    from ps join cohort c on c.id = ps.suggestion_id and c.as_of = ps.as_of`.execute(tx);
}

/** Recounts a chunk of the marks up to `upTo`; answers how many marks it cleared. */
async function refreshChunk(tx: Executor, chunk: number, upTo: string): Promise<number> {
  const { rows } = await sql<{ suggestion_id: number }>`
    delete from figure_stale where id in (
      select id from figure_stale where id <= ${upTo}::bigint order by id limit ${chunk})
    returning suggestion_id`.execute(tx);
  await writeFacts(tx, [...new Set(rows.map((r) => r.suggestion_id))]);
  return rows.length;
}

/**
 * Recounts every suggestion marked stale when it began (in the caller's transaction, if it
 * is one), a chunk per transaction; `pause` yields between chunks (a background job sharing
 * PGlite's only connection with requests). A chunk that another reader claimed first comes
 * back short once that reader commits, so it goes on until no mark it saw is left. Answers
 * how many marks it cleared.
 */
export async function refreshFigureFacts(db: Executor, chunk = CHUNK, pause = false): Promise<number> {
  const { rows } = await sql<{ last: string | null }>`select max(id)::text as last from figure_stale`.execute(db);
  const upTo = rows[0]?.last;
  if (upTo === null || upTo === undefined) return 0;
  let refreshed = 0;
  for (;;) {
    refreshed += db.isTransaction
      ? await refreshChunk(db, chunk, upTo)
      : await (db as Db).transaction().execute((tx) => refreshChunk(tx, chunk, upTo));
    const left = await sql<{ left: boolean }>`
      select exists (select 1 from figure_stale where id <= ${upTo}::bigint) as left`.execute(db);
    if (!left.rows[0]?.left) return refreshed;
    if (pause) await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Before a figure is counted, the rollup takes in every write made so far. */
export async function freshFacts(db: Executor, source: FactSource): Promise<void> {
  if (source === 'rollup') await refreshFigureFacts(db);
}
