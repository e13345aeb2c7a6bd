import type { Executor } from '../../platform/db.js';

/**
 * A user's latest notices in the congress they are acting in, and how many are unread: a
 * person who is a deputy of one congress and staff of another sees each role's notices apart.
 * Notices of no congress (the installation's own) show everywhere.
 */
export async function listNotices(
  db: Executor,
  userId: number,
  congressId: number,
  options: { unreadOnly: boolean; limit: number },
) {
  const mine = db
    .selectFrom('outbox')
    .where('recipient_user_id', '=', userId)
    .where((eb) => eb.or([eb('congress_id', '=', congressId), eb('congress_id', 'is', null)]));
  const listed = options.unreadOnly ? mine.where('read_at', 'is', null) : mine;
  const [items, unread] = await Promise.all([
    listed
      .select(['id', 'kind', 'title', 'body', 'suggestion_id', 'created_at', 'read_at'])
      .orderBy('id', 'desc')
      .limit(options.limit)
      .execute(),
    mine
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, unread: Number(unread.n) };
}

/** Marks one of the user's own notices read; false when there is no such notice of theirs. */
export async function markNoticeRead(db: Executor, userId: number, noticeId: number): Promise<boolean> {
  const own = await db
    .updateTable('outbox')
    .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(new Date())) }))
    .where('id', '=', noticeId)
    .where('recipient_user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return own !== undefined;
}
