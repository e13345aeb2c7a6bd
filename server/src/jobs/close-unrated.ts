import { sql } from 'kysely';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db.js';
import { chinaToday } from '../modules/deadline/deadline.workflow.js';
import { closePartForNoFeedback } from '../modules/suggestion/commands/close-suggestion.js';

/**
 * 未反馈: each unit's replied part whose latest reply's feedback window (stored on the reply
 * when it was sent) has ended closes by itself, and its suggestion once all its parts have.
 * Each part is its own transaction.
 */
export async function closeUnratedReplies(db: Db, clock: Clock): Promise<number> {
  const today = chinaToday(clock.now());
  const candidates = await db
    .selectFrom('assignment as a')
    .select('a.id')
    .where('a.state', '=', 'replied')
    .where(
      sql<string>`(select r.feedback_due from reply r where r.assignment_id = a.id and r.state = 'sent' order by r.id desc limit 1)`,
      '<',
      today,
    )
    .orderBy('a.id')
    .execute();
  let closed = 0;
  for (const c of candidates) {
    const done = await db.transaction().execute((tx) => closePartForNoFeedback(tx, c.id, clock));
    if (done) closed += 1;
  }
  return closed;
}
