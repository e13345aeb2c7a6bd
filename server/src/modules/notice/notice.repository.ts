import type { Executor } from '../../platform/db.js';

/** A user's latest notices and how many are unread. */
export async function listNotices(db: Executor, userId: number, options: { unreadOnly: boolean; limit: number }) {
  let q = db.selectFrom('outbox').select(['id', 'kind', 'title', 'body', 'suggestion_id', 'created_at', 'read_at']).where('recipient_user_id', '=', userId);
  if (options.unreadOnly) q = q.where('read_at', 'is', null);
  const [items, unread] = await Promise.all([
    q.orderBy('id', 'desc').limit(options.limit).execute(),
    db.selectFrom('outbox').select((eb) => eb.fn.countAll<number>().as('n')).where('recipient_user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  return { items, unread: Number(unread.n) };
}

/** Marks one of the user's own notices read; someone else's is left untouched. */
export async function markNoticeRead(db: Executor, userId: number, noticeId: number): Promise<void> {
  await db.updateTable('outbox').set({ read_at: new Date() }).where('id', '=', noticeId).where('recipient_user_id', '=', userId).where('read_at', 'is', null).execute();
}
