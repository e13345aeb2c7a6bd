import type { Executor } from '../../platform/db.js';

export interface CurrentSession {
  id: number;
  opens_on: string;
  submission_closes_at: Date;
}

const TTL_MS = 10_000;

/**
 * Each congress's current session, remembered for a few seconds: every submission needs its
 * opening day and closing time to place the suggestion in a series. Whoever uses a
 * remembered row must check in its own statement that the session is still current and
 * unchanged, and call `forget` and read again when it is not — so a stale row costs a retry,
 * never a wrong series.
 */
export class CurrentSessions {
  private readonly rows = new Map<number, { row: CurrentSession; until: number }>();

  async get(db: Executor, congressId: number, now = Date.now()): Promise<CurrentSession | undefined> {
    const kept = this.rows.get(congressId);
    if (kept && kept.until > now) return kept.row;
    const row = await db
      .selectFrom('congress_session')
      .select(['id', 'opens_on', 'submission_closes_at'])
      .where('congress_id', '=', congressId)
      .where('is_current', '=', true)
      .executeTakeFirst();
    if (row) this.rows.set(congressId, { row, until: now + TTL_MS });
    else this.rows.delete(congressId);
    return row;
  }

  forget(congressId: number): void {
    this.rows.delete(congressId);
  }
}
