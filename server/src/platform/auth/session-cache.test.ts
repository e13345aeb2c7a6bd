import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache.js';

const row = (userId: number, lastSeen = 0) =>
  ({ user_id: userId, last_seen_at: new Date(lastSeen) }) as unknown as Parameters<SessionCache['set']>[1];
const idle = 60 * 60_000;

describe('the short session memory', () => {
  it('remembers a session for five seconds, then asks the database again', () => {
    const cache = new SessionCache();
    cache.set('a', row(1), 1_000);
    expect(cache.get('a', 5_999, idle)).toBeDefined();
    expect(cache.get('a', 6_001, idle)).toBeUndefined();
  });

  it('never answers for a session idle longer than the limit, even within its five seconds', () => {
    const cache = new SessionCache();
    cache.set('a', row(1, 0), idle - 1_000);
    expect(cache.get('a', idle - 1, idle)).toBeDefined();
    expect(cache.get('a', idle, idle)).toBeUndefined();
  });

  it('forgets one session at logout, and every session of a user at a password change', () => {
    const cache = new SessionCache();
    cache.set('a', row(1), 0);
    cache.set('b', row(1), 0);
    cache.set('c', row(2), 0);
    cache.forget('a');
    expect(cache.get('a', 1, idle)).toBeUndefined();
    cache.forgetUser(1);
    expect(cache.get('b', 1, idle)).toBeUndefined();
    expect(cache.get('c', 1, idle)).toBeDefined();
  });
});
