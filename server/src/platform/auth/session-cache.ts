import type { findSession } from './session.repository.js';

type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

const TTL_MS = 5_000;
const MAX_ENTRIES = 20_000;

/**
 * A few seconds of memory for session lookups, so a busy user's requests cost one query less.
 * This process forgets a session at once on logout, role switch or password change; another
 * server process sharing the database may honour it for at most TTL_MS longer.
 */
export class SessionCache {
  private readonly entries = new Map<string, { row: SessionRow; until: number }>();

  get(tokenHash: string, now = Date.now()): SessionRow | undefined {
    const hit = this.entries.get(tokenHash);
    if (!hit) return undefined;
    if (hit.until < now) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return hit.row;
  }

  set(tokenHash: string, row: SessionRow, now = Date.now()): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(tokenHash, { row, until: now + TTL_MS });
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  forgetUser(userId: number): void {
    for (const [key, { row }] of this.entries) if (row.user_id === userId) this.entries.delete(key);
  }
}
