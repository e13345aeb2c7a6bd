import type { Executor } from '../../platform/db.js';
import { sessionLabel } from '../../shared/labels.js';

/** The congress's terms, newest first, each with its sessions. */
export async function listTerms(db: Executor, congressId: number) {
  const [congress, terms, sessions] = await Promise.all([
    db.selectFrom('congress').select('short_name').where('id', '=', congressId).executeTakeFirstOrThrow(),
    db.selectFrom('term').selectAll().where('congress_id', '=', congressId).orderBy('ordinal', 'desc').execute(),
    db
      .selectFrom('congress_session')
      .selectAll()
      .where('congress_id', '=', congressId)
      .orderBy('ordinal', 'desc')
      .execute(),
  ]);
  return {
    items: terms.map((t) => ({
      id: t.id,
      ordinal: t.ordinal,
      startsOn: t.starts_on,
      endsOn: t.ends_on,
      sessions: sessions
        .filter((s) => s.term_id === t.id)
        .map((s) => ({
          id: s.id,
          termId: s.term_id,
          ordinal: s.ordinal,
          label: sessionLabel(congress.short_name, t.ordinal, s.ordinal),
          opensOn: s.opens_on,
          closesOn: s.closes_on,
          submissionClosesAt: s.submission_closes_at,
          reassignmentWindowUntil: s.reassignment_window_until,
          isCurrent: s.is_current,
        })),
    })),
  };
}
