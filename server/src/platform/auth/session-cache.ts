import type { SessionRow } from './session.repository.js';

/** How long another process's change (logout, disabling, password reset) may go unseen here. */
export const SESSION_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 20_000;

/**
 * A few seconds of memory for session lookups, so a busy user's requests cost one query less.
 * This process forgets a session at once on logout, role switch, password change or when its
 * user is disabled; another server process sharing the database reads the session again
 * within SESSION_CACHE_TTL_MS, so it honours such a change at most that much later. A session
 * idle longer than the idle limit is never answered from here either.
 */
export class SessionCache {
  private readonly entries = new Map<string, { row: SessionRow; until: number }>();

  get(tokenHash: string, now: number, idleMs: number): SessionRow | undefined {
    const hit = this.entries.get(tokenHash);
    if (!hit) return undefined;
    if (hit.until < now || hit.row.last_seen_at.getTime() + idleMs <= now) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return hit.row;
  }

  set(tokenHash: string, row: SessionRow, now: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(tokenHash, { row, until: now + SESSION_CACHE_TTL_MS });
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  forgetUser(userId: number): void {
    for (const [key, { row }] of this.entries) if (row.user_id === userId) this.entries.delete(key);
  }
}
