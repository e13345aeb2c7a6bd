import { sql } from 'kysely';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db.js';
import { computeDeadline, chinaToday } from '../modules/deadline/deadline.workflow.js';
import { loadDeadlineContext } from '../modules/handling-rules/handling-rules.repository.js';
import { closeForNoFeedback } from '../modules/suggestion/commands/close-suggestion.js';

/**
 * 未反馈: a replied suggestion whose deputy gave no rating within the feedback window after
 * the last reply closes by itself. Each one is its own transaction.
 */
export async function closeUnratedReplies(db: Db, clock: Clock): Promise<number> {
  const today = chinaToday(clock.now());
  const candidates = await db
    .selectFrom('suggestion as s')
    .select(['s.id', 's.congress_id', sql<Date>`(select max(r.sent_at) from reply r where r.suggestion_id = s.id and r.state = 'sent')`.as('last_sent')])
    .where('s.status', '=', 'replied')
    .execute();
  const contexts = new Map<number, Awaited<ReturnType<typeof loadDeadlineContext>>>();
  let closed = 0;
  for (const c of candidates) {
    if (!c.last_sent) continue;
    let dctx = contexts.get(c.congress_id);
    if (!dctx) {
      dctx = await loadDeadlineContext(db, c.congress_id);
      contexts.set(c.congress_id, dctx);
    }
    const due = computeDeadline(chinaToday(new Date(c.last_sent)), dctx.rules.feedbackWindow, dctx.calendar).due;
    if (today <= due) continue;
    const done = await db.transaction().execute((tx) => closeForNoFeedback(tx, c.id, clock));
    if (done) closed += 1;
  }
  return closed;
}
